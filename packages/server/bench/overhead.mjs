#!/usr/bin/env node
// The proxy's own cost: the same session request straight to the sandbox (what a backend would send
// Thryve by hand) and through the proxy (Node server + toNodeHandler + handler + client), alternated.
// Needs the built packages (`pnpm -r build`). `--json` prints one JSON line for `pnpm bench`.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../sandbox/dist/index.js';
import { createThryveClient, createThryveConnectHandler, toNodeHandler } from '../dist/index.js';

const RUNS = 300;
const credentials = { username: 'u', password: 'p', authId: 'a', authSecret: 's' };
const sandbox = await startSandbox({ port: 0, credentials });
const client = createThryveClient({ ...credentials, hosts: sandbox.hosts });
// One user asking hundreds of times in a row: the per-user limit would measure itself, not the proxy.
const handler = createThryveConnectHandler({
  client,
  getEndUser: () => ({ alias: 'bench-user' }),
  limits: false,
});
const server = createServer(toNodeHandler(handler));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${server.address().port}/api/thryve/session`;
const endUserId = await client.getOrCreateEndUser('bench-user');
const basic = (a, b) => `Basic ${Buffer.from(`${a}:${b}`).toString('base64')}`;

const direct = () =>
  fetch(`${sandbox.url}/widget/v6/connection`, {
    method: 'POST',
    headers: {
      authorization: basic(credentials.username, credentials.password),
      appauthorization: basic(credentials.authId, credentials.authSecret),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ endUserId, locale: 'en' }),
  }).then((response) => response.text());
const proxied = () =>
  fetch(proxyUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"locale":"en"}',
  }).then((response) => response.text());

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

for (let i = 0; i < 30; i++) await Promise.all([direct(), proxied()]); // warm-up (JIT, sockets)
// Paired runs: each proxied request beside a direct one, in alternating order, so a slow moment on the
// shared machine lands on both. The overhead is each pair's difference, not a difference of percentiles
// (two percentiles of different runs can even make a negative p99).
const directMs = [];
const proxyMs = [];
const overheadMs = [];
for (let i = 0; i < RUNS; i++) {
  const [first, second] = i % 2 === 0 ? [direct, proxied] : [proxied, direct];
  const a = await time(first);
  const b = await time(second);
  const [d, p] = first === direct ? [a, b] : [b, a];
  directMs.push(d);
  proxyMs.push(p);
  overheadMs.push(p - d);
}
const pct = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const figures = {
  'direct p50 ms': +pct(directMs, 50).toFixed(2),
  'through proxy p50 ms': +pct(proxyMs, 50).toFixed(2),
  [`overhead p50 / p99 ms (${RUNS} paired differences)`]: `${pct(overheadMs, 50).toFixed(2)} / ${pct(overheadMs, 99).toFixed(2)}`,
};
server.closeAllConnections();
server.close();
await sandbox.close();
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else console.table(figures);
