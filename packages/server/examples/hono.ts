// A Hono app (Node, Bun, Deno, Workers) passing /api/thryve/* to the Fetch-API handler.
import { createThryveConnectHandler, type ThryveClient } from '@thryve-connect/server';
import { Hono } from 'hono';

/** What the app needs: the Thryve client and its own way to find the user of a session cookie. */
export interface HonoExampleOptions {
  client: ThryveClient;
  findUserBySession: (sessionId: string) => { thryveAlias: string } | undefined;
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Creates the Hono app; on Node serve it with `serve({ fetch: app.fetch })` from @hono/node-server. */
export function createHonoApp({ client, findUserBySession }: HonoExampleOptions): Hono {
  const handler = createThryveConnectHandler({
    client,
    getEndUser: (request) => {
      const sessionId = readCookie(request, 'session');
      const user = sessionId ? findUserBySession(sessionId) : undefined;
      return user ? { alias: user.thryveAlias } : null;
    },
  });
  const app = new Hono();
  app.all('/api/thryve/*', (c) => handler(c.req.raw));
  return app;
}
