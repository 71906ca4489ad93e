// Size budgets, printed by `pnpm test` (gzip). Measured as a production build measures them: esbuild
// with `process.env.NODE_ENV` set to "production", so the developer messages drop out, as they do in a
// Vite or Next.js production build. React, react-dom and React Query are peers and never counted.
// query-core is what React Query is built on (react-query depends on it): a React app has it already,
// so core's controller, built on it, costs the app nothing there.
// Each budget counts the initial chunk: what loads before the first paint. Our dynamic `import()`s
// (the privacy notice, the rarer error texts, the server-frame check, the picker's question, search,
// dates and blocked-window fallback) stay external (scripts/lazy-chunks.mjs), as an app's bundler
// splits them off; the lazy chunks are reported beside the budgets, under checks of their own.
import { readdirSync } from 'node:fs';
import { APP_BUILD, initialOnly, lazyOnly, splitOf } from './scripts/lazy-chunks.mjs';

const peers = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core'];
// ES modules, as an app's bundler emits them: size-limit's default (an IIFE) turns each external
// `import … from 'react'` into a require shim, a cost no app pays (0.27 kB on the widget's set).
const production = (config) => ({
  ...config,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [...(config.plugins ?? []), initialOnly()],
});
const check = (name, path, imports, limit, ignore = peers) => ({
  name,
  path,
  import: imports,
  ignore,
  limit,
  gzip: true,
  modifyEsbuildConfig: production,
});
const widget = '{ ThryveConnectProvider, ThryveConnectionWidget }';

// One budget per locale entry, from the folder the build makes its entries from (a new locale is checked
// without another edit). Measured in UTF-8, as Vite and webpack ship text: esbuild's default escapes every
// non-ASCII character to `\uXXXX`, which adds 6–8 % to Greek, Cyrillic, Arabic and Japanese entries
// (1.03–1.07 kB instead of 0.96–0.99 kB) without an app ever downloading those bytes.
const language = new Intl.DisplayNames('en', { type: 'language' });
const locales = readdirSync('packages/react/src/messages')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const utf8 = (config) => ({ ...production(config), charset: 'utf8' });

// Each lazy chunk of an import set: its target bundled without what the set's initial chunk already
// holds (`lazyOnly`), as the app's bundler would split it. The quick start's, then the rest of the
// whole package's (the rarer error texts are lazy only where the picker is not imported).
const lazyChecks = [];
// The lazy chunks of each set in all: their total must not grow as the initial chunk shrinks (issue #21).
const lazyTotals = [];
const lazyOptions = (initial) => (config) => ({
  ...config,
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [...(config.plugins ?? []), lazyOnly(initial)],
});
for (const [set, contents, total] of [
  [
    'quick start',
    `export ${widget} from '@thryve-connect/react'; export { createProxyFetcher } from '@thryve-connect/core';`,
    // 1.85 kB, each file gzipped on its own: the privacy notice 0.40, the rarer error texts 0.58, the
    // server-frame check 0.31, the proxy fetcher's error reader 0.45 (+ what two of them share).
    '1.9 kB',
  ],
  // 3.11 kB: the picker's question, search, date and blocked-window fallback, the server-frame check and
  // the widget's acceptance step (the notice itself and the error texts are initial here: the picker
  // shows its notice in the first HTML, and the texts are public exports).
  ['whole package', "export * from '@thryve-connect/react';", '3.2 kB'],
]) {
  const { initial, targets } = await splitOf({
    ...APP_BUILD,
    stdin: { contents, resolveDir: 'packages/react', loader: 'js' },
  });
  for (const target of targets) {
    const file = target
      .replace(/^.*packages\/react\/(src|dist)\//, '')
      .replace(/^.*packages\/core\/(src|dist)\//, 'core/');
    if (lazyChecks.some((check) => check.file === file)) continue;
    lazyChecks.push({
      file,
      name: `lazy chunk of the ${set}, fetched on first use: ${file}`,
      path: target,
      import: '*',
      ignore: peers,
      // Each well under 1 kB; the limit only catches a chunk that swallowed its importer.
      limit: '1 kB',
      gzip: true,
      modifyEsbuildConfig: lazyOptions(initial),
    });
  }
  lazyTotals.push({
    name: `lazy chunks of the ${set}, in all (${targets.length} chunks, each fetched on first use)`,
    path: targets,
    ignore: peers,
    limit: total,
    gzip: true,
    modifyEsbuildConfig: lazyOptions(initial),
  });
}

const localeChecks = locales.map((code) => ({
  ...check(
    `@thryve-connect/react/messages/${code} (${language.of(code)}, opt-in)`,
    `packages/react/dist/messages/${code}.js`,
    `{ ${code} }`,
    // The longest (Russian 1.19 kB, Greek 1.19 kB, Ukrainian 1.18 kB) since the consent and native-source
    // texts were added (+85 B English to +144 B Russian).
    '1.25 kB',
    [],
  ),
  modifyEsbuildConfig: utf8,
}));

export default [
  {
    // Issue #21 asks 4.0 kB (goal 3.0 kB): not met, and not reachable with the widget's required
    // behaviour. Core's share (controller, proxy fetcher, validation) is about 3.55 kB of it, our React
    // code 4.3 kB. `pnpm size:report quickstart` shows where the bytes go; README, "Performance", the floor.
    ...check(
      'quick start: provider + widget + createProxyFetcher, with core (budget 4.0 kB, goal 3.0 kB: not met)',
      // Core through its sources, as react's own import of it resolves here (the repository's tsconfig
      // maps `@thryve-connect/core` to them): from core's dist, the code both use was counted twice.
      ['packages/react/dist/index.js', 'packages/core/src/index.ts'],
      undefined,
      // 7.87 kB measured (8.33 kB before the second round, measured the same way; +20 B since for the
      // height setter shared with the server widget's island): the floor, + margin.
      '8.0 kB',
    ),
    import: {
      'packages/react/dist/index.js': widget,
      'packages/core/src/index.ts': '{ createProxyFetcher }',
    },
  },
  check(
    '@thryve-connect/core (everything, query-core excluded)',
    'packages/core/dist/index.js',
    '*',
    '9.6 kB',
    ['@tanstack/query-core'],
  ),
  check(
    '@thryve-connect/react: widget + provider, with the core they use (budget 3.5 kB: not met)',
    'packages/react/dist/index.js',
    widget,
    // 7.20 kB measured (7.82 kB before the second round), the floor + margin; core's share is about
    // 2.9 kB of it. Not met.
    '7.3 kB',
  ),
  check(
    '@thryve-connect/react: widget + provider, our React code alone',
    'packages/react/dist/index.js',
    widget,
    // 4.30 kB (4.44 kB before the second round).
    '4.4 kB',
    [...peers, '@thryve-connect/core'],
  ),
  check(
    '@thryve-connect/react (everything, with core; budget 9.0 kB, goal 8.0 kB: not met)',
    'packages/react/dist/index.js',
    '*',
    // 16.77 kB measured (16.66 kB before the second round: +0.05 kB for connections' own functions and
    // the hook that takes their seed, which left the widget's path), the floor + margin: core everything
    // is 9.14 kB by itself, and every public export (texts, hooks, picker) is initial in this set.
    '17.0 kB',
  ),
  check(
    '@thryve-connect/react (everything), our React code alone',
    'packages/react/dist/index.js',
    '*',
    // 9.88 kB (9.73 kB before the second round: the seed of the connections is taken by the picker's hooks).
    '9.9 kB',
    [...peers, '@thryve-connect/core'],
  ),
  // Fetched on first use: not in the budgets above.
  ...lazyChecks.map(({ file, ...check }) => check),
  ...lazyTotals,
  {
    ...check(
      // What a page with the server widget loads of ours (issue #21: at most 1.5 kB added to a Next page,
      // measured on the Next consumer's build by `pnpm bench`). Its session code loads on Reload only.
      '@thryve-connect/react/server: the client island the server widget brings to the page',
      'packages/react/dist/server/WidgetIsland.js',
      '{ WidgetIsland }',
      '1.5 kB',
    ),
  },
  {
    name: "@thryve-connect/react/server: the island's Reload (a fresh session through the route, validated), fetched on first use",
    path: 'packages/react/dist/server/refreshSession.js',
    import: '*',
    ignore: peers,
    // 2.84 kB: core's proxy fetcher and session validation, and the English error texts, on the first Reload.
    limit: '3.4 kB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  ...localeChecks,
  {
    name: '@thryve-connect/server (everything, core excluded)',
    path: 'packages/server/dist/index.js',
    import: '*',
    // +3.0 kB for the form routes: connect, return and revoke as forms, the signed cookies, readResult.
    limit: '13.4 kB',
    ignore: ['node:stream', 'node:http', 'node:buffer', 'node:crypto', 'node:url', '@thryve-connect/core'],
    gzip: true,
    modifyEsbuildConfig: production,
  },
];
