import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Our packages' entries resolved to their sources, for every Vite that runs them unbuilt (the test
 * projects, Storybook, the fixture apps): an edit shows up without a build. An array, so the first
 * match wins: each subpath entry comes before its package's own, which would also match it.
 * `production`: `#is-development` as an app's production build resolves it (package.json `imports`).
 */
export function sourceAliases(options: { production?: boolean } = {}): Alias[] {
  return [
    {
      // Each package's own `#is-development` (its package.json `imports`), by the importer's package.
      find: /^#is-development$/,
      replacement: '$&',
      customResolver: (_source: string, importer: string | undefined) =>
        here(
          `../../packages/${importer?.includes('/packages/core/') ? 'core' : 'react'}/src/isDevelopment/${options.production ? 'production' : 'development'}.ts`,
        ),
    },
    {
      find: /^@thryve-connect\/react\/messages\/([a-z]+)$/,
      replacement: here('../../packages/react/src/messages/$1.ts'),
    },
    { find: '@thryve-connect/react/testing', replacement: here('../../packages/react/src/testing/index.ts') },
    { find: '@thryve-connect/react', replacement: here('../../packages/react/src/index.ts') },
    { find: '@thryve-connect/core', replacement: here('../../packages/core/src/index.ts') },
    { find: '@thryve-connect/server', replacement: here('../../packages/server/src/index.ts') },
    { find: '@thryve-connect/sandbox/msw', replacement: here('../../packages/sandbox/src/msw.ts') },
    { find: '@thryve-connect/sandbox', replacement: here('../../packages/sandbox/src/index.ts') },
  ];
}
