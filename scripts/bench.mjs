#!/usr/bin/env node
// `pnpm bench`: every figure we track, in one table: size budgets (size-limit), the browser
// benchmarks (test/bench, Playwright + Debian Chromium against the sandbox), the proxy's overhead and
// its load figure (500 concurrent sessions), and a fleet of two proxy processes sharing Redis.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const rows = [];
const run = (command, args, env = {}) =>
  spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

const build = spawnSync('pnpm', ['-r', 'build'], { stdio: 'ignore' });
if (build.status !== 0) {
  console.error('pnpm -r build failed: run it to see why.');
  process.exit(1);
}

const size = run('pnpm', ['exec', 'size-limit', '--json']);
let sizes = [];
try {
  sizes = JSON.parse(size.stdout);
  for (const entry of sizes) {
    rows.push({
      figure: `size: ${entry.name}`,
      value: `${(entry.size / 1000).toFixed(2)} kB gzip`,
      budget: entry.sizeLimit ? `${(entry.sizeLimit / 1000).toFixed(2)} kB` : '',
    });
  }
} catch {
  rows.push({ figure: 'size budgets', value: 'size-limit failed', budget: '' });
}

// The three client sizes beside issue #21's budgets and goals (named in the checks) and beside what the
// peers ship for the same job (gzip, a minimal embed, their own published figures). Printed last.
const PEERS =
  "peers: Junction's vital-link 2.1 kB, Fasten Connect 2.2 kB, Plaid 3.34 kB, Stripe 3.18 kB, Terra UI 4.6 kB";
const clientSets = [
  ['quick start (provider + widget + createProxyFetcher)', /^quick start/],
  ['provider + widget', /widget \+ provider, with the core/],
  ['whole react package', /^@thryve-connect\/react \(everything, with core/],
].map(([set, pattern]) => {
  const entry = sizes.find((candidate) => pattern.test(candidate.name));
  const named = (word) => new RegExp(`${word} (\\d+(?:\\.\\d+)?) kB`).exec(entry?.name ?? '')?.[1];
  return {
    'client set (gzip, initial chunk, core included)': set,
    ours: entry ? `${(entry.size / 1000).toFixed(2)} kB` : 'size-limit failed',
    'issue #21 budget': named('budget') ? `${named('budget')} kB` : '',
    goal: named('goal') ? `${named('goal')} kB` : '',
    met: entry && named('budget') ? (entry.size <= Number(named('budget')) * 1000 ? 'yes' : 'no') : '',
  };
});

const browser = run('pnpm', ['exec', 'vitest', 'run', '--project', 'bench'], { THRYVE_BENCH: '1' });
if (existsSync('.test-results/bench.json') && browser.status === 0) {
  for (const [figure, value] of Object.entries(
    JSON.parse(readFileSync('.test-results/bench.json', 'utf8')),
  )) {
    rows.push({ figure, value: String(value), budget: '' });
  }
} else {
  rows.push({
    figure: 'browser benchmarks',
    value: 'failed (run THRYVE_BENCH=1 pnpm exec vitest run --project bench)',
    budget: '',
  });
}

if (existsSync('packages/server/bench/overhead.mjs')) {
  const overhead = run('node', ['packages/server/bench/overhead.mjs', '--json']);
  try {
    for (const [figure, value] of Object.entries(JSON.parse(overhead.stdout.trim().split('\n').at(-1)))) {
      rows.push({ figure: `proxy ${figure}`, value: String(value), budget: '' });
    }
  } catch {
    rows.push({ figure: 'proxy overhead', value: 'failed', budget: '' });
  }
}

if (existsSync('packages/server/bench/load.mjs')) {
  const load = run('node', ['packages/server/bench/load.mjs', '--json']);
  try {
    for (const [figure, value] of Object.entries(JSON.parse(load.stdout.trim().split('\n').at(-1)))) {
      rows.push({
        figure: `proxy ${figure}`,
        value: String(value),
        budget: figure === 'load: failures' ? '0' : '',
      });
    }
  } catch {
    rows.push({ figure: 'proxy load', value: 'failed', budget: '' });
  }
}

if (existsSync('packages/server/bench/fleet.mjs')) {
  // Two proxy processes sharing one Redis: needs redis-server (apt-get install -y redis-server).
  const fleet = run('node', ['packages/server/bench/fleet.mjs', '--json']);
  try {
    for (const [figure, value] of Object.entries(JSON.parse(fleet.stdout.trim().split('\n').at(-1)))) {
      rows.push({
        figure: `proxy ${figure}`,
        value: String(value),
        budget: figure === 'fleet: failures' ? '0' : '',
      });
    }
  } catch {
    rows.push({
      figure: 'proxy fleet',
      value: `failed: ${fleet.stderr.trim().split('\n').at(-1) ?? ''}`,
      budget: '',
    });
  }
}

// The server widget (`@thryve-connect/react/server`): the script it adds to a Next page, measured on the
// Next consumer's production build (scripts/bench/rscPage.mjs; packs, installs and builds it first).
try {
  const { measureRscPage } = await import('./bench/rscPage.mjs');
  const rsc = measureRscPage();
  rows.push({
    figure: 'rsc page: JS the server widget adds (Next, on load)',
    value: `${(rsc.addedBytes / 1000).toFixed(2)} kB gzip (+${(rsc.onDemandBytes / 1000).toFixed(2)} kB on Reload)`,
    budget: `${(rsc.budgetBytes / 1000).toFixed(2)} kB`,
  });
  clientSets.push({
    'client set (gzip, initial chunk, core included)': 'the server widget on a Next page (added JS)',
    ours: `${(rsc.addedBytes / 1000).toFixed(2)} kB`,
    'issue #21 budget': `${(rsc.budgetBytes / 1000).toFixed(1)} kB`,
    goal: '',
    met: rsc.addedBytes <= rsc.budgetBytes ? 'yes' : 'no',
  });
} catch (error) {
  rows.push({ figure: 'rsc page', value: `failed: ${String(error).split('\n')[0]}`, budget: '' });
}

console.table(rows);
console.table(clientSets);
console.log(PEERS);
