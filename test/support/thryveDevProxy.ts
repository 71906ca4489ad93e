import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { SANDBOX_CREDENTIALS } from './ports.js';

export interface ThryveDevProxyOptions {
  /** The sandbox's origin, e.g. http://127.0.0.1:4010. */
  sandboxUrl: string;
  /** Where the proxy routes live on the dev server. Default `/api/thryve`. */
  basePath?: string;
}

/** The demo user of the dev proxy: a cookie picks another one, so tests can isolate their state. */
export const DEMO_USER_COOKIE = 'thryve-demo-user';

/**
 * Mounts the real backend proxy (`@thryve-connect/server`) on a Vite dev server, pointed at the
 * sandbox: what a host app's backend does, so Storybook and browser tests use the same path as
 * production. The server package is loaded through Vite, from source, on the first request.
 */
export function thryveDevProxy({ sandboxUrl, basePath = '/api/thryve' }: ThryveDevProxyOptions): Plugin {
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const load = async (server: ViteDevServer) => {
    const mod = (await server.ssrLoadModule(
      '@thryve-connect/server',
    )) as typeof import('@thryve-connect/server');
    const client = mod.createThryveClient({
      ...SANDBOX_CREDENTIALS,
      hosts: { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl },
    });
    const fetchHandler = mod.createThryveConnectHandler({
      client,
      basePath,
      getEndUser: (request) => {
        const cookie = request.headers.get('cookie') ?? '';
        const match = new RegExp(`(?:^|;\\s*)${DEMO_USER_COOKIE}=([A-Za-z0-9-]{1,80})`).exec(cookie);
        return { alias: match?.[1] ?? 'storybook-demo-user' };
      },
    });
    return mod.toNodeHandler(fetchHandler);
  };
  return {
    name: 'thryve-dev-proxy',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(`${basePath}/`)) return next();
        (async () => {
          handler ??= await load(server);
          await handler(req, res);
        })().catch(next);
      });
    },
  };
}
