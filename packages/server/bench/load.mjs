#!/usr/bin/env node
// Load: 500 concurrent `POST /session` through toNodeHandler (a real Node server) against the sandbox,
// each for a user the proxy has not seen (so each also resolves an end user). Prints failures (goal 0),
// p50/p99 latency and the proxy's heap before and after (after a GC; goal: no growth beyond the
// end-user cache's bound of 1,000 entries). Three waves: the second and third fill and then churn
// the cache. Needs the built packages (`pnpm -r build`). `--json` prints one JSON line for `pnpm bench`.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@thryve-connect/sandbox';
import { createThryveClient, createThryveConnectHandler, toNodeHandler } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') {
  // The heap figures need a full GC before each reading: run again with it exposed.
  const again = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(again.status ?? 1);
}

const CONCURRENCY = 500;
const WAVES = 3;
const credentials = { username: 'u', password: 'p', authId: 'a', authSecret: 's' };
const sandbox = await startSandbox({ port: 0, credentials });
const handler = createThryveConnectHandler({
  client: createThryveClient({ ...credentials, hosts: sandbox.hosts }),
  // 1,500 new users in three waves: the app-wide limit raised to the load; the per-user one is the default.
  limits: { app: { capacity: 20_000, refillPerSecond: 5_000 } },
  // The host's authentication stand-in: the user is the `session` cookie.
  getEndUser: (request) => {
    const match = /session=([A-Za-z0-9-]+)/.exec(request.headers.get('cookie') ?? '');
    return match ? { alias: match[1] } : null;
  },
});
const server = createServer(toNodeHandler(handler));
server.maxConnections = 10_000;
await new Promise((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
const url = `http://127.0.0.1:${server.address().port}/api/thryve/session`;

async function post(user) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `session=${user}` },
      body: '{"locale":"en"}',
    });
    const text = await response.text();
    const ok = response.status === 200 && text.includes('connectionSessionToken');
    return { ok, ms: performance.now() - started };
  } catch {
    return { ok: false, ms: performance.now() - started };
  }
}

const heapMb = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

for (let i = 0; i < 50; i++) await post(`warm-${i}`); // JIT, sockets
const heapBefore = heapMb();
const waves = [];
for (let wave = 0; wave < WAVES; wave++) {
  const results = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => post(`load-${wave}-${i}`)));
  waves.push({ results, heap: heapMb() });
}
const first = waves[0].results;
const times = first.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
const figures = {
  'load: concurrent POST /session': CONCURRENCY,
  'load: failures': waves.reduce((sum, w) => sum + w.results.filter((r) => !r.ok).length, 0),
  'load: p50 ms': +pct(50).toFixed(1),
  'load: p99 ms': +pct(99).toFixed(1),
  'load: heap before MB': +heapBefore.toFixed(2),
  'load: heap after 500 MB': +waves[0].heap.toFixed(2),
  'load: heap after 1,500 (cache full) MB': +waves[WAVES - 1].heap.toFixed(2),
};
server.closeAllConnections();
server.close();
await sandbox.close();
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else console.table(figures);
