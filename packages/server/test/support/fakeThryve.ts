import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the fake Thryve: answers as a misbehaving Thryve would. */
export type FakeRoute = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

/** The token every fake `accessToken` answer carries. */
export const FAKE_END_USER_ID = 'fake0123456789abcdef0123456789ab';

/** The fake's widget URL, on its own origin. */
export const fakeWidgetUrl = (origin: string) =>
  `${origin}/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en`;

/**
 * A deliberately broken Thryve on loopback, for what the sandbox will not do (answers of any size or
 * shape, sources newer than the sandbox's catalogue). Routes default to valid answers; a test overrides
 * the one it breaks. `connected` is the one user's connected source ids: `userInformation` lists them
 * and a direct revoke removes one, whatever its id.
 */
export async function startFakeThryve(
  routes: Partial<Record<'accessToken' | 'connection', FakeRoute>> = {},
  connected: number[] = [],
) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/v5/accessToken') {
      if (routes.accessToken) return routes.accessToken(req, res, origin);
      res.setHeader('content-type', 'text/plain');
      return res.end(FAKE_END_USER_ID);
    }
    if (req.url === '/widget/v6/connection') {
      if (routes.connection) return routes.connection(req, res, origin);
      res.setHeader('content-type', 'application/json');
      return res.end(
        JSON.stringify({ type: 'enduser.widget.connection', data: { url: fakeWidgetUrl(origin) } }),
      );
    }
    if (req.url === '/v5/userInformation') {
      res.setHeader('content-type', 'application/json');
      const connectedSources = connected.map((dataSource) => ({ dataSource, connectedAt: null }));
      return res.end(JSON.stringify([{ connectedSources }]));
    }
    if (req.url?.startsWith('/dataSourceDirectRevoke.html?')) {
      const dataSource = Number(new URL(req.url, 'http://fake').searchParams.get('dataSource'));
      connected.splice(0, connected.length, ...connected.filter((id) => id !== dataSource));
      res.setHeader('content-type', 'text/html');
      return res.end('<p>Disconnected</p>');
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hosts: { api: url, widget: url, direct: url },
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
