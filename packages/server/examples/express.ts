// An Express 5 app mounting the Thryve proxy at /api/thryve.
import { createThryveConnectHandler, type ThryveClient, toNodeHandler } from '@thryve-connect/server';
import express, { type Express } from 'express';

/** What the app needs: the Thryve client and its own way to find the user of a session cookie. */
export interface ExpressExampleOptions {
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

/** Creates the Express app; `app.listen(3000)` serves it. */
export function createExpressApp({ client, findUserBySession }: ExpressExampleOptions): Express {
  const thryve = createThryveConnectHandler({
    client,
    getEndUser: (request) => {
      const sessionId = readCookie(request, 'session');
      const user = sessionId ? findUserBySession(sessionId) : undefined;
      return user ? { alias: user.thryveAlias } : null;
    },
    onError: (error) => console.error('[thryve]', error instanceof Error ? error.message : error),
  });
  const app = express();
  // Mounted before any body parser: the handler reads (and limits) the body itself.
  app.use('/api/thryve', toNodeHandler(thryve));
  app.get('/', (_req, res) => {
    res.type('text').send('ok');
  });
  return app;
}
