import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThryveClient, createThryveConnectHandler, toNodeHandler } from '@thryve-connect/server';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { SANDBOX_CREDENTIALS } from './ports.js';
import { sourceAliases } from './sourceAliases.js';
import { staticFiles } from './staticFiles.js';
import { DEMO_USER_COOKIE } from './thryveDevProxy.js';

/**
 * The fixture app as users ship theirs: a production `vite build` (React's production build, with
 * react-dom/profiling so the Profiler still reports), served as static files beside the real backend
 * proxy. For benchmarks: the dev server's figures overstate what users get.
 */
export async function buildFixtureApp(
  root: string,
  sandboxUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'thryve-fixture-'));
  // Vitest runs with NODE_ENV=test, which Vite and the React plugin would compile in: React's
  // development build and JSX. A user's production build has NODE_ENV=production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'error',
      mode: 'production',
      plugins: [react()],
      resolve: {
        alias: [
          ...sourceAliases({ production: true }),
          // react-dom/profiling so the Profiler still reports in a production build.
          { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
        ],
      },
      define: { 'import.meta.env.VITE_THRYVE_SANDBOX_URL': JSON.stringify(sandboxUrl) },
      build: { outDir, emptyOutDir: true, minify: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const proxy = toNodeHandler(
    createThryveConnectHandler({
      client: createThryveClient({
        ...SANDBOX_CREDENTIALS,
        hosts: { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl },
      }),
      // Benchmarks replay a page hundreds of times as one user: the per-user limit (a burst of 40, then
      // 30 a minute) would answer 429 and the figures would time out. The limits have tests of their own.
      limits: false,
      getEndUser: (request) => {
        const match = new RegExp(`${DEMO_USER_COOKIE}=([A-Za-z0-9-]{1,80})`).exec(
          request.headers.get('cookie') ?? '',
        );
        return { alias: match?.[1] ?? 'bench-user' };
      },
    }),
  );
  const serve = staticFiles(outDir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/thryve/')) return void proxy(req, res);
    serve(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
