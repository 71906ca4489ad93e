// The app's backend: the Thryve proxy via toNodeHandler, and the built files.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createThryveClient, createThryveConnectHandler, toNodeHandler } from '@thryve-connect/server';

const sandbox = process.env.THRYVE_SANDBOX_URL;
const root = process.env.STATIC_DIR ?? 'dist';
// A demo session cookie stands in for the app's sign-in.
const demoUser = (cookie) => /(?:^|;\s*)demo-user=([A-Za-z0-9-]{1,80})/.exec(cookie ?? '')?.[1] ?? null;
const proxy = toNodeHandler(
  createThryveConnectHandler({
    client: createThryveClient({
      username: 'sandbox-user',
      password: 'sandbox-password',
      authId: 'sandbox-auth-id',
      authSecret: 'sandbox-auth-secret',
      hosts: { api: sandbox, widget: sandbox, direct: sandbox },
    }),
    getEndUser: (request) => {
      const user = demoUser(request.headers.get('cookie'));
      return user ? { alias: user } : null;
    },
  }),
);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path.startsWith('/api/thryve/')) return proxy(req, res);
  if (path === '/api/me') {
    // Who is signed in, for the page (the demo's alias is also its userKey).
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    return res.end(JSON.stringify({ userKey: demoUser(req.headers.cookie) }));
  }
  const file = extname(path) ? normalize(path).replace(/^(\.\.[/\\])+/, '') : '/index.html';
  try {
    const body = await readFile(join(root, file));
    res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end('not found');
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
