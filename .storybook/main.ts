import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin } from 'vite';
import { DEV_SANDBOX_PORT } from '../test/support/ports.js';
import { thryveDevProxy } from '../test/support/thryveDevProxy.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `pnpm start` runs the sandbox on 4010; the stories' browser tests set THRYVE_SANDBOX_URL to theirs.
const sandboxUrl = process.env.THRYVE_SANDBOX_URL ?? `http://127.0.0.1:${DEV_SANDBOX_PORT}`;

/**
 * Puts MSW's worker script beside the static build's iframe.html, from the installed msw, so it can
 * never drift from the library version the preview bundles (MSW checks that the two match).
 */
function mswWorkerScript(): Plugin {
  return {
    name: 'thryve-msw-worker-script',
    apply: 'build',
    generateBundle() {
      const file = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(file) });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // The static build's navigation relay for the in-browser sandbox (see stories/support/browserSandbox.ts).
  staticDirs: ['../stories/public'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    options: { strictMode: true, builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    // `storybook build` makes a site to publish as-is: no sandbox process and no proxy, so the sandbox
    // and the proxy routes run in the browser (MSW); stories use them exactly as they use the real ones.
    const inBrowser = configType === 'PRODUCTION';
    return mergeConfig(viteConfig, {
      // Stories use the library's sources: an edit shows up without a build.
      resolve: {
        alias: {
          '#is-development': here('../packages/react/src/isDevelopment/development.ts'),
          // Before the package's own entry: an alias also matches what starts with it.
          '@thryve-connect/react/messages/de': here('../packages/react/src/messages/de.ts'),
          '@thryve-connect/core': here('../packages/core/src/index.ts'),
          '@thryve-connect/react': here('../packages/react/src/index.ts'),
          // The static build runs the sandbox in the page; it imports nothing of ours but itself.
          '@thryve-connect/sandbox/msw': here('../packages/sandbox/src/msw.ts'),
          // Loaded on the dev server only, by the proxy middleware (never shipped to the preview).
          '@thryve-connect/server': here('../packages/server/src/index.ts'),
        },
      },
      define: {
        'import.meta.env.STORYBOOK_THRYVE_SANDBOX_URL': JSON.stringify(sandboxUrl),
        'import.meta.env.STORYBOOK_THRYVE_IN_BROWSER': JSON.stringify(inBrowser ? 'true' : 'false'),
      },
      plugins: inBrowser ? [mswWorkerScript()] : [thryveDevProxy({ sandboxUrl })],
    });
  },
};
export default config;
