#!/usr/bin/env node
// Fleet: two proxy processes sharing one Redis (a redis-server started here on a unix socket), against
// the sandbox. 500 concurrent `POST /session` for 500 new users on process A, then the same 500 users
// on process B (its end-user cache hit ratio: goal 100 %), then 3,000 more users, 500 at a time, split
// across both (each process's heap after a GC: goal flat). Prints failures, p50/p99 of the first wave,
// the hit ratio and the heaps: figures, never pass/fail. The app-wide limit is raised to the load (a
// load test is a fleet's worth of users at once); the per-user limit is the default.
// Needs the built packages (`pnpm -r build`) and redis-server. `--json` prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const credentials = { username: 'u', password: 'p', authId: 'a', authSecret: 's' };
const STORE_SECRET = 'bench-store-secret-0123456789abcdefghij';

if (process.argv[2] === '--worker') {
  const [, , , redisPath, sandboxUrl] = process.argv;
  const { createThryveClient, createThryveConnectHandler, toNodeHandler } = await import('../dist/index.js');
  const { createRedisStore } = await import('../dist/redis.js');
  const client = createThryveClient({
    ...credentials,
    hosts: { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl },
  });
  let lookups = 0;
  const counting = {
    ...client,
    getOrCreateEndUser: (...args) => {
      lookups++;
      return client.getOrCreateEndUser(...args);
    },
  };
  const store = createRedisStore({ redis: { path: redisPath }, prefix: 'bench:' });
  const handler = toNodeHandler(
    createThryveConnectHandler({
      client: counting,
      store,
      storeSecret: STORE_SECRET,
      limits: { app: { capacity: 20_000, refillPerSecond: 5_000 } },
      getEndUser: (request) => {
        const match = /session=([A-Za-z0-9-]+)/.exec(request.headers.get('cookie') ?? '');
        return match ? { alias: match[1] } : null;
      },
    }),
  );
  const server = createServer((req, res) => {
    if (req.url === '/stats') {
      globalThis.gc();
      globalThis.gc();
      res.end(JSON.stringify({ lookups, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 }));
      lookups = 0;
      return;
    }
    handler(req, res);
  });
  server.maxConnections = 10_000;
  server.listen(0, '127.0.0.1', 1024, () => console.log(`PORT ${server.address().port}`));
  process.on('SIGTERM', async () => {
    server.closeAllConnections();
    server.close();
    await store.close();
    process.exit(0);
  });
} else {
  const { startSandbox } = await import('@thryve-connect/sandbox');
  const dir = mkdtempSync(join(tmpdir(), 'thryve-bench-redis-'));
  const redisPath = join(dir, 'redis.sock');
  const redis = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', redisPath, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  redis.on('error', () => {
    console.error('redis-server is missing: apt-get install -y redis-server');
    process.exit(1);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sandbox = await startSandbox({ port: 0, credentials });
  const workers = [];
  for (let i = 0; i < 2; i++) {
    const child = spawn(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--worker', redisPath, sandbox.url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const port = await new Promise((resolve) => {
      child.stdout.on('data', (data) => {
        const match = /PORT (\d+)/.exec(String(data));
        if (match) resolve(Number(match[1]));
      });
    });
    workers.push({ child, base: `http://127.0.0.1:${port}` });
  }

  async function post(base, user) {
    const started = performance.now();
    try {
      const response = await fetch(`${base}/api/thryve/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `session=${user}` },
        body: '{"locale":"en"}',
      });
      const text = await response.text();
      return {
        ok: response.status === 200 && text.includes('connectionSessionToken'),
        ms: performance.now() - started,
      };
    } catch {
      return { ok: false, ms: performance.now() - started };
    }
  }
  const stats = async (worker) => (await fetch(`${worker.base}/stats`)).json();
  const wave = (worker, users) => Promise.all(users.map((user) => post(worker.base, user)));

  const [a, b] = workers;
  for (let i = 0; i < 50; i++) await post(a.base, `warm-a-${i}`);
  for (let i = 0; i < 50; i++) await post(b.base, `warm-b-${i}`);
  const heapA0 = (await stats(a)).heapMb;
  const heapB0 = (await stats(b)).heapMb;
  const users = Array.from({ length: 500 }, (_, i) => `fleet-${i}`);
  const first = await wave(a, users);
  const again = await wave(b, users);
  const lookupsOnB = (await stats(b)).lookups;
  const results = [...first, ...again];
  for (let round = 0; round < 6; round++) {
    const worker = round % 2 === 0 ? a : b;
    results.push(
      ...(await wave(
        worker,
        Array.from({ length: 500 }, (_, i) => `more-${round}-${i}`),
      )),
    );
  }
  const heapA = (await stats(a)).heapMb;
  const heapB = (await stats(b)).heapMb;
  const times = first.map((r) => r.ms).sort((x, y) => x - y);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  const figures = {
    'fleet: processes sharing Redis': 2,
    'fleet: concurrent POST /session': 500,
    'fleet: failures': results.filter((r) => !r.ok).length,
    'fleet: p50 ms': +pct(50).toFixed(1),
    'fleet: p99 ms': +pct(99).toFixed(1),
    'fleet: end-user cache hits on the other process %': +((100 * (500 - lookupsOnB)) / 500).toFixed(1),
    'fleet: heap A before MB': +heapA0.toFixed(2),
    'fleet: heap B before MB': +heapB0.toFixed(2),
    'fleet: heap A after 3,000 more users MB': +heapA.toFixed(2),
    'fleet: heap B after 3,000 more users MB': +heapB.toFixed(2),
  };
  for (const worker of workers) worker.child.kill('SIGTERM');
  await sandbox.close();
  redis.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else console.table(figures);
}
