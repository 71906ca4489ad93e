// Every refusal is typed and says what went wrong and what to check: a message is part of the answer
// a developer reads, so each one is pinned here (and none may hold a secret: see secrets.ts).
import { dataSources, type ThryveConnectErrorCode } from '@thryve-connect/core';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  createThryveClient,
  createThryveConnectHandler,
  isThryveApiError,
  isThryveWebhookError,
  parseThryveWebhook,
  ThryveApiError,
  type ThryveApiErrorCode,
  type ThryveClient,
  ThryveWebhookError,
} from '../src/index.js';
import { FAKE_END_USER_ID, fakeWidgetUrl, startFakeThryve } from './support/fakeThryve.js';
import { clientFor, type Sandbox, startTestSandbox } from './support/harness.js';
import { CREDENTIALS, catchError, expectNoSecrets, recordingFetch } from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  await sandbox?.close();
});

const json = { 'content-type': 'application/json' };
const hit = (path: string, init: RequestInit = {}) => new Request(`http://app.test${path}`, init);
async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe('ThryveApiError', () => {
  it('speaks only codes of core’s vocabulary, so the browser knows every one', () => {
    type Expected = Extract<
      ThryveConnectErrorCode,
      | 'configuration_error'
      | 'forbidden'
      | 'bad_request'
      | 'not_found'
      | 'server_error'
      | 'invalid_response'
      | 'timeout'
      | 'network_error'
      | 'rate_limited'
    >;
    // Extract drops a misspelt member silently: the count of nine pins that none was dropped.
    expectTypeOf<ThryveApiErrorCode>().toEqualTypeOf<Expected>();
    const all: Record<ThryveApiErrorCode, true> = {
      configuration_error: true,
      forbidden: true,
      bad_request: true,
      not_found: true,
      server_error: true,
      invalid_response: true,
      timeout: true,
      network_error: true,
      rate_limited: true,
    };
    expect(Object.keys(all)).toHaveLength(9);
  });

  it.each([
    ['network_error', true],
    ['timeout', true],
    ['server_error', true],
    ['configuration_error', false],
    ['forbidden', false],
    ['bad_request', false],
    ['not_found', false],
    ['invalid_response', false],
    ['rate_limited', false],
  ] as const)('%s is retryable: %s', (code, retryable) => {
    expect(new ThryveApiError(code, 'm').retryable).toBe(retryable);
  });

  it('keeps its code, status, message and cause, and a cause only when given', () => {
    const cause = new Error('socket hang up');
    const error = new ThryveApiError('network_error', 'Could not reach Thryve.', { status: 599, cause });
    expect([error.name, error.code, error.status, error.message, error.cause]).toEqual([
      'ThryveApiError',
      'network_error',
      599,
      'Could not reach Thryve.',
      cause,
    ]);
    expect('cause' in new ThryveApiError('timeout', 'm')).toBe(false);
    expect(new ThryveApiError('timeout', 'm').status).toBeUndefined();
  });

  it('is told apart by its guard, with and without a code', () => {
    const error = new ThryveApiError('forbidden', 'm');
    expect(isThryveApiError(error)).toBe(true);
    expect(isThryveApiError(error, 'forbidden')).toBe(true);
    expect(isThryveApiError(error, 'timeout')).toBe(false);
    expect(isThryveApiError(new Error('m'))).toBe(false);
    expect(isThryveApiError({ code: 'forbidden', name: 'ThryveApiError' })).toBe(false);
    expect(ThryveApiError.isThryveApiError(error, 'forbidden')).toBe(true);
    expect(ThryveApiError.isThryveApiError(error, 'timeout')).toBe(false);
  });
});

describe('ThryveWebhookError', () => {
  it('suggests 401 for a failed verification and 400 otherwise, and keeps its cause', () => {
    const cause = new SyntaxError('bad');
    const error = new ThryveWebhookError('invalid_body', 'Not JSON.', { cause });
    expect([error.name, error.code, error.status, error.message, error.cause]).toEqual([
      'ThryveWebhookError',
      'invalid_body',
      400,
      'Not JSON.',
      cause,
    ]);
    expect(new ThryveWebhookError('verification_failed', 'm').status).toBe(401);
    expect(new ThryveWebhookError('unknown_type', 'm').status).toBe(400);
    expect('cause' in new ThryveWebhookError('unknown_type', 'm')).toBe(false);
    expect(isThryveWebhookError(error, 'invalid_body')).toBe(true);
    expect(isThryveWebhookError(error, 'unknown_type')).toBe(false);
    expect(isThryveWebhookError(new Error('m'))).toBe(false);
  });
});

describe('configuration errors name the option to fix', () => {
  it.each([
    [{ username: '' }, /"username" must be a non-empty string/],
    [{ password: 7 as never }, /"password" must be a non-empty string/],
    [{ authId: '' }, /"authId" must be a non-empty string/],
    [{ authSecret: '' }, /"authSecret" must be a non-empty string/],
    [{ timeoutMs: 0 }, /"timeoutMs" must be a positive number/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /"timeoutMs" must be a positive number/],
    [{ catalogue: 'all' as never }, /"catalogue" must be an array of data sources/],
    [
      { hosts: { api: 'nope' } },
      /The Thryve api host must be an absolute URL such as https:\/\/api\.thryve\.de\./,
    ],
    [
      { hosts: { direct: 'http://x.example' } },
      /The Thryve direct host must be an https URL \(http only for localhost\)\./,
    ],
    [
      { hosts: { widget: 'https://x.example/?a=1' } },
      /The Thryve widget host must not contain credentials, a query or a fragment\./,
    ],
  ])('createThryveClient(%j) throws a TypeError saying what to fix', (options, message) => {
    expect(() => createThryveClient({ ...CREDENTIALS, ...options })).toThrow(message);
  });

  it('refuses a missing options object', () => {
    expect(() => createThryveClient(undefined as never)).toThrow(
      /pass \{ username, password, authId, authSecret \}/,
    );
    expect(() => createThryveClient([] as never)).toThrow(TypeError);
  });

  it.each([
    [{ client: null }, /pass \{ client, getEndUser \}/],
    [{ client: 'x' }, /pass \{ client, getEndUser \}/],
    [{ getEndUser: 'x' }, /pass \{ client, getEndUser \}/],
    [{ basePath: 'api' }, /"basePath" must be a path starting with "\/", e\.g\. \/api\/thryve\./],
    [{ basePath: '/api?x' }, /"basePath" must be a path/],
    [{ basePath: '/api#x' }, /"basePath" must be a path/],
    [{ basePath: 7 }, /"basePath" must be a path/],
    [
      { cors: { origin: 'https://app.example/x' } },
      /cors\.origin entries must be exact origins .*\(got "https:\/\/app\.example\/x"\)/,
    ],
    [{ cors: { origin: ['https://ok.example', 'nope'] } }, /\(got "nope"\)/],
    [{ cors: { origin: 'null' } }, /cors\.origin entries must be exact origins/],
  ])('createThryveConnectHandler(%j) throws a TypeError saying what to fix', (options, message) => {
    const base = { client: clientFor(sandbox), getEndUser: () => null };
    expect(() => createThryveConnectHandler({ ...base, ...(options as object) } as never)).toThrow(message);
  });

  it('accepts an origin with a trailing slash and a base path with trailing slashes', async () => {
    const handler = createThryveConnectHandler({
      client: clientFor(sandbox),
      getEndUser: () => ({ alias: 'config-user-1' }),
      basePath: '/thryve//',
      cors: { origin: 'https://app.example/' },
    });
    const response = await handler(
      hit('/thryve/connections', { headers: { origin: 'https://app.example' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});

describe('the handler’s answers say what to do', () => {
  const handler = (options: Partial<Parameters<typeof createThryveConnectHandler>[0]> = {}) =>
    createThryveConnectHandler({
      client: clientFor(sandbox),
      getEndUser: () => ({ alias: 'msg-user-1' }),
      ...options,
    });

  it.each([
    ['/api/thryve/nope', {}, 404, 'not_found', /^Not found\.$/],
    ['/api/thryve/session', { method: 'GET' }, 405, 'bad_request', /^Use POST for \/api\/thryve\/session\.$/],
    [
      '/api/thryve/connections',
      { method: 'POST', headers: json },
      405,
      'bad_request',
      /^Use GET for \/api\/thryve\/connections\.$/,
    ],
    ['/api/thryve/session', { method: 'POST' }, 400, 'bad_request', /Content-Type: application\/json/],
    [
      '/api/thryve/session',
      { method: 'POST', headers: json, body: '{' },
      400,
      'bad_request',
      /not valid JSON/,
    ],
    [
      '/api/thryve/session',
      { method: 'POST', headers: json, body: '[]' },
      400,
      'bad_request',
      /must be a JSON object/,
    ],
    [
      '/api/thryve/session',
      { method: 'POST', headers: json, body: '{"locale":"xx"}' },
      400,
      'invalid_locale',
      /Unknown locale.*"en", "de"/,
    ],
    [
      '/api/thryve/revoke',
      { method: 'POST', headers: json, body: ' ' },
      400,
      'bad_request',
      /needs a JSON body/,
    ],
    [
      '/api/thryve/revoke',
      { method: 'POST', headers: json, body: '{"dataSource":99}' },
      400,
      'invalid_data_source',
      /web data source in the catalogue.*"catalogue" option/,
    ],
    [
      '/api/thryve/revoke',
      { method: 'POST', headers: json, body: '{"dataSource":5}' },
      400,
      'native_data_source',
      /only through Thryve's mobile SDKs/,
    ],
    [
      '/api/thryve/session',
      { method: 'POST', headers: { ...json, origin: 'https://evil.example' } },
      403,
      'forbidden',
      /Cross-origin requests are refused unless listed in cors\.origin/,
    ],
  ] as const)('%s %j → %i %s', async (path, init, status, code, message) => {
    const error = await errorOf(await handler()(hit(path, init as RequestInit)));
    expect(error).toMatchObject({ status, code });
    expect(error.message).toMatch(message);
  });

  it('says sign in, and what failed, for 401 and 500', async () => {
    expect(await errorOf(await handler({ getEndUser: () => null })(hit('/api/thryve/connections')))).toEqual({
      status: 401,
      code: 'unauthorized',
      message: 'Sign in to connect your data sources.',
    });
    const onError = vi.fn();
    const thrown = await errorOf(
      await handler({
        onError,
        getEndUser: () => {
          throw new Error('store down');
        },
      })(hit('/api/thryve/connections')),
    );
    expect(thrown).toEqual({
      status: 500,
      code: 'server_error',
      message: 'Could not determine the signed-in user.',
    });
    expect(onError).toHaveBeenCalledWith(new Error('store down'), expect.any(Request));
    const invalid = vi.fn();
    await handler({ onError: invalid, getEndUser: () => ({ alias: 'bad alias' }) })(
      hit('/api/thryve/connections'),
    );
    expect((invalid.mock.lastCall?.[0] as Error | undefined)?.message).toMatch(
      /getEndUser must return \{ alias \}.*\{ endUserId \} or null/,
    );
    const badId = vi.fn();
    await handler({ onError: badId, getEndUser: () => ({ endUserId: 'a b' }) })(
      hit('/api/thryve/connections'),
    );
    expect((badId.mock.lastCall?.[0] as Error | undefined)?.message).toBe(
      'getEndUser returned an invalid endUserId.',
    );
  });

  it('says what Thryve did, without Thryve’s own text, and reports only 5xx', async () => {
    const onError = vi.fn();
    sandbox.inject({ route: 'connection', type: 'error', status: 500, times: 1 });
    const upstream = await errorOf(
      await handler({ onError })(hit('/api/thryve/session', { method: 'POST', headers: json, body: '{}' })),
    );
    expect(upstream).toEqual({
      status: 502,
      code: 'server_error',
      message: 'Thryve could not complete the request. Try again later.',
    });
    expect(onError).toHaveBeenCalledTimes(1);
    await handler({ onError })(
      hit('/api/thryve/session', { method: 'POST', headers: json, body: '{"locale":"xx"}' }),
    );
    expect(onError).toHaveBeenCalledTimes(1);
    sandbox.inject({ route: 'connection', type: 'hang', times: 1 });
    const slow = await errorOf(
      await handler({ client: clientFor(sandbox, { timeoutMs: 150 }) })(
        hit('/api/thryve/session', { method: 'POST', headers: json, body: '{}' }),
      ),
    );
    expect(slow).toEqual({
      status: 504,
      code: 'timeout',
      message: 'Thryve did not answer in time. Try again.',
    });
  });

  it('answers 500 for an unexpected failure of the client', async () => {
    const broken = {
      ...clientFor(sandbox),
      getConnectedSources: async () => Promise.reject(new Error('bug')),
    };
    const onError = vi.fn();
    const error = await errorOf(await handler({ client: broken, onError })(hit('/api/thryve/connections')));
    expect(error).toEqual({
      status: 500,
      code: 'server_error',
      message: 'The Thryve proxy failed unexpectedly.',
    });
    expect(onError).toHaveBeenCalledWith(new Error('bug'), expect.any(Request));
  });

  it('uses a 10 s route deadline and core’s catalogue for a client that does not say its own', async () => {
    // The route's deadline is a timer it clears when it answers.
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const {
      catalogue: _c,
      timeoutMs: _t,
      ...bare
    } = clientFor(sandbox) as ThryveClient & Record<string, unknown>;
    const h = createThryveConnectHandler({
      client: bare as ThryveClient,
      getEndUser: () => ({ alias: 'msg-user-2' }),
    });
    expect(
      (await h(hit('/api/thryve/revoke', { method: 'POST', headers: json, body: '{"dataSource":44}' })))
        .status,
    ).toBe(400);
    expect((await h(hit('/api/thryve/connections'))).status).toBe(200);
    expect(timeout).toHaveBeenCalledWith(expect.any(Function), 10_000);
    timeout.mockRestore();
    expect(dataSources.some((source) => source.id === 44)).toBe(true);
  });

  it('passes expiresAt through when Thryve sends a sane one, and omits it otherwise', async () => {
    const at = Date.now() + 5 * 60_000;
    const fake = await startFakeThryve({
      connection: (_req, res, origin) => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            type: 'enduser.widget.connection',
            expiresAt: at,
            data: { url: fakeWidgetUrl(origin) },
          }),
        );
      },
    });
    try {
      const h = handler({ client: createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }) });
      const response = await h(hit('/api/thryve/session', { method: 'POST', headers: json, body: '{}' }));
      expect(await response.json()).toEqual({
        url: fakeWidgetUrl(fake.url),
        expiresAt: new Date(at).toISOString(),
      });
    } finally {
      await fake.close();
    }
    const plain = await handler()(
      hit('/api/thryve/session', { method: 'POST', headers: json, body: '{"locale":"de"}' }),
    );
    expect(Object.keys((await plain.json()) as object)).toEqual(['url']);
  });
});

describe('the client’s errors name the endpoint and what to check', () => {
  it.each([
    [
      401,
      'configuration_error',
      'Thryve answered POST /widget/v6/connection with HTTP 401. Check username/password and authId/authSecret (the AppAuthorization header).',
    ],
    [
      403,
      'forbidden',
      'Thryve answered POST /widget/v6/connection with HTTP 403. Thryve refused the end-user token.',
    ],
    [
      400,
      'bad_request',
      'Thryve answered POST /widget/v6/connection with HTTP 400. Thryve reports invalid input parameters.',
    ],
    [404, 'not_found', 'Thryve answered POST /widget/v6/connection with HTTP 404.'],
    [409, 'server_error', 'Thryve answered POST /widget/v6/connection with HTTP 409.'],
    [499, 'server_error', 'Thryve answered POST /widget/v6/connection with HTTP 499.'],
    [
      500,
      'server_error',
      'Thryve answered POST /widget/v6/connection with HTTP 500. Thryve had a server error; retry later.',
    ],
    [
      501,
      'server_error',
      'Thryve answered POST /widget/v6/connection with HTTP 501. Thryve had a server error; retry later.',
    ],
  ] as const)('HTTP %i → %s', async (status, code, message) => {
    const client = clientFor(sandbox, { fetch: recordingFetch });
    const endUserId = await client.getOrCreateEndUser('msg-client-1');
    sandbox.inject({ route: 'connection', type: 'error', status, times: 1 });
    const error = (await catchError(client.createConnectionSession({ endUserId }))) as ThryveApiError;
    expect([error.code, error.status, error.message]).toEqual([code, status, message]);
  });

  it('names the endpoint of a malformed answer, a timeout and an unreachable Thryve', async () => {
    const client = clientFor(sandbox);
    const endUserId = await client.getOrCreateEndUser('msg-client-2');
    sandbox.inject({ route: 'userInformation', type: 'malformed', times: 1 });
    const malformed = (await catchError(client.getConnectedSources(endUserId))) as ThryveApiError;
    expect([malformed.code, malformed.status, malformed.message]).toEqual([
      'invalid_response',
      200,
      'Thryve answered POST /v5/userInformation with a response that is not in the documented format.',
    ]);
    sandbox.inject({ route: 'accessToken', type: 'hang', times: 1 });
    const slow = (await catchError(
      clientFor(sandbox, { timeoutMs: 120 }).getOrCreateEndUser('msg-client-3'),
    )) as ThryveApiError;
    expect(slow.message).toBe('Thryve did not answer POST /v5/accessToken within 120 ms.');
    const offline = (await catchError(
      clientFor(sandbox, { hosts: { api: 'http://127.0.0.1:9' } }).getOrCreateEndUser('msg-client-3'),
    )) as ThryveApiError;
    expect(offline.message).toBe('Could not reach Thryve for POST /v5/accessToken.');
    expect(offline.cause).toBeInstanceOf(Error);
  });

  it('explains a refused alias, end-user id, locale and data source', async () => {
    const client = clientFor(sandbox);
    const messages = await Promise.all([
      catchError(client.getOrCreateEndUser('no spaces')),
      catchError(client.getConnectedSources('a b')),
      catchError(client.createConnectionSession({ endUserId: 'abcd', locale: 'xx' as never })),
      catchError(client.revokeDataSource({ endUserId: 'abcd', dataSource: 44 })),
      catchError(client.revokeDataSource({ endUserId: 'abcd', dataSource: 0 })),
    ]);
    expect(messages.map((error) => (error as Error).message)).toEqual([
      'The end-user alias must be 1 to 80 letters, digits or "-" (a stable, unguessable id of your user).',
      'The endUserId must be a Thryve end-user token (see getOrCreateEndUser).',
      "The locale must be one of Thryve's widget languages (see LOCALES).",
      "That data source connects only through Thryve's mobile SDKs, not from a web page.",
      'The data source must be a positive integer id (e.g. 1 for Fitbit).',
    ]);
  });

  it('explains a widget URL on another host, and an answer over the cap', async () => {
    const fake = await startFakeThryve({
      connection: (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({ data: { url: 'https://elsewhere.example/?connectionSessionToken=1234567890' } }),
        );
      },
    });
    try {
      const error = (await catchError(
        createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).createConnectionSession({
          endUserId: FAKE_END_USER_ID,
        }),
      )) as ThryveApiError;
      expect([error.code, error.status, error.message]).toEqual([
        'invalid_response',
        200,
        'Thryve answered POST /widget/v6/connection with a widget URL that is not valid for the configured widget host (disallowed_origin).',
      ]);
    } finally {
      await fake.close();
    }
  });

  it('reads Thryve’s answers as documented: data.url, a top-level expiresAt, string ids, odd rows skipped', async () => {
    const at = Date.now() + 60_000;
    const fake = await startFakeThryve({
      connection: (_req, res, origin) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ expiresAt: at, data: { url: fakeWidgetUrl(origin), expiresAt: null } }));
      },
    });
    try {
      const session = await createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).createConnectionSession(
        {
          endUserId: FAKE_END_USER_ID,
        },
      );
      expect(session).toEqual({
        url: fakeWidgetUrl(fake.url),
        token: '1060285265X4247109939067552841',
        expiresAt: new Date(at).toISOString(),
      });
    } finally {
      await fake.close();
    }
  });

  it('reads connected sources with string ids and skips rows it cannot read', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify([
          {
            connectedSources: [
              { dataSource: '18', connectedAt: '2026-04-01T10:00:00Z' },
              { dataSource: 2, connectedAt: 7 },
              { dataSource: 'x' },
              null,
              'row',
              { dataSource: -1 },
            ],
          },
          { devices: [] },
        ]),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: { api: url, widget: url, direct: url } });
      expect(await client.getConnectedSources(FAKE_END_USER_ID)).toEqual([
        { dataSource: 18, connectedAt: '2026-04-01T10:00:00Z' },
        { dataSource: 2, connectedAt: null },
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it.each([
    ['a user that is not an object', '[7]'],
    ['connectedSources that is not a list', '[{"connectedSources":{}}]'],
    ['an object instead of a list', '{"connectedSources":[]}'],
    ['no JSON', 'nope'],
  ])('refuses userInformation with %s', async (_name, body) => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      req.resume();
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: { api: url, widget: url, direct: url } });
      expect(
        isThryveApiError(await catchError(client.getConnectedSources(FAKE_END_USER_ID)), 'invalid_response'),
      ).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it.each([
    ['no data', '{"type":"enduser.widget.connection"}'],
    ['a data.url that is not a string', '{"data":{"url":7}}'],
    ['a list', '[]'],
    ['no JSON', '<html>'],
  ])('refuses a connection answer with %s', async (_name, body) => {
    const fake = await startFakeThryve({ connection: (_req, res) => res.end(body) });
    try {
      const call = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).createConnectionSession({
        endUserId: FAKE_END_USER_ID,
      });
      expect(isThryveApiError(await catchError(call), 'invalid_response')).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('sends the locale only when given, and keeps a throwing onError from failing the call', async () => {
    const bodies: string[] = [];
    const fake = await startFakeThryve({
      connection: (req, res, origin) => {
        let text = '';
        req.on('data', (chunk) => {
          text += chunk;
        });
        req.on('end', () => {
          bodies.push(text);
          res.end(JSON.stringify({ data: { url: fakeWidgetUrl(origin), expiresAt: 'soon' } }));
        });
      },
    });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts });
      await client.createConnectionSession({ endUserId: FAKE_END_USER_ID });
      await client.createConnectionSession({
        endUserId: FAKE_END_USER_ID,
        locale: 'de',
        onError: () => {
          throw new Error('logger down');
        },
      });
      const reported = vi.fn();
      await client.createConnectionSession({ endUserId: FAKE_END_USER_ID, onError: reported });
      expect(bodies.slice(0, 2)).toEqual([
        `{"endUserId":"${FAKE_END_USER_ID}"}`,
        `{"endUserId":"${FAKE_END_USER_ID}","locale":"de"}`,
      ]);
      expect((reported.mock.lastCall?.[0] as ThryveApiError | undefined)?.message).toBe(
        'Thryve answered POST /widget/v6/connection with an expiresAt that is not a future instant within 24 hours (ISO 8601 or epoch milliseconds); it was dropped.',
      );
      expect((reported.mock.lastCall?.[0] as ThryveApiError | undefined)?.status).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it('accepts an expiresAt exactly 24 hours ahead and refuses one a millisecond later', async () => {
    let at = 0;
    const fake = await startFakeThryve({
      connection: (_req, res, origin) => {
        res.end(JSON.stringify({ data: { url: fakeWidgetUrl(origin), expiresAt: at } }));
      },
    });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts });
      const now = Date.now();
      vi.spyOn(Date, 'now').mockReturnValue(now);
      at = now + 24 * 60 * 60 * 1000;
      expect((await client.createConnectionSession({ endUserId: FAKE_END_USER_ID })).expiresAt).toBe(
        new Date(at).toISOString(),
      );
      at += 1;
      expect(
        (await client.createConnectionSession({ endUserId: FAKE_END_USER_ID })).expiresAt,
      ).toBeUndefined();
      at = now;
      expect(
        (await client.createConnectionSession({ endUserId: FAKE_END_USER_ID })).expiresAt,
      ).toBeUndefined();
      at = now + 1;
      expect((await client.createConnectionSession({ endUserId: FAKE_END_USER_ID })).expiresAt).toBe(
        new Date(at).toISOString(),
      );
    } finally {
      vi.restoreAllMocks();
      await fake.close();
    }
  });
});

describe('webhook refusals say what is wrong', () => {
  const post = (body: unknown) =>
    new Request('http://app.test/hook', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const event = {
    endUserId: 'u-1',
    type: 'notification.source.connect',
    data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
  };

  it.each([
    ['{', 'invalid_body', 'The webhook body is not valid JSON.'],
    ['[]', 'invalid_body', 'The webhook body must be a JSON object.'],
    [
      { ...event, type: 'x'.repeat(100) },
      'unknown_type',
      `Unknown webhook type ${JSON.stringify('x'.repeat(60))}.`,
    ],
    [{ ...event, type: 7 }, 'unknown_type', 'Unknown webhook type "number".'],
    [{ ...event, type: 'toString' }, 'unknown_type', 'Unknown webhook type "toString".'],
    [{ ...event, endUserId: ' ' }, 'invalid_body', 'The webhook has no "endUserId".'],
    [{ ...event, endUserId: 7 }, 'invalid_body', 'The webhook has no "endUserId".'],
    [{ ...event, endUserAlias: 7 }, 'invalid_body', 'The webhook\'s "endUserAlias" must be a string.'],
    [{ ...event, data: [] }, 'invalid_body', 'The webhook has no "data" object.'],
    [
      { ...event, data: { timestamp: 1, dataSourceId: '1.5' } },
      'invalid_body',
      'The webhook\'s "data.dataSourceId" must be a positive integer.',
    ],
    [
      { ...event, data: { timestamp: {}, dataSourceId: 1 } },
      'invalid_body',
      'The webhook\'s "data.timestamp" must be epoch milliseconds.',
    ],
    [
      { ...event, data: { timestamp: 8.64e15 + 1, dataSourceId: 1 } },
      'invalid_body',
      'The webhook\'s "data.timestamp" must be epoch milliseconds.',
    ],
    [
      { ...event, pad: 'x'.repeat(64 * 1024) },
      'invalid_body',
      `The webhook body is larger than ${64 * 1024} bytes.`,
    ],
  ])('%j → %s', async (body, code, message) => {
    const error = (await catchError(
      parseThryveWebhook(post(body), { verify: 'none' }),
    )) as ThryveWebhookError;
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('reads an ISO timestamp, a null alias and an empty alias as absent', async () => {
    const parsed = await parseThryveWebhook(
      post({ ...event, endUserAlias: null, data: { timestamp: '2026-04-01T10:00:00Z', dataSourceId: 1 } }),
      { verify: 'none' },
    );
    expect(parsed).toEqual({
      type: 'source.connect',
      endUserId: 'u-1',
      dataSource: 1,
      timestamp: new Date('2026-04-01T10:00:00Z'),
    });
    const empty = await parseThryveWebhook(post({ ...event, endUserAlias: '' }), { verify: 'none' });
    expect('endUserAlias' in empty).toBe(false);
  });

  it('refuses a body that is not UTF-8, and a verifier that answers anything but true', async () => {
    const bytes = new Request('http://app.test/hook', {
      method: 'POST',
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    const error = (await catchError(parseThryveWebhook(bytes, { verify: 'none' }))) as ThryveWebhookError;
    expect([error.code, error.message]).toEqual([
      'invalid_body',
      'The webhook body could not be read as UTF-8 text.',
    ]);
    expect(error.cause).toBeInstanceOf(Error);
    const truthy = (await catchError(
      parseThryveWebhook(post(event), { verify: (() => 'yes') as never }),
    )) as ThryveWebhookError;
    expect([truthy.code, truthy.message]).toEqual([
      'verification_failed',
      'The webhook request failed verification.',
    ]);
    expect(
      (await catchError(parseThryveWebhook(post(event), { verify: 'nope' as never }))) as Error,
    ).toBeInstanceOf(TypeError);
  });
});

describe('secrets', () => {
  it('appear in no response or error of this file', () => {
    expectNoSecrets();
  });
});
