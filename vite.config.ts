import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.js';
import { TEST_SANDBOX_PORT } from './test/support/ports.js';
import { sourceAliases } from './test/support/sourceAliases.js';
import { thryveDevProxy } from './test/support/thryveDevProxy.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Browser tests and stories talk to the sandbox the global setup starts, through the real backend
// proxy mounted on the test server (same path as a host app: page → /api/thryve → sandbox).
const sandboxUrl = `http://127.0.0.1:${TEST_SANDBOX_PORT}`;
process.env.THRYVE_SANDBOX_URL = sandboxUrl; // read by .storybook/main.ts for the storybook project

// Tests run against the sources, not dist: no build needed between an edit and a test.
const alias = sourceAliases();

// Debian's Chromium with the flags this machine needs (test/support/chromium.ts).
const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
  // Each browser instance needs a name of its own (not its project's), or Vitest refuses the config.
  instances: [{ browser: 'chromium' as const, name: `${name} (chromium)` }],
});

// Vitest projects do not nest, so every project is listed here, explicitly.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'core', environment: 'node', include: ['packages/core/test/**/*.test.ts'] },
      },
      // The repository's own tooling: the docs check and the release's tarball checks.
      { test: { name: 'tooling', environment: 'node', include: ['test/tooling/**/*.test.mjs'] } },
      {
        resolve: { alias },
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['packages/sandbox/test/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The contract suite: against a sandbox it starts (here, in `pnpm test`), or against a real
          // Thryve through `pnpm test:conformance` (scripts/conformance.mjs). Its own timeouts.
          name: 'conformance',
          environment: 'node',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Whole-page flows (redirects, new tabs) that a Vitest browser page cannot survive:
          // Playwright drives Debian Chromium against a fixture app and the sandbox.
          name: 'e2e',
          environment: 'node',
          include: [
            'test/e2e/**/*.e2e.test.ts',
            'test/consumers/**/*.e2e.test.ts',
            'test/guides/**/*.e2e.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page waits on real servers, builds and hydration on a shared 2-core machine: Vitest's
          // 1 s default for `expect.poll` is a timing test in disguise, and it failed CI once.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      // `pnpm bench` only: figures, not pass/fail timings, so it stays out of `pnpm test`.
      ...(process.env.THRYVE_BENCH === '1'
        ? [
            {
              resolve: { alias },
              test: {
                name: 'bench',
                environment: 'node',
                include: ['test/bench/**/*.bench.test.ts'],
                testTimeout: 300_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        // The same jsdom suite on React 18: our peer range says ^18.2 || ^19, and this is what proves 18.
        plugins: [react()],
        resolve: {
          alias: [
            ...alias,
            { find: /^react-dom($|\/.*)/, replacement: `${here('./node_modules/react-dom-18')}$1` },
            { find: /^react($|\/.*)/, replacement: `${here('./node_modules/react-18')}$1` },
          ],
        },
        test: {
          name: 'react-18',
          environment: 'jsdom',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          exclude: ['packages/react/test/**/*.{browser,server}.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/react18.setup.ts', 'packages/react/test/setup.ts'],
          // Inlined so the aliases reach it too: one React in the process, not two.
          server: { deps: { inline: ['@tanstack/react-query'] } },
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          exclude: ['packages/react/test/**/*.{browser,server}.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
        },
      },
      {
        // `@thryve-connect/react/server` as an RSC bundler runs it: under the `react-server` condition,
        // where `react` is React's server build (no hooks). The island's HTML is rendered in a second
        // Node process without the condition, as a framework's SSR renders a client component.
        resolve: {
          alias: [
            {
              find: '@thryve-connect/react/server',
              replacement: here('./packages/react/src/server/index.ts'),
            },
            ...alias,
          ],
        },
        ssr: {
          resolve: { conditions: ['react-server', 'development'], externalConditions: ['react-server'] },
        },
        test: {
          name: 'react-server',
          environment: 'node',
          include: ['packages/react/test/**/*.server.test.{ts,tsx}'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react(), thryveDevProxy({ sandboxUrl })],
        resolve: { alias },
        // Pre-bundled up front: a dependency found mid-run makes Vite reload the page under a test.
        optimizeDeps: {
          include: [
            '@testing-library/react',
            '@testing-library/user-event',
            'axe-core',
            '@tanstack/react-query',
            '@tanstack/query-core',
          ],
        },
        test: {
          name: 'react-browser',
          include: ['packages/react/test/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 30_000,
          browser: browser('react-browser'),
        },
      },
      {
        plugins: [storybookTest({ configDir: here('./.storybook') })],
        resolve: { alias },
        test: {
          name: 'storybook',
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 30_000,
          browser: browser('storybook'),
        },
      },
    ],
  },
});
