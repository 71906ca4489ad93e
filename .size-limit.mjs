// Size budgets, printed by `pnpm test` (gzip). Measured as a production build measures them: esbuild
// with `process.env.NODE_ENV` set to "production", so the developer messages drop out, as they do in a
// Vite or Next.js production build. React, react-dom and React Query are peers and never counted.
const peers = ['react', 'react-dom', '@tanstack/react-query'];
const production = (config) => ({ ...config, define: { 'process.env.NODE_ENV': '"production"' } });
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

export default [
  check('@thryve-connect/core (everything)', 'packages/core/dist/index.js', '*', '4.2 kB', []),
  check(
    '@thryve-connect/react: widget + provider, with the core they use (issue #5 goal 1.5 kB: not met)',
    'packages/react/dist/index.js',
    widget,
    '4 kB',
  ),
  check(
    '@thryve-connect/react: widget + provider, our React code alone',
    'packages/react/dist/index.js',
    widget,
    '3.05 kB',
    [...peers, '@thryve-connect/core'],
  ),
  check(
    '@thryve-connect/react (everything, with core; issue #6 goal 6 kB: not met)',
    'packages/react/dist/index.js',
    '*',
    '9.55 kB',
  ),
  check(
    '@thryve-connect/react (everything), our React code alone',
    'packages/react/dist/index.js',
    '*',
    '6.9 kB',
    [...peers, '@thryve-connect/core'],
  ),
  check(
    '@thryve-connect/react/messages/de (German, opt-in)',
    'packages/react/dist/messages/de.js',
    '{ de }',
    '0.9 kB',
    [],
  ),
  {
    name: '@thryve-connect/server (everything, core excluded)',
    path: 'packages/server/dist/index.js',
    import: '*',
    limit: '6.5 kB',
    ignore: ['node:stream', 'node:http', 'node:buffer', 'node:crypto', 'node:url', '@thryve-connect/core'],
    gzip: true,
    modifyEsbuildConfig: production,
  },
];
