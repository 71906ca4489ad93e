#!/usr/bin/env node
// `pnpm test`: the whole suite, in the order a failure is cheapest to read. Every step runs even when
// an earlier one failed, so one run shows everything that is wrong. The last line is
// `N passed, N failed`: Vitest's test counts, plus one failure for each other check that failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const results = [];
const resultsDir = '.test-results';
mkdirSync(resultsDir, { recursive: true });

function run(name, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n━━ ${name}: ${command} ${args.join(' ')}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `\nChromium was not found at ${chromium}. The browser tests need it.\n` +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium\n',
  );
  writeFileSync(`${resultsDir}/summary.txt`, '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The Redis store's tests start their own redis-server: say how to get it rather than fail obscurely.
const redis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
if (redis.status !== 0) {
  console.error(
    '\nredis-server was not found. The Redis store tests start their own.\n' +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y redis-server\n' +
      '  macOS:          brew install redis\n',
  );
  writeFileSync(`${resultsDir}/summary.txt`, '0 passed, 1 failed\n');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

run('typecheck', 'pnpm', ['-r', '--workspace-concurrency=1', 'typecheck']);
run('typecheck (stories, tests, tooling)', 'pnpm', ['exec', 'tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', 'pnpm', ['exec', 'biome', 'check', '.']);
const built = run('build', 'pnpm', ['-r', 'build']);
// The docs' TypeScript blocks against dist/, as an app that installed the packages sees them.
if (built) run('docs (code blocks against the built packages)', 'node', ['scripts/check-docs.mjs']);

const json = `${resultsDir}/vitest.json`;
rmSync(json, { force: true });
run(
  'tests (unit, browser, stories)',
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
  // After a good build, the dist tests must not skip themselves.
  built ? { THRYVE_REQUIRE_DIST: '1' } : {},
);
if (built) {
  run('size budgets', 'pnpm', ['exec', 'size-limit']);
  run('publint', 'pnpm', ['-r', '--workspace-concurrency=1', 'publint']);
  run('attw', 'pnpm', ['-r', '--workspace-concurrency=1', 'attw']);
}

let passed = 0;
let failed = 0;
if (existsSync(json)) {
  const report = JSON.parse(readFileSync(json, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
} else {
  console.error('Vitest wrote no report: counting the test step as one failure.');
}
const failedChecks = results.filter((step) => !step.ok && !step.name.startsWith('tests'));
failed += failedChecks.length;
if (passed + failed === 0) failed = 1; // A run that tested nothing is not a pass.

console.log('\n━━ summary');
for (const step of results) console.log(`${step.ok ? '✓' : '✗'} ${step.name} (${step.seconds.toFixed(1)} s)`);
const testsStep = results.find((step) => step.name.startsWith('tests'));
if (testsStep && !testsStep.ok && failed === failedChecks.length) failed += 1; // e.g. a suite that failed to load
const line = `${passed} passed, ${failed} failed`;
writeFileSync(`${resultsDir}/summary.txt`, `${line}\n`);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
