// What loads first and what loads later, as an app's bundler splits our package: shared by
// .size-limit.mjs and scripts/size-report.mjs. Every dynamic `import()` of ours is its own chunk in the
// app, fetched when the part it serves first shows; these esbuild plugins measure the two apart.
import { resolve } from 'node:path';
import { build } from 'esbuild';

const again = { lazyChunks: true };

/**
 * How an app's production build bundles our packages: minified ESM, `NODE_ENV` production (so
 * `#is-development` and the development messages drop out), the peers (React, React Query) its own.
 * One home for the size budgets, the size report and the test of the split.
 */
export const APP_BUILD = {
  bundle: true,
  minify: true,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'],
};

/**
 * Keeps every dynamic `import()` external, so a bundle is the initial chunk only; the resolved targets
 * go into `targets`.
 */
export function initialOnly(targets = new Set()) {
  return {
    name: 'initial-only',
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === again) return undefined;
        const target = await esbuild.resolve(args.path, {
          kind: 'import-statement',
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: again,
        });
        targets.add(`${resolve(args.importer)}\0${target.path}`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Keeps external every module in `initial` (absolute paths): a bundle of a lazy target is its own chunk. */
export function lazyOnly(initial) {
  return {
    name: 'lazy-only',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === again || args.kind === 'entry-point') return undefined;
        const target = await esbuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: again,
        });
        return initial.has(target.path) ? { path: target.path, external: true } : undefined;
      });
    },
  };
}

/** The modules (absolute paths) of an import set's initial chunk, and its lazy targets. */
export async function splitOf(options) {
  const targets = new Set();
  const result = await build({
    ...options,
    write: false,
    metafile: true,
    plugins: [...(options.plugins ?? []), initialOnly(targets)],
  });
  // What is in the bundle: a module reached only through an unused re-export is not.
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const initial = new Set(
    Object.keys(inputs)
      .filter((file) => inputs[file].bytesInOutput > 0)
      .map((file) => resolve(file)),
  );
  // Only what the bundle can reach: a module tree-shaken away does not fetch its lazy parts.
  const reached = [...targets]
    .map((pair) => pair.split('\0'))
    .filter(([importer, target]) => initial.has(importer) && !initial.has(target))
    .map(([, target]) => target);
  return { initial, targets: [...new Set(reached)], result };
}
