#!/usr/bin/env node
// Where the bytes go: bundles an import set from the built packages as an app's production build
// would (esbuild, minified, NODE_ENV=production, peers external) and prints each module's share: first
// the initial chunk (what loads before the first paint), then the lazy chunks (each dynamic `import()`,
// fetched when its part first shows), without what the initial chunk already has.
// `node scripts/size-report.mjs [quickstart|widget|react|core|server]`
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APP_BUILD, lazyOnly, splitOf } from './lazy-chunks.mjs';

const sets = {
  quickstart:
    "export { ThryveConnectProvider, ThryveConnectionWidget } from '@thryve-connect/react'; export { createProxyFetcher } from '@thryve-connect/core';",
  widget: "export { ThryveConnectProvider, ThryveConnectionWidget } from '@thryve-connect/react';",
  react: "export * from '@thryve-connect/react';",
  core: "export * from '@thryve-connect/core';",
  // The server widget's client island, with what it imports (its on-demand refresh code included).
  server: "export { WidgetIsland } from './dist/server/WidgetIsland.js';",
};
const name = process.argv[2] ?? 'quickstart';
const options = { ...APP_BUILD, legalComments: 'none' };
const modules = (metafile) =>
  Object.entries(Object.values(metafile.outputs)[0].inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: file.replace(/^.*packages\//, ''),
      minified: bytesInOutput,
    }))
    .filter((row) => row.minified > 0)
    .sort((a, b) => b.minified - a.minified);

const { initial, targets, result } = await splitOf({
  ...options,
  stdin: { contents: sets[name], resolveDir: 'packages/react', loader: 'js' },
});
const code = result.outputFiles[0].contents;
console.log(`${name}, initial chunk: ${code.length} B minified, ${gzipSync(code).length} B gzip`);
console.table(modules(result.metafile));

if (targets.length > 0) {
  const rows = [];
  let total = 0;
  for (const target of targets) {
    const chunk = await build({
      ...options,
      entryPoints: [target],
      write: false,
      metafile: true,
      plugins: [lazyOnly(initial)],
    });
    const bytes = chunk.outputFiles[0].contents;
    total += gzipSync(bytes).length;
    for (const row of modules(chunk.metafile))
      rows.push({ chunk: target.replace(/^.*packages\//, ''), ...row, gzip: gzipSync(bytes).length });
  }
  console.log(`${name}, lazy chunks (${targets.length}, each fetched on first use): ${total} B gzip in all`);
  console.table(rows);
}
