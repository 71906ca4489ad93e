import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// A flat config for `pnpm mutation` (Stryker does not pick one project out of the root's `projects`).
// The production-build test bundles the sources, which Stryker's instrumentation breaks: left out.
export default defineConfig({
  resolve: {
    alias: {
      '@thryve-connect/core': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      // What a development build resolves core's `#is-development` to (package.json `imports`).
      '#is-development': fileURLToPath(new URL('./src/isDevelopment/development.ts', import.meta.url)),
    },
  },
  test: {
    name: 'core',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/productionBuild.test.ts'],
  },
});
