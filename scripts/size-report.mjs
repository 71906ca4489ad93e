#!/usr/bin/env node
// Where the bytes go: bundles an import set from the built packages as an app's production build
// would (esbuild, minified, NODE_ENV=production, peers external) and prints each module's share.
// `node scripts/size-report.mjs [quickstart|widget|react|core|server]`
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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
const result = await build({
  stdin: { contents: sets[name], resolveDir: 'packages/react', loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'],
  legalComments: 'none',
});
const code = result.outputFiles[0].contents;
const total = gzipSync(code).length;
const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
  .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^.*packages\//, ''), minified: bytesInOutput }))
  .filter((row) => row.minified > 0)
  .sort((a, b) => b.minified - a.minified);
console.log(`${name}: ${code.length} B minified, ${total} B gzip`);
console.table(inputs);
