#!/usr/bin/env node
// `pnpm sandbox` from the workspace root: runs the built CLI, with a clear hint when it is not built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('The sandbox is not built yet. Run: pnpm --filter @thryve-connect/sandbox build');
  process.exit(1);
}
await import(cli);
