import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { sourceAliases } from './sourceAliases.js';
import { thryveDevProxy } from './thryveDevProxy.js';

/**
 * Serves a fixture host app (index.html + main.tsx) on its own origin with the real backend proxy
 * mounted at /api/thryve, pointed at `sandboxUrl`. Library code comes from the sources.
 */
export async function startFixtureApp(
  root: string,
  sandboxUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [react(), thryveDevProxy({ sandboxUrl })],
    resolve: { alias: sourceAliases() },
    define: { 'import.meta.env.VITE_THRYVE_SANDBOX_URL': JSON.stringify(sandboxUrl) },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
    // Pre-bundled up front: a dependency discovered mid-test would make Vite reload the page under the test.
    optimizeDeps: {
      noDiscovery: true,
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom/client',
        '@tanstack/react-query',
        // Core's controller imports it: pre-bundled with React Query, one copy in the page.
        '@tanstack/query-core',
      ],
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The fixture app did not get a port.');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
