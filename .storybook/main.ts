import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'vite';
import { DEV_SANDBOX_PORT } from '../test/support/ports.js';
import { sourceAliases } from '../test/support/sourceAliases.js';
import { thryveDevProxy } from '../test/support/thryveDevProxy.js';

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
  addons: [
    // The guides' reference tables are GitHub-flavoured Markdown, which MDX does not read without it.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
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
        // `@thryve-connect/server` among them is loaded on the dev server only, by the proxy middleware.
        alias: sourceAliases(),
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
