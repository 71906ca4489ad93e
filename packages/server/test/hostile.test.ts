// The proxy judged as an attacker would judge it: every test is named by the attack it stops. Tests
// marked [case N] are the numbered cases of issue 12: each failed against the code before the fix
// (run against commit 12ffba3's src). The others pin checks that already held, so that deleting one
// fails a test (they are what mutation testing found unpinned).
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { createProxyFetcher, isThryveConnectError } from '@thryve-connect/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createBasicAuthVerifier,
  createHeaderSecretVerifier,
  createThryveClient,
  createThryveConnectHandler,
  createThryveWebhookHandler,
  isThryveApiError,
  MAX_BODY_BYTES,
  MAX_RESPONSE_BYTES,
  parseThryveWebhook,
  type ThryveClient,
  type ThryveConnectHandlerOptions,
  toNodeHandler,
} from '../src/index.js';
import { FAKE_END_USER_ID, fakeWidgetUrl, startFakeThryve } from './support/fakeThryve.js';
import { clientFor, useSandboxAndServers } from './support/harness.js';
import { CREDENTIALS, catchError, WRONG_CREDENTIALS } from './support/secrets.js';

const env = useSandboxAndServers();

/** How many requests reached the sandbox (Thryve) so far. */
const upstreamCount = () => env.sandbox.state.requests.length;

/** A handler on the sandbox whose getEndUser is a spy (the signed-in user is `alias`). */
function proxy(alias = 'hostile-user', options: Partial<ThryveConnectHandlerOptions> = {}) {
  const getEndUser = vi.fn(() => ({ alias }));
  const handler = createThryveConnectHandler({ client: clientFor(env.sandbox), getEndUser, ...options });
  return { handler, getEndUser };
}

/** A request to the handler, whose own origin is http://app.test. */
function hit(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Request(`http://app.test${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

async function answer(response: Response) {
  const text = await response.text();
  const body = text === '' ? undefined : (JSON.parse(text) as { error?: { code: string; message: string } });
  return { status: response.status, code: body?.error?.code, body };
}

/** Listens on a free loopback port; returns the port (raw sockets need it). */
async function listen(server: Server): Promise<number> {
  return Number(new URL(await env.listen(server)).port);
}

/** Sends raw bytes (a request line no client library would send) and returns the raw answer. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('cross-site requests', () => {
  it('[case 1] refuses a cross-site <form> with no fields before getEndUser and before any upstream call', async () => {
    const { handler, getEndUser } = proxy('csrf-victim-1');
    const before = upstreamCount();
    const result = await answer(
      await handler(
        hit('/api/thryve/session', {
          method: 'POST',
          headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        }),
      ),
    );
    expect([result.status, result.code]).toEqual([403, 'forbidden']);
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });

  it('[case 1] refuses a no-cors POST with an empty body from a sibling subdomain (same-site)', async () => {
    const { handler, getEndUser } = proxy('csrf-victim-2');
    const before = upstreamCount();
    const result = await answer(
      await handler(
        hit('/api/thryve/revoke', {
          method: 'POST',
          headers: { origin: 'https://evil.app.test', 'sec-fetch-site': 'same-site' },
        }),
      ),
    );
    expect([result.status, result.code]).toEqual([403, 'forbidden']);
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });

  it('[case 1] refuses an <img> GET of /connections from another site (no Origin, Sec-Fetch-Site: cross-site)', async () => {
    const { handler, getEndUser } = proxy('csrf-victim-3');
    const before = upstreamCount();
    for (const site of ['cross-site', 'same-site']) {
      const result = await answer(
        await handler(hit('/api/thryve/connections', { headers: { 'sec-fetch-site': site } })),
      );
      expect([result.status, result.code]).toEqual([403, 'forbidden']);
    }
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });

  it('[case 1] refuses a request from a sandboxed frame or data: page (Origin: null)', async () => {
    const { handler, getEndUser } = proxy();
    const result = await answer(
      await handler(
        hit('/api/thryve/session', {
          body: '{}',
          headers: { origin: 'null', 'content-type': 'application/json' },
        }),
      ),
    );
    expect(result.status).toBe(403);
    expect(getEndUser).not.toHaveBeenCalled();
  });

  it('[case 1] refuses an origin that only starts like a listed one, and a listed origin is not a wildcard for its scheme', async () => {
    const { handler } = proxy('cors-user', { cors: { origin: 'https://app.example' } });
    for (const origin of ['https://app.example.evil', 'http://app.example', 'https://app.example:444']) {
      const result = await answer(
        await handler(
          hit('/api/thryve/connections', { headers: { origin, 'sec-fetch-site': 'cross-site' } }),
        ),
      );
      expect(result.status, origin).toBe(403);
    }
  });

  it('serves its own origin, a listed origin, a browser-declared same-origin request and a navigation', async () => {
    const { handler } = proxy('origin-ok-1', { cors: { origin: 'https://app.example' } });
    const cases: Record<string, string>[] = [
      { origin: 'http://app.test', 'sec-fetch-site': 'same-origin' },
      { origin: 'https://app.example', 'sec-fetch-site': 'cross-site' },
      // Behind a TLS-terminating proxy the handler sees http://, the browser https://: it says same-origin.
      { origin: 'https://app.test', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of cases) {
      expect(
        (await handler(hit('/api/thryve/connections', { headers }))).status,
        JSON.stringify(headers),
      ).toBe(200);
    }
  });

  it('[case 1] refuses a state-changing POST without application/json even when its body is empty', async () => {
    const { handler, getEndUser } = proxy('csrf-victim-4');
    const before = upstreamCount();
    for (const headers of [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ] as Record<string, string>[]) {
      const result = await answer(await handler(hit('/api/thryve/session', { method: 'POST', headers })));
      expect([result.status, result.code]).toEqual([400, 'bad_request']);
    }
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });
});

describe('data-source ids outside the web catalogue', () => {
  /** What reached the sandbox (Thryve) since `before`, by path. */
  const upstreamSince = (before: number) => env.sandbox.state.requests.slice(before).map((r) => r.path);

  const revokeRequest = (dataSource: unknown) =>
    hit('/api/thryve/revoke', {
      body: JSON.stringify({ dataSource }),
      headers: { 'content-type': 'application/json' },
    });

  it.each([0, -1, 1.5, '1', 2 ** 53, null, [1], { id: 1 }])(
    'refuses the malformed id %j before any upstream call',
    async (dataSource) => {
      const { handler } = proxy('revoke-malformed-1');
      const before = upstreamCount();
      const result = await answer(await handler(revokeRequest(dataSource)));
      expect([result.status, result.code]).toEqual([400, 'invalid_data_source']);
      expect(upstreamCount()).toBe(before);
    },
  );

  // Thryve adds sources, so a well-formed id the catalogue does not list may be one the user connected;
  // what stays out of reach is a revoke for a source the user has not connected.
  it.each([4, 12, 40, 999, 1e3, 2 ** 53 - 1])(
    '[case 2] refuses to revoke the unknown or retired source %d the user has not connected, sending no revoke',
    async (dataSource) => {
      const { handler } = proxy('revoke-unknown-1');
      const before = upstreamCount();
      const result = await answer(await handler(revokeRequest(dataSource)));
      expect([result.status, result.code]).toEqual([400, 'invalid_data_source']);
      expect(upstreamSince(before).filter((path) => path !== '/v5/accessToken')).toEqual([
        '/v5/userInformation',
      ]);
    },
  );

  it('[case 2] refuses an unknown id in the client too, for a user who has not connected it, sending no revoke', async () => {
    const client = clientFor(env.sandbox);
    const endUserId = await client.getOrCreateEndUser('revoke-unknown-2');
    const before = upstreamCount();
    const error = await catchError(client.revokeDataSource({ endUserId, dataSource: 12 }));
    expect(isThryveApiError(error, 'bad_request')).toBe(true);
    expect(upstreamSince(before)).toEqual(['/v5/userInformation']);
    // A malformed id never reaches Thryve at all.
    const malformed = await catchError(client.revokeDataSource({ endUserId, dataSource: 1.5 }));
    expect(isThryveApiError(malformed, 'bad_request')).toBe(true);
    expect(upstreamSince(before)).toEqual(['/v5/userInformation']);
  });

  it('[case 2] lets a host add an id Thryve introduced later, and keeps the built-in sources revocable', async () => {
    const catalogue = [{ id: 48, name: 'New Source', kind: 'web' as const, known: true }];
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox, { catalogue }),
      getEndUser: () => ({ alias: 'revoke-new-1' }),
    });
    const result = await answer(await handler(revokeRequest(48)));
    expect(result.code).not.toBe('invalid_data_source');
    expect(env.sandbox.state.requests.some((r) => r.path === '/dataSourceDirectRevoke.html')).toBe(true);
    // The catalogue extends the built-in list: Fitbit, which it does not name, is still revoked.
    const fitbit = await answer(await handler(revokeRequest(1)));
    expect([fitbit.status, fitbit.body]).toEqual([200, { revoked: true }]);
  });

  it('lets a host entry with a built-in id override it, e.g. to mark a source native', async () => {
    const catalogue = [{ id: 1, name: 'Fitbit', kind: 'native' as const, known: true }];
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox, { catalogue }),
      getEndUser: () => ({ alias: 'revoke-override-1' }),
    });
    const before = upstreamCount();
    const result = await answer(await handler(revokeRequest(1)));
    expect([result.status, result.code]).toEqual([400, 'native_data_source']);
    expect(upstreamCount()).toBe(before);
  });
});

describe('request targets and Host headers through toNodeHandler', () => {
  let port = 0;
  let seen: Request[] = [];
  beforeAll(async () => {
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: (request) => {
        seen.push(request);
        return { alias: 'node-hostile-1' };
      },
    });
    port = await listen(createServer(toNodeHandler(handler)));
  });
  afterEach(() => {
    seen = [];
  });

  const post = (target: string, host = `127.0.0.1:${port}`) =>
    `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;

  it.each([
    '//evil.example/api/thryve/session',
    '/\\evil.example/api/thryve/session',
    '//evil.example:80/api/thryve/session',
  ])(
    '[case 3] answers 404 to the protocol-relative target %s instead of routing it with an attacker-chosen host',
    async (target) => {
      const text = await raw(port, post(target));
      expect(text.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
      expect(text).toContain('"code":"not_found"');
      expect(seen).toEqual([]);
    },
  );

  it('answers 404 to an absolute-form target naming another host', async () => {
    const text = await raw(port, post('http://evil.example/api/thryve/session'));
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(seen).toEqual([]);
  });

  const refusesHost = async (host: string) => {
    const text = await raw(port, post('/api/thryve/session', host));
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(seen).toEqual([]);
  };

  it.each(['evil.example/api/thryve/session?', 'evil.example#'])(
    '[case 3] refuses the Host header %j that would move the path or hide it in a fragment',
    refusesHost,
  );

  it.each(['user@evil.example', 'evil example', 'a:b:c'])(
    'refuses the Host header %j that would carry credentials or is not a host',
    refusesHost,
  );

  it('builds the URL getEndUser sees from the Host header and the path only', async () => {
    const text = await raw(port, post('/api/thryve/session?x=1', `LocalHost:${port}`));
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(seen[0]?.url).toBe(`http://localhost:${port}/api/thryve/session?x=1`);
    const v6 = await raw(port, post('/api/thryve/session', `[::1]:${port}`));
    expect(v6.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(seen[1]?.url).toBe(`http://[::1]:${port}/api/thryve/session`);
  });
});

describe('expiresAt from a misbehaving Thryve', () => {
  async function sessionWithExpiry(expiresAt: unknown) {
    const fake = await startFakeThryve({
      connection: (_req, res, origin) => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            type: 'enduser.widget.connection',
            data: { url: fakeWidgetUrl(origin), expiresAt },
          }),
        );
      },
    });
    try {
      const onError = vi.fn();
      const handler = createThryveConnectHandler({
        client: createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }),
        getEndUser: () => ({ alias: 'expiry-user' }),
        onError,
      });
      const response = await handler(
        hit('/api/thryve/session', { body: '{}', headers: { 'content-type': 'application/json' } }),
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, onError };
    } finally {
      await fake.close();
    }
  }

  it.each([
    ['outside the Date range (epoch ms)', 1e20],
    ['just past the Date range', 8.64e15 + 1],
    ['an ISO date past the Date range', '+275760-09-13T00:00:00.001Z'],
    ['in epoch seconds (a date in 1970)', 1_775_037_600],
    ['already past', '2020-01-01T00:00:00Z'],
    ['years ahead', Date.now() + 400 * 86_400_000],
    ['not a date', 'soon'],
    ['a numeric string', String(Date.now() + 600_000)],
    ['a boolean', true],
  ])(
    '[case 4] drops an expiresAt %s and reports it, never a 500 or an expired session',
    async (_name, expiresAt) => {
      const { status, body, onError } = await sessionWithExpiry(expiresAt);
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('expiresAt');
      expect(onError).toHaveBeenCalledTimes(1);
      expect(isThryveApiError(onError.mock.calls[0]?.[0], 'invalid_response')).toBe(true);
    },
  );

  it('keeps a sane future expiresAt, as ISO 8601, from epoch milliseconds or an ISO string', async () => {
    const at = Date.now() + 10 * 60_000;
    for (const value of [at, new Date(at).toISOString()]) {
      const { body, onError } = await sessionWithExpiry(value);
      expect(body.expiresAt).toBe(new Date(at).toISOString());
      expect(onError).not.toHaveBeenCalled();
    }
  });
});

describe('the size of Thryve’s answers', () => {
  it('[case 5] stops reading a 100 MB answer at the cap instead of buffering it', async () => {
    let written = 0;
    const fake = await startFakeThryve({
      connection: (_req, res) => {
        res.setHeader('content-type', 'application/json');
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (written < 100 * 1024 * 1024 && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => undefined);
        pump();
      },
    });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts });
      const error = await catchError(client.createConnectionSession({ endUserId: FAKE_END_USER_ID }));
      expect(isThryveApiError(error, 'invalid_response')).toBe(true);
      expect(written).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await fake.close();
    }
  });

  it('[case 5] reads an answer of exactly the cap, and refuses one byte more', async () => {
    const sized = (size: number) =>
      startFakeThryve({
        connection: (_req, res, origin) => {
          const json = JSON.stringify({
            type: 'enduser.widget.connection',
            data: { url: fakeWidgetUrl(origin) },
          });
          res.setHeader('content-type', 'application/json');
          res.end(json + ' '.repeat(size - Buffer.byteLength(json)));
        },
      });
    for (const [size, ok] of [
      [MAX_RESPONSE_BYTES, true],
      [MAX_RESPONSE_BYTES + 1, false],
    ] as const) {
      const fake = await sized(size);
      try {
        const call = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).createConnectionSession({
          endUserId: FAKE_END_USER_ID,
        });
        if (ok) await expect(call).resolves.toHaveProperty('token');
        else expect(isThryveApiError(await catchError(call), 'invalid_response')).toBe(true);
      } finally {
        await fake.close();
      }
    }
  });

  it('[case 5] reports an answer that is not UTF-8 as invalid, not as a network failure', async () => {
    const fake = await startFakeThryve({
      accessToken: (_req, res) => {
        res.setHeader('content-type', 'text/plain');
        res.end(Buffer.from([0x61, 0xff, 0xfe, 0x62]));
      },
    });
    try {
      const error = await catchError(
        createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).getOrCreateEndUser('utf8-1'),
      );
      expect(isThryveApiError(error, 'invalid_response')).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe('one deadline per route', () => {
  it('[case 6] bounds the three Thryve calls of /revoke by timeoutMs together, not each', async () => {
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox, { timeoutMs: 600 }),
      getEndUser: () => ({ alias: 'deadline-user-1' }),
    });
    for (const route of ['accessToken', 'connection', 'directRevoke'] as const) {
      env.sandbox.inject({ route, type: 'latency', ms: 350, times: 1 });
    }
    const started = Date.now();
    const result = await answer(
      await handler(
        hit('/api/thryve/revoke', {
          body: '{"dataSource":1}',
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    expect([result.status, result.code]).toEqual([504, 'timeout']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('[case 6] bounds the client’s revoke (two requests) by one timeoutMs', async () => {
    const client = clientFor(env.sandbox, { timeoutMs: 500 });
    const endUserId = await client.getOrCreateEndUser('deadline-user-2');
    env.sandbox.inject({ route: 'connection', type: 'latency', ms: 300, times: 1 });
    env.sandbox.inject({ route: 'directRevoke', type: 'latency', ms: 300, times: 1 });
    const error = await catchError(client.revokeDataSource({ endUserId, dataSource: 1 }));
    expect(isThryveApiError(error, 'timeout')).toBe(true);
  });
});

describe('a stale end-user cache', () => {
  it('[case 7] resolves the user again when Thryve no longer knows the cached id, instead of answering 502', async () => {
    const { handler } = proxy('stale-user-1');
    const json = { 'content-type': 'application/json' };
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    env.sandbox.reset(); // Thryve forgets every user: the cached id is refused from now on.
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    env.sandbox.reset();
    expect((await handler(hit('/api/thryve/session', { body: '{}', headers: json }))).status).toBe(200);
    env.sandbox.reset();
    expect(
      (await handler(hit('/api/thryve/revoke', { body: '{"dataSource":1}', headers: json }))).status,
    ).toBe(200);
  });

  it('[case 7] does not retry a refusal of an id it has just resolved (no loop)', async () => {
    const spy = { ...clientFor(env.sandbox) };
    spy.getOrCreateEndUser = vi.fn(spy.getOrCreateEndUser);
    spy.getConnectedSources = vi.fn(async () => {
      throw await catchError(clientFor(env.sandbox).getConnectedSources('unknown-user-token'));
    });
    const handler = createThryveConnectHandler({
      client: spy,
      getEndUser: () => ({ alias: 'stale-user-2' }),
    });
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(502);
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(502);
    // Resolved once per request: the refused id was dropped, and never retried within a request.
    expect(spy.getOrCreateEndUser).toHaveBeenCalledTimes(2);
    expect(spy.getConnectedSources).toHaveBeenCalledTimes(2);
  });
});

describe('webhooks', () => {
  const forged = () =>
    new Request('http://app.test/webhooks/thryve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        endUserId: 'de3d1e068537dd927b48988cb6969abe',
        type: 'notification.source.disconnect',
        data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
      }),
    });

  it('[case 9] does not parse a forged disconnect when the host configured no authenticity check', async () => {
    const error = await catchError(parseThryveWebhook(forged(), undefined as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(await catchError(parseThryveWebhook(forged(), {} as never))).toBeInstanceOf(TypeError);
  });

  it('[case 9] refuses a forged disconnect without, or with wrong, Basic credentials', async () => {
    const verify = createBasicAuthVerifier({ username: 'thryve', password: 'hook-pass-1' });
    const withAuth = (value?: string) => {
      const request = forged();
      if (value !== undefined) request.headers.set('authorization', value);
      return request;
    };
    const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    for (const value of [
      undefined,
      basic('thryve:hook-pass-2'),
      basic('thryve:hook-pass-1x'),
      basic('thryve:hook-pass-'),
      basic('thryvex:hook-pass-1'),
      `Bearer ${Buffer.from('thryve:hook-pass-1').toString('base64')}`,
      `${basic('thryve:hook-pass-1')} extra`,
      '',
    ]) {
      const error = await catchError(parseThryveWebhook(withAuth(value), { verify }));
      expect(error, String(value)).toMatchObject({ code: 'verification_failed', status: 401 });
    }
    await expect(
      parseThryveWebhook(withAuth(basic('thryve:hook-pass-1')), { verify }),
    ).resolves.toMatchObject({
      type: 'source.disconnect',
    });
    await expect(
      parseThryveWebhook(withAuth(basic('thryve:hook-pass-1').replace('Basic', 'basic')), { verify }),
    ).resolves.toBeTruthy();
  });

  it('[case 9] refuses a forged disconnect whose header secret is missing, shorter, longer or off by one character', async () => {
    const verify = createHeaderSecretVerifier({
      header: 'x-thryve-secret',
      secret: 'a-long-random-secret-1',
    });
    for (const value of [
      undefined,
      '',
      'a-long-random-secret-',
      'a-long-random-secret-12',
      'a-long-random-secret-2',
    ]) {
      const request = forged();
      if (value !== undefined) request.headers.set('x-thryve-secret', value);
      expect(await catchError(parseThryveWebhook(request, { verify })), String(value)).toMatchObject({
        code: 'verification_failed',
      });
    }
    const good = forged();
    good.headers.set('x-thryve-secret', 'a-long-random-secret-1');
    await expect(parseThryveWebhook(good, { verify })).resolves.toBeTruthy();
  });

  it('refuses verifiers configured without a secret', () => {
    expect(() => createHeaderSecretVerifier({ header: 'x-thryve-secret', secret: '' })).toThrow(TypeError);
    expect(() => createHeaderSecretVerifier({ header: 'bad header', secret: 's' })).toThrow(TypeError);
    expect(() => createBasicAuthVerifier({ username: '', password: 'p' })).toThrow(TypeError);
    expect(() => createBasicAuthVerifier({ username: 'a:b', password: 'p' })).toThrow(TypeError);
    expect(() => createBasicAuthVerifier({ username: 'u', password: '' })).toThrow(TypeError);
    expect(() => createThryveWebhookHandler({ onEvent: () => undefined } as never)).toThrow(TypeError);
  });

  it('[case 9] the ready-made route answers a forged disconnect 401 and never calls onEvent', async () => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    const route = createThryveWebhookHandler({
      verify: createHeaderSecretVerifier({ header: 'x-thryve-secret', secret: 's3cret-value' }),
      onEvent,
      onError,
    });
    const response = await route(forged());
    expect(response.status).toBe(401);
    expect(onEvent).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'verification_failed' }),
      expect.any(Request),
    );
  });

  it('[case 9] the ready-made route answers within Thryve’s 2 s even when the work takes longer, and reports a late failure', async () => {
    const onError = vi.fn();
    let finish: (() => void) | undefined;
    const route = createThryveWebhookHandler({
      verify: 'none',
      answerWithinMs: 300,
      onEvent: () =>
        new Promise<void>((_resolve, reject) => {
          finish = () => reject(new Error('queue down'));
        }),
      onError,
    });
    const started = Date.now();
    const response = await route(forged());
    expect(response.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(onError).not.toHaveBeenCalled();
    finish?.();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.any(Request)));
  });

  it('[case 9] the ready-made route answers 204 for a handled event, 500 when onEvent fails in time, 204 for an unknown type and 405 for GET', async () => {
    const events: unknown[] = [];
    const ok = createThryveWebhookHandler({ verify: 'none', onEvent: (event) => void events.push(event) });
    expect((await ok(forged())).status).toBe(204);
    expect(events).toHaveLength(1);
    const failing = createThryveWebhookHandler({
      verify: 'none',
      onEvent: () => {
        throw new Error('db down');
      },
    });
    expect((await failing(forged())).status).toBe(500);
    const unknown = new Request('http://app.test/hook', {
      method: 'POST',
      body: JSON.stringify({ type: 'notification.data.new', endUserId: 'x', data: {} }),
    });
    expect((await ok(unknown)).status).toBe(204);
    expect(events).toHaveLength(1);
    const get = await ok(new Request('http://app.test/hook'));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const bad = await ok(new Request('http://app.test/hook', { method: 'POST', body: '{' }));
    expect(bad.status).toBe(400);
  });
});

describe('one error vocabulary', () => {
  it('[case 11] answers a refusal of our Thryve credentials as configuration_error, and the browser does not retry it', async () => {
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox, { ...WRONG_CREDENTIALS }),
      getEndUser: () => ({ alias: 'vocab-user-1' }),
    });
    const port = await listen(createServer(toNodeHandler(handler)));
    const error = await catchError(
      createProxyFetcher(`http://127.0.0.1:${port}/api/thryve/session`)({ locale: 'en' }),
    );
    expect(isThryveConnectError(error, 'configuration_error')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(false);
    expect((error as { status: number }).status).toBe(502);
  });

  it.each([
    ['a Thryve 500', { route: 'connection', type: 'error', status: 500 }, 502, 'server_error'],
    ['a malformed Thryve answer', { route: 'connection', type: 'malformed' }, 502, 'server_error'],
    ['a Thryve 403', { route: 'connection', type: 'error', status: 403 }, 502, 'server_error'],
  ] as const)(
    'maps %s to the same code on the server and in the browser',
    async (_name, fault, status, code) => {
      const { handler } = proxy('vocab-user-2');
      const port = await listen(createServer(toNodeHandler(handler)));
      env.sandbox.inject({ ...fault, times: 10 });
      const response = await fetch(`http://127.0.0.1:${port}/api/thryve/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const served = await answer(response);
      expect([served.status, served.code]).toEqual([status, code]);
      env.sandbox.inject({ ...fault, times: 10 });
      const error = await catchError(
        createProxyFetcher(`http://127.0.0.1:${port}/api/thryve/session`)({ locale: 'en' }),
      );
      expect(isThryveConnectError(error, code)).toBe(true);
    },
  );

  it('[case 11] names failures with core’s codes in the client', async () => {
    const endUserId = await clientFor(env.sandbox).getOrCreateEndUser('vocab-user-3');
    env.sandbox.inject({ route: 'connection', type: 'error', status: 502, times: 1 });
    const upstream = await catchError(clientFor(env.sandbox).createConnectionSession({ endUserId }));
    expect(upstream).toMatchObject({ code: 'server_error', status: 502, retryable: true });
    const offline = await catchError(
      clientFor(env.sandbox, { hosts: { api: 'http://127.0.0.1:9' } }).getOrCreateEndUser('vocab-user-3'),
    );
    expect(offline).toMatchObject({ code: 'network_error', retryable: true });
    const refused = await catchError(
      clientFor(env.sandbox, { ...WRONG_CREDENTIALS }).getOrCreateEndUser('vocab-user-3'),
    );
    expect(refused).toMatchObject({ code: 'configuration_error', status: 401, retryable: false });
  });
});

describe('configured hosts', () => {
  it.each([
    'http://api.thryve.de',
    'http://127.0.0.1.evil.tld',
    'http://localhost.evil.tld',
    'http://127.0.0.1:80@evil.tld',
    'ftp://127.0.0.1',
    'https://user:pass@api.thryve.de',
    'https://api.thryve.de/?x=1',
    'https://api.thryve.de/#x',
    'not a url',
  ])('refuses %s as a host that would receive the credentials', (api) => {
    expect(() => createThryveClient({ ...CREDENTIALS, hosts: { api } })).toThrow(TypeError);
    expect(() => createThryveClient({ ...CREDENTIALS, hosts: { direct: api } })).toThrow(TypeError);
    expect(() => createThryveClient({ ...CREDENTIALS, hosts: { widget: api } })).toThrow(TypeError);
  });

  it.each([
    'http://localhost:4010',
    'http://sandbox.localhost',
    'http://127.1.2.3:9',
    'http://[::1]:4010',
    'https://qa.example/base/',
  ])('accepts %s (https, or plain http on loopback only)', (api) => {
    expect(() => createThryveClient({ ...CREDENTIALS, hosts: { api } })).not.toThrow();
  });

  it('refuses a catalogue that is not a list and a timeout that is not positive', () => {
    expect(() => createThryveClient({ ...CREDENTIALS, catalogue: {} as never })).toThrow(TypeError);
    expect(() => createThryveClient({ ...CREDENTIALS, timeoutMs: Number.NaN })).toThrow(TypeError);
    expect(() => createThryveClient({ ...CREDENTIALS, timeoutMs: -1 })).toThrow(TypeError);
  });
});

describe('CORS answers', () => {
  const cors = (credentials?: boolean) =>
    createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => ({ alias: 'cors-user-2' }),
      cors: { origin: ['https://app.example'], credentials },
    });

  it('allows credentials only when the host asked for them', async () => {
    const request = () => hit('/api/thryve/connections', { headers: { origin: 'https://app.example' } });
    expect((await cors()(request())).headers.get('access-control-allow-credentials')).toBeNull();
    expect((await cors(false)(request())).headers.get('access-control-allow-credentials')).toBeNull();
    expect((await cors(true)(request())).headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('answers a preflight with the route’s own method and no injected header names', async () => {
    const preflight = (path: string, requested?: string) =>
      cors(true)(
        new Request(`http://app.test${path}`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://app.example',
            'access-control-request-method': 'POST',
            ...(requested === undefined ? {} : { 'access-control-request-headers': requested }),
          },
        }),
      );
    const connections = await preflight('/api/thryve/connections');
    expect(connections.status).toBe(204);
    expect(connections.headers.get('access-control-allow-methods')).toBe('GET');
    expect(connections.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(connections.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(connections.headers.get('access-control-max-age')).toBe('600');
    expect(connections.headers.get('access-control-allow-credentials')).toBe('true');
    expect(connections.headers.get('vary')).toContain('Access-Control-Request-Headers');
    for (const hostile of ['x-a;b', 'x-a"b', 'x-a: 1', 'a'.repeat(501), '(x)']) {
      const response = await preflight('/api/thryve/session', hostile);
      expect(response.headers.get('access-control-allow-headers'), hostile).toBe('content-type');
    }
    expect(
      (await preflight('/api/thryve/session', 'a'.repeat(500))).headers.get('access-control-allow-headers'),
    ).toBe('a'.repeat(500));
    const other = await cors(true)(
      new Request('http://app.test/api/thryve/session', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 405 to OPTIONS when CORS is off, and Allow lists OPTIONS only when it is on', async () => {
    const { handler } = proxy();
    const off = await handler(hit('/api/thryve/session', { method: 'OPTIONS' }));
    expect([off.status, off.headers.get('allow')]).toEqual([405, 'POST']);
    const on = await cors()(hit('/api/thryve/session', { method: 'GET' }));
    expect([on.status, on.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
  });
});

describe('methods, identities and bodies', () => {
  it.each(['HEAD', 'GET', 'PUT'])(
    'answers 405 to %s on a POST route without calling getEndUser',
    async (method) => {
      const { handler, getEndUser } = proxy();
      const response = await handler(
        hit('/api/thryve/revoke', { method, headers: { 'content-type': 'application/json' } }),
      );
      expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
      expect(getEndUser).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['an invalid endUserId', { endUserId: 'a b' }],
    ['a numeric endUserId', { endUserId: 7 }],
    ['an empty object', {}],
    ['an alias of the wrong type', { alias: 7 }],
    ['a string', 'victim-1'],
    ['true', true],
  ])('answers 500 and calls no upstream when getEndUser returns %s', async (_name, identity) => {
    const onError = vi.fn();
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => identity as never,
      onError,
    });
    const before = upstreamCount();
    const result = await answer(await handler(hit('/api/thryve/connections')));
    expect([result.status, result.code]).toEqual([500, 'server_error']);
    expect(onError).toHaveBeenCalledWith(expect.any(TypeError), expect.any(Request));
    expect(upstreamCount()).toBe(before);
  });

  it('answers 401 when getEndUser returns undefined', async () => {
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => undefined as never,
    });
    expect((await answer(await handler(hit('/api/thryve/connections')))).status).toBe(401);
  });

  it('reads a body of exactly MAX_BODY_BYTES and refuses one byte more, declared or streamed', async () => {
    const { handler } = proxy('body-user-1');
    const body = (size: number) => {
      const json = '{"locale":"en","pad":""}';
      return `{"locale":"en","pad":"${'x'.repeat(size - json.length)}"}`;
    };
    const json = { 'content-type': 'application/json' };
    expect(
      (await handler(hit('/api/thryve/session', { body: body(MAX_BODY_BYTES), headers: json }))).status,
    ).toBe(200);
    const over = await answer(
      await handler(hit('/api/thryve/session', { body: body(MAX_BODY_BYTES + 1), headers: json })),
    );
    expect([over.status, over.code]).toEqual([400, 'bad_request']);
    expect(over.body?.error?.message).toContain(String(MAX_BODY_BYTES));
    const stream = (text: string) =>
      new Request('http://app.test/api/thryve/session', {
        method: 'POST',
        headers: json,
        body: new Blob([text]).stream(),
        duplex: 'half',
      } as RequestInit);
    expect((await handler(stream(body(MAX_BODY_BYTES)))).status).toBe(200);
    expect((await handler(stream(body(MAX_BODY_BYTES + 1)))).status).toBe(400);
  });

  it('refuses a body that is not valid UTF-8', async () => {
    const { handler } = proxy('body-user-2');
    const result = await answer(
      await handler(
        new Request('http://app.test/api/thryve/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        }),
      ),
    );
    expect([result.status, result.code]).toEqual([400, 'bad_request']);
    expect(result.body?.error?.message).toMatch(/UTF-8/);
  });

  it('accepts application/json with parameters and any letter case', async () => {
    const { handler } = proxy('body-user-3');
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      expect(
        (await handler(hit('/api/thryve/session', { body: '{}', headers: { 'content-type': type } }))).status,
      ).toBe(200);
    }
  });
});

describe('the client used directly', () => {
  let client: ThryveClient;
  beforeAll(() => {
    client = clientFor(env.sandbox);
  });

  it('reports a revoke that Thryve answers with an ambiguous result as failed', async () => {
    const endUserId = await client.getOrCreateEndUser('direct-user-1');
    // A revoke page that ends on a result URL with `connected` twice.
    const port = await listen(
      createServer((req, res) => {
        if (req.url?.startsWith('/done')) return void res.end('done');
        res.statusCode = 302;
        res.setHeader('location', '/done?connected=false&connected=true');
        res.end();
      }),
    );
    const ambiguous = createThryveClient({
      ...CREDENTIALS,
      hosts: { ...env.sandbox.hosts, direct: `http://127.0.0.1:${port}` },
    });
    const error = await catchError(ambiguous.revokeDataSource({ endUserId, dataSource: 1 }));
    expect(isThryveApiError(error, 'server_error')).toBe(true);
  });
});
