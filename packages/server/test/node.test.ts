import { createServer } from 'node:http';
import { createProxyFetcher, isThryveConnectError, toConnectionSession } from '@thryve-connect/core';
import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { createThryveConnectHandler, toNodeHandler } from '../src/index.js';
import { clientFor, recordingHandler, testUser, useSandboxAndServers } from './support/harness.js';
import { catchError, expectNoSecrets, recordingFetch } from './support/secrets.js';

const env = useSandboxAndServers();
const { listen } = env;

describe('toNodeHandler and createProxyFetcher, end to end over real HTTP', () => {
  let origin = '';
  beforeAll(async () => {
    const h = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => ({ alias: 'node-user-1' }),
    });
    origin = await listen(createServer(toNodeHandler(h)));
  });

  it('serves the browser fetcher: session, connections, revoke', async () => {
    const fetcher = createProxyFetcher({ url: `${origin}/api/thryve/session`, fetch: recordingFetch });
    const payload = await fetcher({ locale: 'fr' });
    const session = toConnectionSession(payload, { allowedOrigins: [env.sandbox.hosts.widget] });
    expect(session.locale).toBe('fr');
    expect(session.token).toMatch(/^\d{10}X\d{19}$/);
    env.sandbox.connect({ alias: 'node-user-1' }, 42);
    expect(await fetcher.getConnections?.({})).toEqual([{ dataSource: 42, connectedAt: expect.any(String) }]);
    await fetcher.revoke?.({ dataSource: 42 });
    expect(await fetcher.getConnections?.({})).toEqual([]);
  });

  it('turns the proxy’s errors into the fetcher’s typed errors', async () => {
    const fetcher = createProxyFetcher({ url: `${origin}/api/thryve/session`, fetch: recordingFetch });
    const native = await catchError(fetcher.revoke?.({ dataSource: 5 }) ?? Promise.resolve());
    expect(isThryveConnectError(native, 'native_data_source')).toBe(true);
    env.sandbox.inject({ route: 'connection', type: 'error', status: 500, times: 1 });
    const upstream = await catchError(fetcher({ locale: 'en' }));
    expect(isThryveConnectError(upstream, 'server_error')).toBe(true);
    expect((upstream as Error).message).toContain('Thryve could not complete the request');
  });

  it('maps a Thryve timeout to the fetcher’s timeout error', async () => {
    const h = createThryveConnectHandler({
      client: clientFor(env.sandbox, { timeoutMs: 200 }),
      getEndUser: () => ({ alias: 'node-user-2' }),
    });
    const slow = await listen(createServer(toNodeHandler(h)));
    env.sandbox.inject({ route: 'connection', type: 'hang', times: 1 });
    const error = await catchError(
      createProxyFetcher({ url: `${slow}/api/thryve/session`, fetch: recordingFetch })({ locale: 'en' }),
    );
    expect(isThryveConnectError(error, 'timeout')).toBe(true);
  });

  it('answers 401 to the fetcher when nobody is signed in', async () => {
    const h = recordingHandler({ client: clientFor(env.sandbox), getEndUser: testUser });
    const anonymous = await listen(createServer(toNodeHandler(h)));
    const error = await catchError(
      createProxyFetcher({ url: `${anonymous}/api/thryve/session`, fetch: recordingFetch })({ locale: 'en' }),
    );
    expect(isThryveConnectError(error, 'unauthorized')).toBe(true);
  });

  it('answers 400 for a huge streamed body without crashing the server', async () => {
    const response = await recordingFetch(`${origin}/api/thryve/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(1_000_000) }),
    });
    expect(response.status).toBe(400);
    expect((await recordingFetch(`${origin}/api/thryve/connections`)).status).toBe(200);
  });

  it('passes headers and status through, and answers 404/405 like the handler', async () => {
    const notFound = await recordingFetch(`${origin}/nope`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('cache-control')).toBe('no-store');
    const wrong = await recordingFetch(`${origin}/api/thryve/session`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('builds the Request from the Host header and the raw path', async () => {
    let seen: Request | undefined;
    const server = createServer(
      toNodeHandler(async (request) => {
        seen = request;
        return new Response(await request.text(), { headers: { 'set-cookie': 'a=1' } });
      }),
    );
    const url = await listen(server);
    const response = await fetch(`${url}/x/y?q=1`, {
      method: 'POST',
      body: 'hello',
      headers: { 'x-one': '1' },
    });
    expect(await response.text()).toBe('hello');
    expect(response.headers.get('set-cookie')).toBe('a=1');
    expect(seen?.url).toBe(`${url}/x/y?q=1`);
    expect(seen?.headers.get('x-one')).toBe('1');
  });

  it('answers 500 when the handler throws and no next is given', async () => {
    const url = await listen(
      createServer(
        toNodeHandler(() => {
          throw new Error('boom');
        }),
      ),
    );
    const response = await recordingFetch(url);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'server_error', message: 'Internal error.' } });
  });
});

describe('toNodeHandler in Express 5', () => {
  it('works mounted with app.use (mount path stripped from req.url)', async () => {
    const app = express();
    const h = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => ({ alias: 'express-user-1' }),
    });
    app.use('/api/thryve', toNodeHandler(h));
    const url = await listen(createServer(app));
    const response = await recordingFetch(`${url}/api/thryve/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"locale":"it"}',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toContain('lang=it');
  });

  it('works after express.json() has consumed the body', async () => {
    const app = express();
    const h = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => ({ alias: 'express-user-2' }),
    });
    app.use(express.json());
    app.all('/api/thryve/*splat', toNodeHandler(h));
    const url = await listen(createServer(app));
    const response = await recordingFetch(`${url}/api/thryve/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"locale":"nl"}',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toContain('lang=nl');
    const invalid = await recordingFetch(`${url}/api/thryve/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"locale":"xx"}',
    });
    expect(invalid.status).toBe(400);
  });

  it('passes a handler error to next', async () => {
    const app = express();
    app.use(
      toNodeHandler(() => {
        throw new Error('boom');
      }),
    );
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(599).json({ handled: true });
    });
    const url = await listen(createServer(app));
    const response = await recordingFetch(`${url}/anything`);
    expect(response.status).toBe(599);
  });
});

describe('secrets', () => {
  it('appear in no response body, header or error message of this file', () => {
    expectNoSecrets();
  });
});
