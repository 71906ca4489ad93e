#!/usr/bin/env node
// `pnpm test:conformance [--dry-run]`: the contract suite (test/conformance) on its own.
// - With THRYVE_API_HOST, THRYVE_WIDGET_HOST, THRYVE_DIRECT_HOST, THRYVE_USERNAME, THRYVE_PASSWORD,
//   THRYVE_AUTH_ID and THRYVE_AUTH_SECRET set: against that Thryve (up to ~45 min: the token-lifetime
//   probe waits up to 20 min, then narrows). Without them: against a sandbox it starts (~10 s).
// - --dry-run: prints every request it would make (secrets redacted) and sends none.
// Prints the findings table; writes .test-results/conformance.json (the report to send back) and
// .test-results/conformance.txt (the table). Exit code 0 when every check passed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dry-run' && arg !== '--');
if (unknown.length > 0 || args.includes('--help')) {
  console.error('Usage: pnpm test:conformance [--dry-run]');
  process.exit(unknown.length > 0 ? 2 : 0);
}
const dryRun = args.includes('--dry-run');
const resultsDir = '.test-results';
const output = dryRun ? `${resultsDir}/conformance-dry-run.txt` : `${resultsDir}/conformance.txt`;
rmSync(output, { force: true });

// Only this script may point the suite at a real Thryve: `pnpm test` and CI always use the sandbox.
const env = { ...process.env, THRYVE_CONFORMANCE_RUN: '1', THRYVE_CONFORMANCE_DRY_RUN: dryRun ? '1' : '' };
const { status } = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--project', 'conformance', 'test/conformance/conformance.test.ts', '--silent'],
  { stdio: ['ignore', 'inherit', 'inherit'], env },
);

if (existsSync(output)) {
  process.stdout.write(`\n${readFileSync(output, 'utf8')}`);
  if (!dryRun) {
    console.log(`\nReport: ${resultsDir}/conformance.json (credentials and tokens are already redacted).`);
  }
} else {
  console.error(`\nThe suite wrote no ${output}: see the errors above.`);
}
process.exit(status ?? 1);
