import { buildRevokeUrl, parseWidgetUrl } from '@thryve-connect/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createThryveClient,
  createThryveConnectHandler,
  isThryveApiError,
  MAX_BODY_BYTES,
  type ThryveClient,
} from '../src/index.js';
import { startFakeThryve } from './support/fakeThryve.js';
import {
  clientFor,
  jsonRequest,
  recordingHandler,
  type Sandbox,
  startTestSandbox,
  testUser,
} from './support/harness.js';
import {
  CREDENTIALS,
  expectNoSecrets,
  recordingFetch,
  recordResponse,
  WRONG_CREDENTIALS,
} from './support/secrets.js';

let sandbox: Sandbox;
let client: ThryveClient;
const responses: Response[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = clientFor(sandbox, { fetch: recordingFetch });
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  await sandbox?.close();
});

/** Calls a handler and keeps the response for the header checks at the end. */
async function call(handler: (request: Request) => Promise<Response>, request: Request) {
  const response = await handler(request);
  responses.push(response);
  const text = await response.clone().text();
  return {
    response,
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

const handler = () => recordingHandler({ client, getEndUser: testUser });

async function errorOf(request: Request, h = handler()) {
  const { status, body, response } = await call(h, request);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  expect(typeof error?.code).toBe('string');
  expect(typeof error?.message).toBe('string');
  return { status, code: error?.code, message: error?.message as string, response };
}

describe('routes', () => {
  it('POST /session answers { url } for the signed-in user', async () => {
    const { status, body } = await call(
      handler(),
      jsonRequest('/api/thryve/session', { locale: 'fr' }, { user: 'h-user-1' }),
    );
    expect(status).toBe(200);
    expect(Object.keys(body ?? {})).toEqual(['url']);
    const parsed = parseWidgetUrl(body?.url, { allowedOrigins: [sandbox.hosts.widget] });
    expect(parsed.locale).toBe('fr');
  });

  it('POST /session accepts an empty body and a null locale', async () => {
    const empty = await call(
      handler(),
      jsonRequest('/api/thryve/session', undefined, {
        user: 'h-user-1',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(empty.status).toBe(200);
    const nullLocale = await call(
      handler(),
      jsonRequest('/api/thryve/session', { locale: null }, { user: 'h-user-1' }),
    );
    expect(nullLocale.status).toBe(200);
  });

  it('GET /connections lists what the user connected; POST /revoke removes it', async () => {
    const h = handler();
    expect(
      (await call(h, jsonRequest('/api/thryve/connections', undefined, { user: 'h-user-2' }))).body,
    ).toEqual({
      connectedSources: [],
    });
    sandbox.connect({ alias: 'h-user-2' }, 3);
    sandbox.connect({ alias: 'h-user-2' }, 11);
    const listed = await call(h, jsonRequest('/api/thryve/connections', undefined, { user: 'h-user-2' }));
    expect(listed.status).toBe(200);
    const sources = (listed.body?.connectedSources ?? []) as Array<{
      dataSource: number;
      connectedAt: string;
    }>;
    expect(sources.map((s) => s.dataSource)).toEqual([3, 11]);
    expect(typeof sources[0]?.connectedAt).toBe('string');

    const revoked = await call(h, jsonRequest('/api/thryve/revoke', { dataSource: 3 }, { user: 'h-user-2' }));
    expect(revoked).toMatchObject({ status: 200, body: { revoked: true } });
    const after = await call(h, jsonRequest('/api/thryve/connections', undefined, { user: 'h-user-2' }));
    expect(after.body).toEqual({ connectedSources: [expect.objectContaining({ dataSource: 11 })] });
  });

  it('HEAD /connections answers headers only', async () => {
    const { status, response } = await call(
      handler(),
      jsonRequest('/api/thryve/connections', undefined, { user: 'h-user-2', method: 'HEAD' }),
    );
    expect(status).toBe(200);
    expect(await response.clone().text()).toBe('');
  });

  it('honours a custom basePath', async () => {
    const h = recordingHandler({ client, getEndUser: testUser, basePath: '/thryve/' });
    expect((await call(h, jsonRequest('/thryve/session', {}, { user: 'h-user-1' }))).status).toBe(200);
    expect((await errorOf(jsonRequest('/api/thryve/session', {}, { user: 'h-user-1' }), h)).status).toBe(404);
  });

  it('resolves an alias once and caches it', async () => {
    const spy = { ...client, getOrCreateEndUser: vi.fn(client.getOrCreateEndUser) };
    const h = recordingHandler({ client: spy, getEndUser: testUser });
    await Promise.all([
      call(h, jsonRequest('/api/thryve/connections', undefined, { user: 'h-cache-1' })),
      call(h, jsonRequest('/api/thryve/connections', undefined, { user: 'h-cache-1' })),
    ]);
    await call(h, jsonRequest('/api/thryve/session', {}, { user: 'h-cache-1' }));
    expect(spy.getOrCreateEndUser).toHaveBeenCalledTimes(1);
  });

  it('accepts { endUserId } from getEndUser without creating a user', async () => {
    const endUserId = await client.getOrCreateEndUser('h-direct-1');
    sandbox.connect({ endUserId }, 8);
    const spy = { ...client, getOrCreateEndUser: vi.fn(client.getOrCreateEndUser) };
    const h = recordingHandler({ client: spy, getEndUser: () => ({ endUserId }) });
    const { body } = await call(h, jsonRequest('/api/thryve/connections'));
    expect(body).toEqual({ connectedSources: [expect.objectContaining({ dataSource: 8 })] });
    expect(spy.getOrCreateEndUser).not.toHaveBeenCalled();
  });
});

describe('revoking a source the catalogue does not list', () => {
  // Thryve adds sources after a release; the picker lists a connected one as "Data source 48" so that
  // the user can disconnect it. The proxy sends that revoke only when Thryve lists the source for them.
  async function fakeWith(connected: number[]) {
    const fake = await startFakeThryve({}, connected);
    const handler = createThryveConnectHandler({
      client: createThryveClient({ ...CREDENTIALS, hosts: fake.hosts, timeoutMs: 5_000 }),
      getEndUser: () => ({ alias: 'new-source-user' }),
    });
    const revoke = async (dataSource: number) => {
      const response = await handler(jsonRequest('/api/thryve/revoke', { dataSource }));
      return { status: response.status, body: await response.json() };
    };
    const count = (prefix: string) => fake.requests.filter((r) => r.startsWith(prefix)).length;
    return { fake, handler, revoke, count };
  }

  it('revokes it when the user’s connections at Thryve list it', async () => {
    const { fake, revoke, count } = await fakeWith([48]);
    try {
      expect(await revoke(48)).toEqual({ status: 200, body: { revoked: true } });
      expect(count('POST /v5/userInformation')).toBe(1);
      expect(count('GET /dataSourceDirectRevoke.html?')).toBe(1);
      expect(fake.requests.find((r) => r.startsWith('GET /dataSource'))).toContain('dataSource=48');
    } finally {
      await fake.close();
    }
  });

  it('refuses it, sending no revoke, when they do not', async () => {
    const { fake, revoke, count } = await fakeWith([1]);
    try {
      const result = await revoke(48);
      expect(result.status).toBe(400);
      expect((result.body as { error: { code: string } }).error.code).toBe('invalid_data_source');
      expect(count('GET /dataSourceDirectRevoke.html')).toBe(0);
      expect(count('POST /widget/v6/connection')).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('trusts what the connections route just read for the same user, then reads again after the revoke', async () => {
    const { fake, handler, revoke, count } = await fakeWith([48]);
    try {
      expect((await handler(jsonRequest('/api/thryve/connections'))).status).toBe(200);
      expect(await revoke(48)).toEqual({ status: 200, body: { revoked: true } });
      expect(count('POST /v5/userInformation')).toBe(1); // the route's read, no second one
      // The cache went with the revoke: a second revoke reads again, and 48 is no longer there.
      expect((await revoke(48)).status).toBe(400);
      expect(count('POST /v5/userInformation')).toBe(2);
      expect(count('GET /dataSourceDirectRevoke.html?')).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it('reads again rather than refuse when the recent read does not list it', async () => {
    const connected: number[] = [];
    const { fake, handler, revoke, count } = await fakeWith(connected);
    try {
      await handler(jsonRequest('/api/thryve/connections'));
      connected.push(48); // connected through the widget since
      expect(await revoke(48)).toEqual({ status: 200, body: { revoked: true } });
      expect(count('POST /v5/userInformation')).toBe(2);
    } finally {
      await fake.close();
    }
  });

  it('lets the client revoke it too, given or reading the user’s connections', async () => {
    const fake = await startFakeThryve({}, [48, 49]);
    try {
      const thryve = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts, timeoutMs: 5_000 });
      const endUserId = await thryve.getOrCreateEndUser('new-source-user');
      await thryve.revokeDataSource({ endUserId, dataSource: 48 });
      const connectedSources = [{ dataSource: 49, connectedAt: null }];
      await thryve.revokeDataSource({ endUserId, dataSource: 49, connectedSources });
      expect(fake.requests.filter((r) => r.startsWith('POST /v5/userInformation'))).toHaveLength(1);
      const error = await thryve
        .revokeDataSource({ endUserId, dataSource: 50, connectedSources })
        .catch((e) => e);
      expect(isThryveApiError(error, 'bad_request')).toBe(true);
      expect(fake.requests.filter((r) => r.startsWith('GET /dataSourceDirectRevoke.html?'))).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });
});

describe('the end user is always getEndUser’s', () => {
  it('ignores an end-user id or alias in the body, the query and headers', async () => {
    const victimId = await client.getOrCreateEndUser('victim-1');
    sandbox.connect({ alias: 'victim-1' }, 1);
    const attackerId = await client.getOrCreateEndUser('attacker-1');
    const h = handler();
    const query = `?endUserId=${victimId}&alias=victim-1&partnerUserID=victim-1&authenticationToken=${victimId}`;
    const headers = {
      'x-thryve-end-user-id': victimId,
      'x-end-user-id': victimId,
      'x-end-user-alias': 'victim-1',
      'x-alias': 'victim-1',
    };
    const spoof = {
      endUserId: victimId,
      alias: 'victim-1',
      endUserAlias: 'victim-1',
      authenticationToken: victimId,
    };

    // Connections: the attacker sees their own (none), not the victim's Fitbit.
    const listed = await call(
      h,
      jsonRequest(`/api/thryve/connections${query}`, undefined, { user: 'attacker-1', headers }),
    );
    expect(listed.body).toEqual({ connectedSources: [] });

    // Session: its token belongs to the attacker, so revoking the victim's source with it does nothing.
    const session = await call(
      h,
      jsonRequest(`/api/thryve/session${query}`, { ...spoof, locale: 'en' }, { user: 'attacker-1', headers }),
    );
    expect(session.status).toBe(200);
    const { token } = parseWidgetUrl(session.body?.url, { allowedOrigins: [sandbox.hosts.widget] });
    await fetch(buildRevokeUrl({ token, dataSource: 1, hosts: sandbox.hosts }));
    expect((await client.getConnectedSources(victimId)).map((s) => s.dataSource)).toEqual([1]);

    // Revoke: acts on the attacker's account.
    sandbox.connect({ endUserId: attackerId }, 1);
    const revoked = await call(
      h,
      jsonRequest(`/api/thryve/revoke${query}`, { ...spoof, dataSource: 1 }, { user: 'attacker-1', headers }),
    );
    expect(revoked.body).toEqual({ revoked: true });
    expect((await client.getConnectedSources(victimId)).map((s) => s.dataSource)).toEqual([1]);
    expect(await client.getConnectedSources(attackerId)).toEqual([]);

    // Without a signed-in user, an identity in the request is not enough.
    const anonymous = await errorOf(jsonRequest(`/api/thryve/connections${query}`, undefined, { headers }));
    expect(anonymous.status).toBe(401);
  });
});

describe('error paths', () => {
  it('401 when getEndUser returns null', async () => {
    const { status, code } = await errorOf(jsonRequest('/api/thryve/session', {}));
    expect(status).toBe(401);
    expect(code).toBe('unauthorized');
  });

  it('500 (and onError) when getEndUser throws', async () => {
    const onError = vi.fn();
    const h = recordingHandler({
      client,
      onError,
      getEndUser: () => {
        throw new Error('session store down');
      },
    });
    const { status, code, message } = await errorOf(jsonRequest('/api/thryve/session', {}), h);
    expect([status, code]).toEqual([500, 'server_error']);
    expect(message).not.toContain('session store down');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('500 when getEndUser returns an invalid alias', async () => {
    const h = recordingHandler({ client, getEndUser: () => ({ alias: 'not valid!' }) });
    expect((await errorOf(jsonRequest('/api/thryve/connections'), h)).status).toBe(500);
  });

  it.each([
    ['bad JSON', '{"locale":', 'bad_request'],
    ['a JSON array', '[]', 'bad_request'],
    ['a JSON string', '"en"', 'bad_request'],
    ['an unknown locale', { locale: 'xx' }, 'invalid_locale'],
    ['a locale of the wrong type', { locale: 7 }, 'invalid_locale'],
  ])('400 on %s for /session', async (_name, body, code) => {
    const result = await errorOf(jsonRequest('/api/thryve/session', body, { user: 'h-user-1' }));
    expect([result.status, result.code]).toEqual([400, code]);
  });

  it.each([
    ['no body', undefined, 'bad_request'],
    ['no dataSource', {}, 'invalid_data_source'],
    ['a string id', { dataSource: '1' }, 'invalid_data_source'],
    ['a negative id', { dataSource: -1 }, 'invalid_data_source'],
    ['a fractional id', { dataSource: 1.5 }, 'invalid_data_source'],
    ['a native source (Apple Health)', { dataSource: 5 }, 'native_data_source'],
    ['a native source (Health Connect)', { dataSource: 44 }, 'native_data_source'],
  ])('400 on %s for /revoke', async (_name, body, code) => {
    const request = jsonRequest('/api/thryve/revoke', body, { user: 'h-user-1', method: 'POST' });
    const result = await errorOf(request);
    expect([result.status, result.code]).toEqual([400, code]);
  });

  it('400 on a body that is not declared as JSON (no CSRF by HTML form)', async () => {
    const request = jsonRequest('/api/thryve/revoke', '{"dataSource":1}', {
      user: 'h-user-1',
      headers: { 'content-type': 'text/plain' },
    });
    expect((await errorOf(request)).status).toBe(400);
  });

  it('400 on a body over 16 kB, declared or streamed', async () => {
    const big = JSON.stringify({ locale: 'en', pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await errorOf(jsonRequest('/api/thryve/session', big, { user: 'h-user-1' }))).status).toBe(400);

    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(4096).fill(32));
        if (pulled > 1000) controller.close();
      },
    });
    const streamed = new Request('http://app.test/api/thryve/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=h-user-1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const result = await errorOf(streamed);
    expect([result.status, result.code]).toEqual([400, 'bad_request']);
    expect(pulled).toBeLessThan(10);
  });

  it('accepts a body just under the limit', async () => {
    const body = JSON.stringify({ locale: 'en', pad: 'x'.repeat(MAX_BODY_BYTES - 40) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(
      (await call(handler(), jsonRequest('/api/thryve/session', body, { user: 'h-user-1' }))).status,
    ).toBe(200);
  });

  it.each([
    ['GET', '/api/thryve/session', 'POST'],
    ['PUT', '/api/thryve/session', 'POST'],
    ['POST', '/api/thryve/connections', 'GET, HEAD'],
    ['DELETE', '/api/thryve/connections', 'GET, HEAD'],
    ['GET', '/api/thryve/revoke', 'POST'],
    ['OPTIONS', '/api/thryve/revoke', 'POST'],
  ])('405 with Allow on %s %s', async (method, path, allow) => {
    const result = await errorOf(jsonRequest(path, undefined, { user: 'h-user-1', method }));
    expect(result.status).toBe(405);
    expect(result.response.headers.get('allow')).toBe(allow);
  });

  it.each([
    '/api/thryve',
    '/api/thryve/',
    '/api/thryve/sessions',
    '/api/thryve/session/x',
    '/other',
    '/api/thryve/__proto__',
    '/api/thryve/toString',
  ])('404 on %s', async (path) => {
    const result = await errorOf(jsonRequest(path, undefined, { user: 'h-user-1' }));
    expect(result.status).toBe(404);
  });

  it('504 when Thryve hangs past the timeout', async () => {
    const onError = vi.fn();
    const h = recordingHandler({
      client: clientFor(sandbox, { timeoutMs: 200, fetch: recordingFetch }),
      getEndUser: testUser,
      onError,
    });
    sandbox.inject({ route: 'connection', type: 'hang', times: 1 });
    const result = await errorOf(jsonRequest('/api/thryve/session', {}, { user: 'h-user-1' }), h);
    expect([result.status, result.code]).toEqual([504, 'timeout']);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['accessToken', 'error'],
    ['connection', 'error'],
    ['userInformation', 'error'],
    ['accessToken', 'malformed'],
    ['connection', 'malformed'],
    ['userInformation', 'malformed'],
  ] as const)('502 when %s fails (%s)', async (route, type) => {
    const h = recordingHandler({ client, getEndUser: testUser });
    sandbox.inject({ route, type, times: 1 });
    const path = route === 'userInformation' ? '/api/thryve/connections' : '/api/thryve/session';
    const body = route === 'userInformation' ? undefined : {};
    const user = route === 'accessToken' ? `h-fresh-${type}` : 'h-user-1';
    const result = await errorOf(jsonRequest(path, body, { user, method: body ? 'POST' : 'GET' }), h);
    expect([result.status, result.code]).toEqual([502, 'server_error']);
    expect(result.message).not.toMatch(/Sandbox fault|HTTP \d/);
  });

  it('502 when the revoke GET fails', async () => {
    sandbox.inject({ route: 'directRevoke', type: 'error', status: 500, times: 1 });
    const result = await errorOf(jsonRequest('/api/thryve/revoke', { dataSource: 1 }, { user: 'h-user-1' }));
    expect(result.status).toBe(502);
  });

  it('502 with a safe message when our credentials are wrong', async () => {
    const onError = vi.fn();
    const h = recordingHandler({
      client: clientFor(sandbox, { ...WRONG_CREDENTIALS, fetch: recordingFetch }),
      getEndUser: testUser,
      onError,
    });
    const result = await errorOf(jsonRequest('/api/thryve/session', {}, { user: 'h-user-1' }), h);
    expect([result.status, result.code]).toEqual([502, 'configuration_error']);
    expect(result.message).not.toMatch(/credential|password|secret|Authorization/i);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'configuration_error' }),
      expect.any(Request),
    );
  });

  it('a throwing onError does not change the answer', async () => {
    const h = recordingHandler({
      client: clientFor(sandbox, { ...WRONG_CREDENTIALS }),
      getEndUser: testUser,
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect(
      (await errorOf(jsonRequest('/api/thryve/connections', undefined, { user: 'h-user-1' }), h)).status,
    ).toBe(502);
  });
});

describe('CORS', () => {
  it('sends no CORS header by default', async () => {
    const { response } = await call(
      handler(),
      jsonRequest('/api/thryve/connections', undefined, {
        user: 'h-user-1',
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control'))).toEqual([]);
  });

  it('echoes only a configured origin and answers preflights', async () => {
    const h = recordingHandler({
      client,
      getEndUser: testUser,
      cors: { origin: ['https://app.example', 'http://localhost:5173'], credentials: true },
    });
    const allowed = await call(
      h,
      jsonRequest('/api/thryve/connections', undefined, {
        user: 'h-user-1',
        headers: { origin: 'https://app.example' },
      }),
    );
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.response.headers.get('vary')).toContain('Origin');

    const other = await call(
      h,
      jsonRequest('/api/thryve/connections', undefined, {
        user: 'h-user-1',
        headers: { origin: 'https://app.example.evil' },
      }),
    );
    expect(other.response.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.response.headers.get('vary')).toContain('Origin');

    const preflight = await call(
      h,
      new Request('http://app.test/api/thryve/revoke', {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-csrf',
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.response.headers.get('access-control-allow-headers')).toBe('content-type, x-csrf');

    const badPreflight = await call(
      h,
      new Request('http://app.test/api/thryve/revoke', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(badPreflight.response.headers.get('access-control-allow-origin')).toBeNull();
    expect(badPreflight.response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('refuses a wildcard or malformed origin', () => {
    for (const origin of ['*', 'app.example', 'https://app.example/path', 'null']) {
      expect(() => createThryveConnectHandler({ client, getEndUser: testUser, cors: { origin } })).toThrow(
        TypeError,
      );
    }
  });
});

describe('every response', () => {
  it('is JSON and not cacheable', async () => {
    expect(responses.length).toBeGreaterThan(50);
    for (const response of responses) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toBe('application/json');
    }
    await recordResponse(new Response('sentinel'));
  });

  it('leaks no secret in any response or error of this file', () => {
    expectNoSecrets();
  });
});
