import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressApp } from '../examples/express.js';
import { createHonoApp } from '../examples/hono.js';
import { clientFor, type Sandbox, startTestSandbox } from './support/harness.js';
import { CREDENTIALS, expectNoSecrets, recordingFetch, recordResponse } from './support/secrets.js';

// Every example in the docs runs here against the sandbox, so none of them can rot.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const sessions = new Map([['s-123', { thryveAlias: 'example-user-1' }]]);
const findUserBySession = (id: string) => sessions.get(id);

async function listen(server: Server): Promise<string> {
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function exercise(origin: string) {
  const anonymous = await recordingFetch(`${origin}/api/thryve/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  expect(anonymous.status).toBe(401);
  const session = await recordingFetch(`${origin}/api/thryve/session`, {
    method: 'POST',
    headers: { cookie: 'session=s-123', 'content-type': 'application/json' },
    body: JSON.stringify({ locale: 'de' }),
  });
  expect(session.status).toBe(200);
  expect(((await session.json()) as { url: string }).url).toContain('lang=de');
  const connections = await recordingFetch(`${origin}/api/thryve/connections`, {
    headers: { cookie: 'session=s-123' },
  });
  expect(await connections.json()).toEqual({ connectedSources: [] });
}

describe('the documented examples', () => {
  it('Express: the proxy mounted at /api/thryve', async () => {
    const server = createExpressApp({ client: clientFor(sandbox), findUserBySession }).listen(0, '127.0.0.1');
    try {
      await exercise(await listen(server));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('Hono: app.all("/api/thryve/*") on @hono/node-server', async () => {
    const app = createHonoApp({ client: clientFor(sandbox), findUserBySession });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    try {
      await exercise(await listen(server));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('Next.js App Router: GET and POST route handlers configured from the environment', async () => {
    Object.assign(process.env, {
      THRYVE_USERNAME: CREDENTIALS.username,
      THRYVE_PASSWORD: CREDENTIALS.password,
      THRYVE_AUTH_ID: CREDENTIALS.authId,
      THRYVE_AUTH_SECRET: CREDENTIALS.authSecret,
      THRYVE_API_HOST: sandbox.url,
    });
    const route = await import('../examples/next-route-handler.js');
    route.demoSessions.set('s-next', { userId: 'u1', thryveAlias: 'next-user-1' });
    const response = await recordResponse(
      await route.POST(
        new Request('http://localhost:3000/api/thryve/session', {
          method: 'POST',
          headers: { cookie: 'session=s-next', 'content-type': 'application/json' },
          body: '{}',
        }),
      ),
    );
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { url: string }).url.startsWith(`${sandbox.url}/?connectionSessionToken=`),
    ).toBe(true);
    const connections = await recordResponse(
      await route.GET(
        new Request('http://localhost:3000/api/thryve/connections', {
          headers: { cookie: 'session=s-next' },
        }),
      ),
    );
    expect(connections.status).toBe(200);
  });

  it('leak no secret in any response of this file', () => {
    expectNoSecrets();
  });
});
