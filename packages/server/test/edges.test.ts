// The proxy's checks at their edges: what mutation testing found no test pinned. Each test would fail
// if the check it names were loosened or deleted.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createBasicAuthVerifier,
  createHeaderSecretVerifier,
  createThryveClient,
  createThryveConnectHandler,
  isThryveApiError,
  MAX_RESPONSE_BYTES,
  parseThryveWebhook,
  type ThryveApiError,
  type ThryveConnectHandlerOptions,
  toNodeHandler,
} from '../src/index.js';
import { readBody } from '../src/internal/readBody.js';
import { FAKE_END_USER_ID, fakeWidgetUrl, startFakeThryve } from './support/fakeThryve.js';
import { clientFor, useSandboxAndServers } from './support/harness.js';
import { CREDENTIALS, catchError } from './support/secrets.js';

const env = useSandboxAndServers();
const { listen } = env;

const json = { 'content-type': 'application/json' };
const hit = (path: string, init: RequestInit = {}) => new Request(`http://app.test${path}`, init);
const handlerFor = (options: Partial<ThryveConnectHandlerOptions> = {}) =>
  createThryveConnectHandler({
    client: clientFor(env.sandbox),
    getEndUser: () => ({ alias: 'edge-user-1' }),
    ...options,
  });

describe('the handler', () => {
  it('serves its own origin from a browser that sends no Sec-Fetch-Site', async () => {
    expect(
      (await handlerFor()(hit('/api/thryve/connections', { headers: { origin: 'http://app.test' } }))).status,
    ).toBe(200);
  });

  it('answers CORS headers to listed origins only, never to its own or to a preflight without Origin', async () => {
    const handler = handlerFor({ cors: { origin: 'https://app.example' } });
    const own = await handler(hit('/api/thryve/connections', { headers: { origin: 'http://app.test' } }));
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    for (const headers of [{}, { origin: 'http://app.test' }] as Record<string, string>[]) {
      const preflight = await handler(hit('/api/thryve/session', { method: 'OPTIONS', headers }));
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('marks every answer as JSON, not sniffable and not cacheable', async () => {
    for (const response of [
      await handlerFor()(hit('/api/thryve/connections')),
      await handlerFor()(hit('/api/thryve/nope')),
    ]) {
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('routes only paths under basePath + "/"', async () => {
    for (const path of ['/api/thryveXsession', '/api/thryve-session', '/x/thryve/session']) {
      expect(
        (await handlerFor()(hit(path, { method: 'POST', headers: json, body: '{}' }))).status,
        path,
      ).toBe(404);
    }
  });

  it('reads the media type before any parameter, whatever the spacing', async () => {
    const headers = { 'content-type': 'application/json ; charset=utf-8' };
    expect(
      (await handlerFor()(hit('/api/thryve/session', { method: 'POST', headers, body: '{}' }))).status,
    ).toBe(200);
    const other = { 'content-type': 'application/jsonx' };
    expect(
      (await handlerFor()(hit('/api/thryve/session', { method: 'POST', headers: other, body: '{}' }))).status,
    ).toBe(400);
  });

  it('bounds every Thryve call of a route by the route’s deadline, including resolving the user', async () => {
    // A client whose own per-call limit is long: only the route's deadline (its timeoutMs) can stop it.
    const slow = { ...clientFor(env.sandbox, { timeoutMs: 20_000 }), timeoutMs: 300 };
    for (const [route, path] of [
      ['accessToken', '/api/thryve/connections'],
      ['userInformation', '/api/thryve/connections'],
    ] as const) {
      env.sandbox.inject({ route, type: 'hang', times: 1 });
      const started = Date.now();
      const response = await createThryveConnectHandler({
        client: slow,
        getEndUser: () => ({ alias: `edge-deadline-${route}` }),
      })(hit(path));
      expect([route, response.status]).toEqual([route, 504]);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('keeps a cached id on a Thryve failure that is not a refusal, and answers it', async () => {
    const client = clientFor(env.sandbox);
    const lookUp = vi.spyOn(client, 'getOrCreateEndUser');
    const handler = createThryveConnectHandler({ client, getEndUser: () => ({ alias: 'edge-cache-1' }) });
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    env.sandbox.inject({ route: 'userInformation', type: 'error', status: 500, times: 1 });
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(502);
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it('resolves the user again when Thryve answers a cached id with 404', async () => {
    const client = clientFor(env.sandbox);
    const lookUp = vi.spyOn(client, 'getOrCreateEndUser');
    const handler = createThryveConnectHandler({ client, getEndUser: () => ({ alias: 'edge-cache-2' }) });
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    env.sandbox.inject({ route: 'userInformation', type: 'error', status: 404, times: 1 });
    expect((await handler(hit('/api/thryve/connections'))).status).toBe(200);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('says a credentials refusal needs fixing, not a retry', async () => {
    const handler = handlerFor({ client: clientFor(env.sandbox, { password: 'wrong-password-1' }) });
    expect(await (await handler(hit('/api/thryve/connections'))).json()).toEqual({
      error: {
        code: 'configuration_error',
        message: "Thryve refused this server's configuration: the Thryve proxy needs fixing, not a retry.",
      },
    });
  });
});

describe('the client', () => {
  it('sends each documented content type and Accept header, and none of the credentials to the direct host', async () => {
    const sent: Request[] = [];
    const client = clientFor(env.sandbox, {
      fetch: async (input, init) => {
        sent.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    const endUserId = await client.getOrCreateEndUser('edge-headers-1');
    await client.getConnectedSources(endUserId);
    env.sandbox.connect({ endUserId }, 1);
    await client.revokeDataSource({ endUserId, dataSource: 1 });
    expect(
      sent.map((r) => [new URL(r.url).pathname, r.headers.get('content-type'), r.headers.get('accept')]),
    ).toEqual([
      ['/v5/accessToken', 'application/x-www-form-urlencoded', 'text/plain'],
      ['/v5/userInformation', 'application/x-www-form-urlencoded', 'application/json'],
      ['/widget/v6/connection', 'application/json', 'application/json'],
      ['/dataSourceDirectRevoke.html', null, 'text/html,application/json;q=0.9,*/*;q=0.8'],
    ]);
    expect(sent.every((r) => r.cache === 'no-store')).toBe(true);
  });

  it('trims the token Thryve answers, and names the endpoint of one it cannot read', async () => {
    let answer = `${FAKE_END_USER_ID}\r\n`;
    const fake = await startFakeThryve({ accessToken: (_req, res) => res.end(answer) });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts });
      expect(await client.getOrCreateEndUser('edge-token-1')).toBe(FAKE_END_USER_ID);
      answer = '<html>login</html>';
      const error = (await catchError(client.getOrCreateEndUser('edge-token-1'))) as ThryveApiError;
      expect([error.code, error.message]).toEqual([
        'invalid_response',
        'Thryve answered POST /v5/accessToken with a response that is not in the documented format.',
      ]);
    } finally {
      await fake.close();
    }
  });

  it('prefixes every path with the API host’s base path, trailing slashes collapsed', async () => {
    const fake = await startFakeThryve();
    try {
      const client = createThryveClient({
        ...CREDENTIALS,
        hosts: { ...fake.hosts, api: `${fake.url}/base//` },
      });
      await catchError(client.getOrCreateEndUser('edge-base-1'));
      expect(fake.requests).toEqual(['POST /base/v5/accessToken']);
    } finally {
      await fake.close();
    }
  });

  it('says how large an answer over the cap was, and reports a body that stalls as a timeout', async () => {
    const fake = await startFakeThryve({
      connection: (_req, res) => res.end('x'.repeat(MAX_RESPONSE_BYTES + 1)),
      accessToken: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('abc'); // …and never ends.
      },
    });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts, timeoutMs: 300 });
      const big = (await catchError(
        client.createConnectionSession({ endUserId: FAKE_END_USER_ID }),
      )) as ThryveApiError;
      expect([big.code, big.status, big.message]).toEqual([
        'invalid_response',
        200,
        `Thryve answered POST /widget/v6/connection with more than ${MAX_RESPONSE_BYTES} bytes; it was not read.`,
      ]);
      const stalled = (await catchError(client.getOrCreateEndUser('edge-stall-1'))) as ThryveApiError;
      expect(stalled.code).toBe('timeout');
    } finally {
      await fake.close();
    }
  });

  it('refuses a data.url that is not a string as not in the documented format', async () => {
    const fake = await startFakeThryve({ connection: (_req, res) => res.end('{"data":{"url":7}}') });
    try {
      const error = (await catchError(
        createThryveClient({ ...CREDENTIALS, hosts: fake.hosts }).createConnectionSession({
          endUserId: FAKE_END_USER_ID,
        }),
      )) as ThryveApiError;
      expect(error.message).toBe(
        'Thryve answered POST /widget/v6/connection with a response that is not in the documented format.',
      );
    } finally {
      await fake.close();
    }
  });

  it('reports nothing when Thryve sends no expiresAt or null, and drops one hidden in an array', async () => {
    let expiresAt: unknown;
    const fake = await startFakeThryve({
      connection: (_req, res, origin) =>
        res.end(JSON.stringify({ data: { url: fakeWidgetUrl(origin), expiresAt } })),
    });
    try {
      const client = createThryveClient({ ...CREDENTIALS, hosts: fake.hosts });
      for (const value of [undefined, null]) {
        expiresAt = value;
        // Also at the top level, where Thryve may put it.
        const top = await startFakeThryve({
          connection: (_req, res, origin) =>
            res.end(JSON.stringify({ expiresAt: value, data: { url: fakeWidgetUrl(origin) } })),
        });
        const reported = vi.fn();
        await createThryveClient({ ...CREDENTIALS, hosts: top.hosts }).createConnectionSession({
          endUserId: FAKE_END_USER_ID,
          onError: reported,
        });
        await top.close();
        expect(reported).not.toHaveBeenCalled();
        const onError = vi.fn();
        expect(
          await client.createConnectionSession({ endUserId: FAKE_END_USER_ID, onError }),
        ).not.toHaveProperty('expiresAt');
        expect(onError).not.toHaveBeenCalled();
      }
      expiresAt = [new Date(Date.now() + 600_000).toISOString()];
      const onError = vi.fn();
      expect(
        await client.createConnectionSession({ endUserId: FAKE_END_USER_ID, onError }),
      ).not.toHaveProperty('expiresAt');
      expect(onError).toHaveBeenCalledTimes(1);
    } finally {
      await fake.close();
    }
  });

  it('skips connected-source ids that only look like numbers to Number()', async () => {
    const url = await listen(
      createServer((req, res) => {
        req.resume();
        res.end(
          JSON.stringify([
            { connectedSources: [{ dataSource: true }, { dataSource: [1] }, { dataSource: 3 }] },
          ]),
        );
      }),
    );
    const client = createThryveClient({ ...CREDENTIALS, hosts: { api: url, widget: url, direct: url } });
    expect(await client.getConnectedSources(FAKE_END_USER_ID)).toEqual([
      { dataSource: 3, connectedAt: null },
    ]);
  });

  it('reads the revoke outcome from the final URL only: a huge page is not read, connected=true fails', async () => {
    let ending = '/done?connected=false';
    const direct = await listen(
      createServer((req, res) => {
        if (req.url?.startsWith('/done')) return void res.end('x'.repeat(MAX_RESPONSE_BYTES + 10));
        res.writeHead(302, { location: ending }).end();
      }),
    );
    const client = createThryveClient({ ...CREDENTIALS, hosts: { ...env.sandbox.hosts, direct } });
    const endUserId = await client.getOrCreateEndUser('edge-revoke-1');
    await expect(client.revokeDataSource({ endUserId, dataSource: 1 })).resolves.toBeUndefined();
    ending = '/done?other=1';
    await expect(client.revokeDataSource({ endUserId, dataSource: 1 })).resolves.toBeUndefined();
    ending = '/done?connected=true';
    const error = (await catchError(client.revokeDataSource({ endUserId, dataSource: 1 }))) as ThryveApiError;
    expect([error.code, error.status, error.message]).toEqual([
      'server_error',
      200,
      'Thryve reported that the revoke failed (connected=true).',
    ]);
  });

  it('names the revoke GET when the direct host cannot be reached', async () => {
    const client = createThryveClient({
      ...CREDENTIALS,
      hosts: { ...env.sandbox.hosts, direct: 'http://127.0.0.1:9' },
    });
    const endUserId = await client.getOrCreateEndUser('edge-revoke-2');
    const error = (await catchError(client.revokeDataSource({ endUserId, dataSource: 1 }))) as ThryveApiError;
    expect([error.code, error.message]).toEqual([
      'network_error',
      'Could not reach Thryve for the direct revoke GET.',
    ]);
  });

  it('accepts every loopback address of 127.0.0.0/8 and refuses a user name without password in a host', () => {
    for (const api of ['http://127.10.20.30', 'http://127.255.255.254:1']) {
      expect(() => createThryveClient({ ...CREDENTIALS, hosts: { api } }), api).not.toThrow();
    }
    expect(() =>
      createThryveClient({ ...CREDENTIALS, hosts: { api: 'https://user@api.thryve.de' } }),
    ).toThrow(TypeError);
    expect(() => createThryveClient({ ...CREDENTIALS, hosts: { api: 'https://:pw@api.thryve.de' } })).toThrow(
      TypeError,
    );
  });
});

describe('toNodeHandler', () => {
  let base = '';
  let port = 0;
  let aborted = false;
  beforeAll(async () => {
    base = await listen(
      createServer(
        toNodeHandler(async (request) => {
          if (new URL(request.url).pathname === '/wait') {
            await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
            aborted = true;
          }
          if (new URL(request.url).pathname === '/throw') throw new Error('boom');
          return new Response('body', { headers: { 'x-method': request.method } });
        }),
      ),
    );
    port = Number(new URL(base).port);
  });

  const raw = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });

  it('passes HEAD on without a body, and keeps a completed request’s connection open', async () => {
    const head = await fetch(`${base}/x`, { method: 'HEAD' });
    expect([head.status, head.headers.get('x-method')]).toEqual([200, 'HEAD']);
    const get = await fetch(`${base}/x`);
    expect(get.headers.get('connection')).not.toBe('close');
    expect(await get.text()).toBe('body');
  });

  it('aborts the Request’s signal when the client goes away', async () => {
    const controller = new AbortController();
    const pending = fetch(`${base}/wait`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await pending;
    await vi.waitFor(() => expect(aborted).toBe(true));
  });

  it('answers the requests it refuses itself as uncached JSON errors', async () => {
    const notFound = await raw('GET //evil.example/x HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n');
    expect(notFound).toMatch(/^HTTP\/1\.1 404 /);
    expect(notFound).toMatch(/content-type: application\/json/i);
    expect(notFound).toMatch(/cache-control: no-store/i);
    expect(notFound).toContain('{"error":{"code":"not_found","message":"Not found."}}');
    for (const request of [
      'GET /x HTTP/1.1\r\nHost: evil.example/a?b.test\r\nConnection: close\r\n\r\n',
      'TRACE /x HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n',
    ]) {
      const refused = await raw(request);
      expect(refused).toMatch(/^HTTP\/1\.1 400 /);
      expect(refused).toMatch(/cache-control: no-store/i);
      expect(refused).toContain(
        '{"error":{"code":"bad_request","message":"The request could not be read."}}',
      );
    }
    const failed = await fetch(`${base}/throw`);
    expect([failed.status, failed.headers.get('content-type'), failed.headers.get('cache-control')]).toEqual([
      500,
      'application/json',
      'no-store',
    ]);
  });
});

describe('webhook verifiers and parsing', () => {
  const post = (
    headers: Record<string, string> = {},
    body = '{"endUserId":"u","type":"notification.source.connect","data":{"timestamp":1775037600000,"dataSourceId":1}}',
  ) => new Request('http://app.test/hook', { method: 'POST', headers, body });
  const basic = `Basic ${Buffer.from('thryve:pw-1').toString('base64')}`;

  it('accepts Basic credentials only in the exact header form', async () => {
    const verify = createBasicAuthVerifier({ username: 'thryve', password: 'pw-1' });
    expect(await verify(post({ authorization: basic.replace('Basic ', 'Basic   ') }), '')).toBe(true);
    expect(await verify(post({ authorization: `X${basic}` }), '')).toBe(false);
    expect(await verify(post({ authorization: basic.replace('Basic ', 'Basic') }), '')).toBe(false);
    expect(await verify(post({ authorization: `${basic}=` }), '')).toBe(false);
  });

  it('refuses a missing header even when the secret is the word "null"', async () => {
    const verify = createHeaderSecretVerifier({ header: 'x-hook', secret: 'null' });
    expect(await verify(post(), '')).toBe(false);
    expect(await verify(post({ 'x-hook': 'null' }), '')).toBe(true);
  });

  it('names what to fix in a verifier’s configuration', () => {
    expect(() => createBasicAuthVerifier({ username: '', password: 'p' })).toThrow(
      'createBasicAuthVerifier: "username" must be a non-empty string without ":".',
    );
    expect(() => createBasicAuthVerifier({ username: 'u', password: '' })).toThrow(
      'createBasicAuthVerifier: "password" must be a non-empty string.',
    );
    expect(() => createBasicAuthVerifier(undefined as never)).toThrow(TypeError);
    expect(() => createHeaderSecretVerifier({ header: '', secret: 's' })).toThrow(
      'createHeaderSecretVerifier: "header" must be an HTTP header name.',
    );
    expect(() => createHeaderSecretVerifier({ header: 'x', secret: '' })).toThrow(
      'createHeaderSecretVerifier: "secret" must be a non-empty string.',
    );
    expect(() => createHeaderSecretVerifier(undefined as never)).toThrow(TypeError);
  });

  it('says how to opt out when no verify is given, and keeps the JSON error as cause', async () => {
    await expect(parseThryveWebhook(post(), {} as never)).rejects.toThrow(
      "parseThryveWebhook: pass { verify } (e.g. createHeaderSecretVerifier), or { verify: 'none' } to accept unauthenticated webhooks.",
    );
    const error = await catchError(parseThryveWebhook(post({}, '{'), { verify: 'none' }));
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('reads a date-only timestamp as a date, not as a number', async () => {
    const event = await parseThryveWebhook(
      post(
        {},
        '{"endUserId":"u","type":"notification.source.connect","data":{"timestamp":"2026-04-01","dataSourceId":1}}',
      ),
      { verify: 'none' },
    );
    expect(event.timestamp.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('refuses a declared oversized body without a stream', async () => {
    const error = await readBody(new Response(null, { headers: { 'content-length': '11' } }), 10).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('Body over 10 bytes.');
    expect(isThryveApiError(error)).toBe(false);
  });
});
