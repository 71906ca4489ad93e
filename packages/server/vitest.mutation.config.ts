import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// A flat config for `pnpm mutation` (Stryker does not pick one project out of the root's `projects`).
export default defineConfig({
  resolve: {
    alias: {
      '@thryve-connect/core': here('../core/src/index.ts'),
      '@thryve-connect/server': here('./src/index.ts'),
      '@thryve-connect/sandbox': here('../sandbox/src/index.ts'),
    },
  },
  test: {
    name: 'server',
    root: here('.'),
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
