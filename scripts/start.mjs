#!/usr/bin/env node
// `pnpm start`: the local Thryve sandbox on http://127.0.0.1:4010 and Storybook on
// http://localhost:6006, wired to each other through the backend proxy. No Thryve account needed.
import { spawn, spawnSync } from 'node:child_process';

const SANDBOX_PORT = process.env.THRYVE_SANDBOX_PORT ?? '4010';
const STORYBOOK_PORT = process.env.STORYBOOK_PORT ?? '6006';

// The sandbox runs from its build (a separate Node process on its own origin, like Thryve).
const build = spawnSync('pnpm', ['--filter', '@thryve-connect/sandbox', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn('node', ['packages/sandbox/dist/cli.js', '--port', SANDBOX_PORT], { stdio: 'inherit' }),
  spawn('pnpm', ['exec', 'storybook', 'dev', '-p', STORYBOOK_PORT, '--no-open', '--ci'], {
    stdio: 'inherit',
    env: { ...process.env, THRYVE_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}` },
  }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
