import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { DEV_SANDBOX_PORT } from '../test/support/ports.js';
import { thryveDevProxy } from '../test/support/thryveDevProxy.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `pnpm start` runs the sandbox on 4010; the stories' browser tests set THRYVE_SANDBOX_URL to theirs.
const sandboxUrl = process.env.THRYVE_SANDBOX_URL ?? `http://127.0.0.1:${DEV_SANDBOX_PORT}`;

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  // The offline stand-in for Thryve's pages, used by the static build (see stories/support/sandbox.ts).
  staticDirs: ['../stories/public'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    options: { strictMode: true, builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    // `storybook build` makes a site to publish as-is: no sandbox, no proxy; stories use the labelled fake.
    const offline = configType === 'PRODUCTION';
    return mergeConfig(viteConfig, {
      // Stories use the library's sources: an edit shows up without a build.
      resolve: {
        // An array, so the first match wins: every locale entry before the package's own entry, which
        // would otherwise match what starts with it.
        alias: [
          {
            find: /^@thryve-connect\/react\/messages\/([a-z]+)$/,
            replacement: here('../packages/react/src/messages/$1.ts'),
          },
          { find: '@thryve-connect/core', replacement: here('../packages/core/src/index.ts') },
          { find: '@thryve-connect/react', replacement: here('../packages/react/src/index.ts') },
          // Loaded on the dev server only, by the proxy middleware (never shipped to the preview).
          { find: '@thryve-connect/server', replacement: here('../packages/server/src/index.ts') },
        ],
      },
      define: {
        'import.meta.env.STORYBOOK_THRYVE_SANDBOX_URL': JSON.stringify(sandboxUrl),
        'import.meta.env.STORYBOOK_THRYVE_OFFLINE': JSON.stringify(offline ? 'true' : 'false'),
      },
      plugins: offline ? [] : [thryveDevProxy({ sandboxUrl })],
    });
  },
};
export default config;
