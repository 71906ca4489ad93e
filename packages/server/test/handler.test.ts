import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyFetcher } from '@thryve-connect/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createThryveConnectHandler, toNodeHandler } from '../src/index.js';
import {
  clientFor,
  jsonRequest,
  recordingHandler,
  type Sandbox,
  startTestSandbox,
  testUser,
} from './support/harness.js';
import { expectNoSecrets, recordError, recordResponse, WRONG_CREDENTIALS } from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  await sandbox?.close();
});

const handler = (options: Partial<Parameters<typeof recordingHandler>[0]> = {}) =>
  recordingHandler({ client: clientFor(sandbox), getEndUser: testUser, ...options });

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

const userByAlias = (alias: string) => [...sandbox.state.users.values()].find((user) => user.alias === alias);

describe('createThryveConnectHandler against the sandbox', () => {
  it('answers a session for the signed-in user, in the asked locale, never cached', async () => {
    const response = await handler()(
      jsonRequest('/api/thryve/session', { locale: 'de' }, { user: 'anna-1' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull(); // no CORS by default
    const { url } = await body(response);
    expect(String(url)).toMatch(
      new RegExp(`^${sandbox.url}/\\?connectionSessionToken=\\d{10}X\\d{19}&platform=web&lang=de$`),
    );
    expect(userByAlias('anna-1')).toBeDefined();
  });

  it('lists connections and revokes through the sandbox', async () => {
    const h = handler();
    sandbox.connect({ alias: 'ben-1' }, 1);
    sandbox.connect({ alias: 'ben-1' }, 18);
    const listed = await body(await h(jsonRequest('/api/thryve/connections', undefined, { user: 'ben-1' })));
    expect((listed.connectedSources as Array<{ dataSource: number }>).map((item) => item.dataSource)).toEqual(
      [1, 18],
    );

    const revoked = await h(jsonRequest('/api/thryve/revoke', { dataSource: 18 }, { user: 'ben-1' }));
    expect(await body(revoked)).toEqual({ revoked: true });
    expect([...(userByAlias('ben-1')?.connected.keys() ?? [])]).toEqual([1]);
  });

  it('ignores an end-user id or alias in the body, query or headers: the session is always the signed-in user’s', async () => {
    const h = handler();
    sandbox.connect({ alias: 'victim-1' }, 1);
    const victimId = userByAlias('victim-1')?.endUserId ?? '';
    await h(
      jsonRequest(
        `/api/thryve/session?endUserId=${victimId}&alias=victim-1`,
        { locale: 'en', endUserId: victimId, alias: 'victim-1', partnerUserID: 'victim-1' },
        { user: 'attacker-1', headers: { 'x-end-user-id': victimId, 'x-thryve-alias': 'victim-1' } },
      ),
    );
    const connections = await body(
      await h(
        jsonRequest(`/api/thryve/connections?endUserId=${victimId}`, undefined, { user: 'attacker-1' }),
      ),
    );
    expect(connections).toEqual({ connectedSources: [] });
    const revoke = await h(
      jsonRequest('/api/thryve/revoke', { dataSource: 1, endUserId: victimId }, { user: 'attacker-1' }),
    );
    expect(revoke.status).toBe(200);
    expect([...(userByAlias('victim-1')?.connected.keys() ?? [])]).toEqual([1]); // untouched
  });

  it.each([
    ['no signed-in user', jsonRequest('/api/thryve/session', {}), 401, 'unauthorized'],
    ['bad JSON', jsonRequest('/api/thryve/session', '{oops', { user: 'c-1' }), 400, 'bad_request'],
    [
      'an unknown locale',
      jsonRequest('/api/thryve/session', { locale: 'xx' }, { user: 'c-1' }),
      400,
      'invalid_locale',
    ],
    [
      'a native data source',
      jsonRequest('/api/thryve/revoke', { dataSource: 5 }, { user: 'c-1' }),
      400,
      'native_data_source',
    ],
    [
      'an invalid data source',
      jsonRequest('/api/thryve/revoke', { dataSource: 'x' }, { user: 'c-1' }),
      400,
      'invalid_data_source',
    ],
    [
      'a body over 16 kB',
      jsonRequest('/api/thryve/session', { pad: 'x'.repeat(17_000) }, { user: 'c-1' }),
      400,
      'bad_request',
    ],
    [
      'a form post',
      jsonRequest('/api/thryve/session', 'locale=en', {
        user: 'c-1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      400,
      'bad_request',
    ],
    ['a wrong method', jsonRequest('/api/thryve/session', undefined, { user: 'c-1' }), 405, 'bad_request'],
    ['another path', jsonRequest('/api/thryve/users', undefined, { user: 'c-1' }), 404, 'bad_request'],
  ])('refuses %s with a typed error body', async (_name, request, status, code) => {
    const response = await handler()(request);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { error } = (await body(response)) as { error: { code: string; message: string } };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(5);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST');
  });

  it.each([
    ['a 500', { type: 'error', status: 500 } as const, 502, 'server_error'],
    ['a malformed answer', { type: 'malformed' } as const, 502, 'server_error'],
    ['no answer in time', { type: 'hang' } as const, 504, 'timeout'],
  ])('answers %s from Thryve with a safe 502/504', async (_name, fault, status, code) => {
    sandbox.inject({ route: 'connection', ...fault });
    const errors: unknown[] = [];
    const h = handler({
      client: clientFor(sandbox, { timeoutMs: 300 }),
      onError: (error) => {
        errors.push(error);
        recordError(error);
      },
    });
    const response = await h(jsonRequest('/api/thryve/session', {}, { user: 'd-1' }));
    expect(response.status).toBe(status);
    expect(((await body(response)) as { error: { code: string } }).error.code).toBe(code);
    expect(errors).toHaveLength(1); // the host's logger hears about it
  });

  it('answers bad Thryve credentials (our configuration) as 502 without a secret', async () => {
    const h = handler({ client: clientFor(sandbox, { ...WRONG_CREDENTIALS }), onError: recordError });
    const response = await h(jsonRequest('/api/thryve/session', {}, { user: 'e-1' }));
    expect(response.status).toBe(502);
  });

  it('sends CORS headers only when opted in, for the exact origin', async () => {
    const h = handler({ cors: { origin: 'https://app.example', credentials: true } });
    const allowed = await h(
      jsonRequest('/api/thryve/session', {}, { user: 'f-1', headers: { origin: 'https://app.example' } }),
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await h(
      jsonRequest('/api/thryve/session', {}, { user: 'f-1', headers: { origin: 'https://evil.example' } }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await h(
      new Request('http://app.test/api/thryve/session', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
  });

  it('creates the Thryve user once per alias, however many requests arrive at once', async () => {
    const h = handler();
    const before = sandbox.state.requests.filter((request) => request.path === '/v5/accessToken').length;
    await Promise.all(
      Array.from({ length: 5 }, () => h(jsonRequest('/api/thryve/session', {}, { user: 'g-1' }))),
    );
    const after = sandbox.state.requests.filter((request) => request.path === '/v5/accessToken').length;
    expect(after - before).toBe(1);
  });
});

describe('toNodeHandler and createProxyFetcher, end to end over real HTTP', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    const h = createThryveConnectHandler({
      client: clientFor(sandbox),
      getEndUser: () => ({ alias: 'node-user-1' }),
    });
    server = createServer(toNodeHandler(h));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the browser fetcher: session, connections, revoke', async () => {
    const fetcher = createProxyFetcher({
      url: `${origin}/api/thryve/session`,
      fetch: async (input, init) => recordResponse(await fetch(input, init)),
    });
    const session = await fetcher({ locale: 'fr' });
    expect('url' in session && session.url).toContain('lang=fr');
    sandbox.connect({ alias: 'node-user-1' }, 42);
    expect(await fetcher.getConnections?.({})).toEqual([{ dataSource: 42, connectedAt: expect.any(String) }]);
    await fetcher.revoke?.({ dataSource: 42 });
    expect(await fetcher.getConnections?.({})).toEqual([]);
  });

  it('answers 400 for a huge body without crashing the server', async () => {
    const response = await fetch(`${origin}/api/thryve/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(1_000_000) }),
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${origin}/api/thryve/connections`)).status).toBe(200);
  });
});

describe('secrets', () => {
  it('appear in no response body, header or error message of this suite', () => {
    expectNoSecrets();
  });
});
