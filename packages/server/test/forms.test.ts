// The form routes: connect and disconnect before JavaScript. Each test is named by what it protects;
// the hostile ones by the attack they stop. Thryve is the sandbox; its return is the URL Thryve would
// send the browser to, built from the token of the connect URL the proxy answered with.
import { buildConnectUrl } from '@thryve-connect/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createThryveConnectHandler,
  MAX_BODY_BYTES,
  type ThryveConnectHandlerOptions,
  type ThryveEndUser,
} from '../src/index.js';
import { clientFor, useSandboxAndServers } from './support/harness.js';

const env = useSandboxAndServers();
const SECRET = 'forms-secret-forms-secret-forms-secret-0123';
const APP = 'http://app.test';
const upstreamCount = () => env.sandbox.state.requests.length;

/** A handler whose signed-in user is the `session` cookie's alias, with getEndUser as a spy. */
function proxy(options: Partial<ThryveConnectHandlerOptions> = {}) {
  const getEndUser = vi.fn((request: Request): ThryveEndUser | null => {
    const match = /(?:^|;\s*)session=([A-Za-z0-9-]+)/.exec(request.headers.get('cookie') ?? '');
    return match?.[1] ? { alias: match[1] } : null;
  });
  const handler = createThryveConnectHandler({
    client: clientFor(env.sandbox),
    getEndUser,
    forms: { secret: SECRET },
    ...options,
  });
  return { handler, getEndUser };
}

/** A browser's cookie jar, enough for these routes: Set-Cookie in, Cookie out. */
class Jar {
  readonly cookies = new Map<string, string>();
  constructor(user?: string) {
    if (user) this.cookies.set('session', user);
  }
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/Max-Age=0\b/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return response;
  }
  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A form post as a browser on the app's own pages sends it. */
function formPost(
  path: string,
  fields: Record<string, string>,
  jar: Jar,
  headers: Record<string, string> = {},
) {
  return new Request(`${APP}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: APP,
      'sec-fetch-site': 'same-origin',
      cookie: jar.header,
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Thryve's redirect back to the return route, as the browser follows it (a cross-site navigation). */
function thryveReturn(
  connectUrl: string,
  connected: boolean,
  jar: Jar,
  returnUrl = `${APP}/api/thryve/return`,
) {
  const sent = new URL(connectUrl);
  const back = new URL(sent.searchParams.get('redirect_uri') ?? returnUrl);
  back.searchParams.set('token', sent.searchParams.get('token') ?? '');
  back.searchParams.set('dataSource', sent.searchParams.get('dataSource') ?? '');
  back.searchParams.set('connected', String(connected));
  return new Request(back, { headers: { cookie: jar.header, 'sec-fetch-site': 'cross-site' } });
}

async function connect(handler: (request: Request) => Promise<Response>, jar: Jar, dataSource = '1') {
  const response = jar.take(
    await handler(formPost('/api/thryve/connect', { dataSource, returnTo: '/devices' }, jar)),
  );
  expect(response.status).toBe(303);
  return response.headers.get('location') ?? '';
}

afterEach(() => vi.useRealTimers());

describe('given a form post to connect', () => {
  it("answers 303 to Thryve in exactly the format of core's buildConnectUrl, with the return route as redirect_uri", async () => {
    const { handler } = proxy();
    const location = await connect(handler, new Jar('form-user-1'));
    const token = new URL(location).searchParams.get('token') ?? '';
    expect(location).toBe(
      buildConnectUrl({
        token,
        dataSource: 1,
        redirectUri: `${APP}/api/thryve/return`,
        hosts: env.sandbox.hosts,
      }),
    );
  });

  it('binds the click with an HttpOnly, SameSite=Lax cookie that lives 30 minutes', async () => {
    const { handler } = proxy();
    const jar = new Jar('form-user-2');
    const response = await handler(
      formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/devices' }, jar),
    );
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^thryve-connect-clicks=[\w-]+\.[\w-]+; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sets Secure cookies named __Host- when secureCookies is set (TLS terminated in front)', async () => {
    const { handler } = proxy({ forms: { secret: SECRET, secureCookies: true } });
    const jar = new Jar('form-user-3');
    const response = await handler(
      formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/devices' }, jar),
    );
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^__Host-thryve-connect-clicks=.*; Path=\/;.*; Secure$/,
    );
  });

  it('names its cookies the same on every route behind TLS termination (the page https, the handler http)', async () => {
    const { handler } = proxy();
    const jar = new Jar('tls-user');
    const https = { origin: 'https://app.test', 'sec-fetch-site': 'same-origin' };
    const post = (route: string) =>
      handler(formPost(`/api/thryve/${route}`, { dataSource: '1', returnTo: '/d' }, jar, https));
    const connected = jar.take(await post('connect'));
    expect(new URL(connected.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe(
      'https://app.test/api/thryve/return',
    );
    // Thryve sends the browser to https; the handler behind the terminating proxy sees http.
    const behindProxy = (request: Request) =>
      new Request(request.url.replace('https:', 'http:'), { headers: request.headers });
    jar.take(await handler(behindProxy(thryveReturn(connected.headers.get('location') ?? '', true, jar))));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'connected' });
    const revoked = jar.take(await post('revoke'));
    expect(revoked.status).toBe(303);
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'revoked' });
    const again = jar.take(await post('connect'));
    jar.take(await handler(behindProxy(thryveReturn(again.headers.get('location') ?? '', true, jar))));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'connected' });
    expect([...jar.cookies.keys()].filter((name) => name.startsWith('__Host-'))).toEqual([]);
  });

  it('sets Secure __Host- cookies by itself when it sees https', async () => {
    const { handler } = proxy();
    const jar = new Jar('https-user');
    const response = await handler(
      new Request('https://app.test/api/thryve/connect', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://app.test',
          cookie: jar.header,
        },
        body: 'dataSource=1&returnTo=%2Fd',
      }),
    );
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-thryve-connect-clicks=.*; Secure$/);
  });

  it('sends Thryve the configured return address, the one on its allow-list', async () => {
    const returnUrl = 'https://app.example.com/api/thryve/return';
    const { handler } = proxy({ forms: { secret: SECRET, returnUrl } });
    const location = await connect(handler, new Jar('form-user-4'));
    expect(new URL(location).searchParams.get('redirect_uri')).toBe(returnUrl);
  });

  it('answers a JSON caller with { url } and the same cookie, not a redirect', async () => {
    const { handler } = proxy();
    const jar = new Jar('form-user-5');
    const response = jar.take(
      await handler(
        new Request(`${APP}/api/thryve/connect`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP, cookie: jar.header },
          body: JSON.stringify({ dataSource: 1, returnTo: '/devices' }),
        }),
      ),
    );
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toContain('dataSourceDirectConnection.html?token=');
    const back = jar.take(await handler(thryveReturn(url, true, jar)));
    expect(back.headers.get('location')).toBe('/devices');
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'connected',
      action: 'connect',
      dataSource: 1,
    });
  });

  it('takes the page from Referer when the form does not say', async () => {
    const { handler } = proxy();
    const jar = new Jar('form-user-6');
    const response = jar.take(
      await handler(
        formPost('/api/thryve/connect', { dataSource: '1' }, jar, { referer: `${APP}/settings?tab=2` }),
      ),
    );
    const back = await handler(thryveReturn(response.headers.get('location') ?? '', true, jar));
    expect(back.headers.get('location')).toBe(`${APP}/settings?tab=2`);
  });
});

describe('given Thryve sends the user back', () => {
  it('goes on to the page with a clean address, the result read once on the server', async () => {
    const { handler } = proxy();
    const jar = new Jar('return-user-1');
    const location = await connect(handler, jar);
    const back = jar.take(await handler(thryveReturn(location, true, jar)));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/devices');
    expect(back.headers.get('referrer-policy')).toBe('no-referrer');
    expect(jar.cookies.has('thryve-connect-clicks')).toBe(false);
    const user = { alias: 'return-user-1' };
    expect(await handler.readResult(jar.header, user)).toEqual({
      status: 'connected',
      action: 'connect',
      dataSource: 1,
    });
    expect(await handler.readResult(jar.header, user)).toEqual({ status: 'none' });
  });

  it('reads a denied consent as a failed connect', async () => {
    const { handler } = proxy();
    const jar = new Jar('return-user-2');
    const location = await connect(handler, jar);
    jar.take(await handler(thryveReturn(location, false, jar)));
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'failed',
      action: 'connect',
      dataSource: 1,
    });
  });

  it("keeps two tabs' clicks apart: each return finds its own", async () => {
    const { handler } = proxy();
    const jar = new Jar('return-user-3');
    const first = await connect(handler, jar, '1');
    const second = await connect(handler, jar, '2');
    jar.take(await handler(thryveReturn(second, true, jar)));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'connected', dataSource: 2 });
    jar.take(await handler(thryveReturn(first, true, jar)));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'connected', dataSource: 1 });
  });

  it("reads the cookie from Next.js's cookies(), a Request and Headers alike", async () => {
    const { handler } = proxy();
    const jar = new Jar('return-user-4');
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    const value = jar.cookies.get('thryve-connect-result') ?? '';
    const nextCookies = {
      get: (name: string) => (name === 'thryve-connect-result' ? { name, value } : undefined),
    };
    expect(await handler.readResult(nextCookies)).toMatchObject({ status: 'connected' });
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    expect(await handler.readResult(new Request(APP, { headers: { cookie: jar.header } }))).toMatchObject({
      status: 'connected',
    });
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    expect(await handler.readResult(new Headers({ cookie: jar.header }))).toMatchObject({
      status: 'connected',
    });
  });

  it('answers HEAD like GET, without a body', async () => {
    const { handler } = proxy();
    const jar = new Jar('return-user-5');
    const location = await connect(handler, jar);
    const request = thryveReturn(location, true, jar);
    const response = await handler(new Request(request.url, { method: 'HEAD', headers: request.headers }));
    expect([response.status, response.headers.get('location'), await response.text()]).toEqual([
      303,
      '/devices',
      '',
    ]);
  });

  it('tells "none" to a page whose result came back in the address (a click after hydration)', async () => {
    const { handler } = proxy();
    expect(await handler.readResult('session=x', { alias: 'x' })).toEqual({ status: 'none' });
    expect(await handler.readResult(undefined)).toEqual({ status: 'none' });
  });
});

describe('given a forged or stale return', () => {
  it('reads a replayed return as unmatched, even with the cookie it first came with', async () => {
    const { handler } = proxy();
    const jar = new Jar('replay-user');
    const location = await connect(handler, jar);
    const replay = thryveReturn(location, true, jar);
    jar.take(await handler(thryveReturn(location, true, jar)));
    await handler.readResult(jar.header);
    jar.take(await handler(replay));
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'unmatched',
      reason: 'no_pending_action',
      dataSource: 1,
    });
  });

  it('reads a tampered clicks cookie as unmatched', async () => {
    const { handler } = proxy();
    const jar = new Jar('tamper-user');
    const location = await connect(handler, jar);
    const value = jar.cookies.get('thryve-connect-clicks') ?? '';
    const payload = JSON.parse(Buffer.from(value.split('.')[0] ?? '', 'base64url').toString()) as {
      startedAt: number;
    }[];
    payload[0] = { ...payload[0], startedAt: (payload[0]?.startedAt ?? 0) - 1_000 } as { startedAt: number };
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${value.split('.')[1]}`;
    jar.cookies.set('thryve-connect-clicks', forged);
    const back = jar.take(await handler(thryveReturn(location, true, jar)));
    expect(back.headers.get('location')).toBe('/');
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'unmatched' });
  });

  it('reads a cookie signed with another secret as unmatched', async () => {
    const jar = new Jar('secret-user');
    const location = await connect(proxy({ forms: { secret: `${SECRET}-other` } }).handler, jar);
    const { handler } = proxy();
    jar.take(await handler(thryveReturn(location, true, jar)));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'unmatched' });
  });

  it('reads a tampered result cookie as unmatched', async () => {
    const { handler } = proxy();
    const jar = new Jar('tamper-flash');
    jar.take(await handler(thryveReturn(await connect(handler, jar), false, jar)));
    const [payload = '', signature = ''] = (jar.cookies.get('thryve-connect-result') ?? '').split('.');
    const flash = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { result: unknown };
    flash.result = { status: 'connected', action: 'connect', dataSource: 1 };
    jar.cookies.set(
      'thryve-connect-result',
      `${Buffer.from(JSON.stringify(flash)).toString('base64url')}.${signature}`,
    );
    expect(await handler.readResult(jar.header)).toEqual({ status: 'unmatched', reason: 'malformed' });
  });

  it('reads a return after the click expired (30 minutes) as unmatched', async () => {
    const { handler } = proxy();
    const jar = new Jar('expired-user');
    const location = await connect(handler, jar);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 60_000 });
    jar.take(await handler(thryveReturn(location, true, jar)));
    expect(await handler.readResult(jar.header)).toMatchObject({
      status: 'unmatched',
      reason: 'no_pending_action',
    });
  });

  it('reads an expired result as unmatched', async () => {
    const { handler } = proxy();
    const jar = new Jar('expired-flash');
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * 60_000 });
    expect(await handler.readResult(jar.header)).toEqual({ status: 'unmatched', reason: 'stale' });
  });

  it("reads a return to another user's click as unmatched, and leaves that click", async () => {
    const { handler } = proxy();
    const alice = new Jar('alice');
    const location = await connect(handler, alice);
    const clicks = alice.cookies.get('thryve-connect-clicks') ?? '';
    const mallory = new Jar('mallory');
    mallory.cookies.set('thryve-connect-clicks', clicks);
    const back = mallory.take(await handler(thryveReturn(location, true, mallory)));
    expect(back.headers.getSetCookie()).toHaveLength(1);
    expect(await handler.readResult(mallory.header, { alias: 'mallory' })).toMatchObject({
      status: 'unmatched',
    });
    alice.take(await handler(thryveReturn(location, true, alice)));
    expect(await handler.readResult(alice.header, { alias: 'alice' })).toMatchObject({ status: 'connected' });
  });

  it("reads another user's result as unmatched, and none for nobody signed in", async () => {
    const { handler } = proxy();
    const jar = new Jar('owner');
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    expect(await handler.readResult(jar.header, null)).toEqual({ status: 'none' });
    expect(await handler.readResult(jar.header, { alias: 'someone-else' })).toEqual({
      status: 'unmatched',
      reason: 'no_pending_action',
    });
  });

  it('reads a return with nobody signed in as unmatched', async () => {
    const { handler } = proxy();
    const jar = new Jar('signed-out');
    const location = await connect(handler, jar);
    jar.cookies.delete('session');
    jar.take(await handler(thryveReturn(location, true, jar)));
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'unmatched' });
  });

  it("reads a return without Thryve's parameters as unmatched, and sends the user home", async () => {
    const { handler } = proxy();
    const jar = new Jar('bare-return');
    const back = jar.take(
      await handler(new Request(`${APP}/api/thryve/return`, { headers: { cookie: jar.header } })),
    );
    expect(back.headers.get('location')).toBe('/');
    expect(await handler.readResult(jar.header)).toEqual({ status: 'unmatched', reason: 'malformed' });
  });
});

describe('given a hostile form post', () => {
  it('refuses a cross-site form post with 403 before getEndUser', async () => {
    const { handler, getEndUser } = proxy();
    const jar = new Jar('csrf-victim');
    for (const headers of [
      { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://sub.app.test', 'sec-fetch-site': 'same-site' },
    ]) {
      const response = await handler(
        formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/' }, jar, headers),
      );
      expect(response.status).toBe(403);
      const revoke = await handler(
        formPost('/api/thryve/revoke', { dataSource: '1', returnTo: '/' }, jar, headers),
      );
      expect(revoke.status).toBe(403);
    }
    expect(getEndUser).not.toHaveBeenCalled();
  });

  it('refuses a form post with neither Origin nor Sec-Fetch-Site (fails closed)', async () => {
    const { handler, getEndUser } = proxy();
    const request = new Request(`${APP}/api/thryve/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'session=no-headers' },
      body: 'dataSource=1&returnTo=%2F',
    });
    const response = await handler(request);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(getEndUser).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.test/devices',
    'http://app.test.evil.test/',
    'http://app.test@evil.test/',
    '//evil.test/devices',
    '///evil.test',
    '/.//evil.test',
    '/a/..//evil.test',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    '/devices\r\nSet-Cookie: a=b',
    '/devices\u0000',
    ' /devices',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,hi',
    'devices',
    `/${'a'.repeat(2048)}`,
  ])('refuses the page address %j with 400, before anything else', async (returnTo) => {
    const { handler, getEndUser } = proxy();
    const before = upstreamCount();
    for (const route of ['connect', 'revoke']) {
      const response = await handler(
        formPost(`/api/thryve/${route}`, { dataSource: '1', returnTo }, new Jar('u')),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });

  it('refuses a Referer on another origin as the page address', async () => {
    const { handler } = proxy();
    const response = await handler(
      formPost('/api/thryve/connect', { dataSource: '1' }, new Jar('u'), { referer: 'https://evil.test/' }),
    );
    expect(response.status).toBe(400);
  });

  it('sends the user back to an origin on forms.returnOrigins', async () => {
    const { handler } = proxy({ forms: { secret: SECRET, returnOrigins: ['https://www.app.test'] } });
    const jar = new Jar('listed-origin');
    jar.take(
      await handler(
        formPost('/api/thryve/connect', { dataSource: '1', returnTo: 'https://www.app.test/x' }, jar),
      ),
    );
    const clicks = jar.cookies.get('thryve-connect-clicks');
    expect(clicks).toBeDefined();
  });

  it.each([
    ['text/plain', 'dataSource=1&returnTo=%2F'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="dataSource"\r\n\r\n1\r\n--x--',
    ],
  ])('refuses %s, the other types a cross-site form can send', async (type, body) => {
    const { handler, getEndUser } = proxy();
    for (const route of ['connect', 'revoke']) {
      const response = await handler(
        new Request(`${APP}/api/thryve/${route}`, {
          method: 'POST',
          headers: { 'content-type': type, origin: APP, 'sec-fetch-site': 'same-origin' },
          body,
        }),
      );
      expect(response.status).toBe(400);
    }
    expect(getEndUser).not.toHaveBeenCalled();
  });

  it.each([
    ['a field twice', 'dataSource=1&dataSource=2&returnTo=%2F', 'bad_request'],
    ['an unknown field', 'dataSource=1&returnTo=%2F&endUserId=victim', 'bad_request'],
    ['a native source', 'dataSource=5&returnTo=%2F', 'native_data_source'],
    ['a source the catalogue does not list', 'dataSource=999&returnTo=%2F', 'invalid_data_source'],
    ['no source', 'returnTo=%2F', 'invalid_data_source'],
    ['a body over the limit', `dataSource=1&returnTo=%2F${'a'.repeat(MAX_BODY_BYTES)}`, 'bad_request'],
  ])('refuses a connect form with %s (400), before getEndUser and Thryve', async (_name, body, code) => {
    const { handler, getEndUser } = proxy();
    const before = upstreamCount();
    const response = await handler(
      new Request(`${APP}/api/thryve/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP },
        body,
      }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(getEndUser).not.toHaveBeenCalled();
    expect(upstreamCount()).toBe(before);
  });

  it('answers 404 on the form routes when forms is not configured, and keeps revoke JSON-only', async () => {
    const { handler } = proxy({ forms: undefined });
    const jar = new Jar('no-forms');
    expect(
      (await handler(formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/' }, jar))).status,
    ).toBe(404);
    expect((await handler(new Request(`${APP}/api/thryve/return?token=x`))).status).toBe(404);
    expect(
      (await handler(formPost('/api/thryve/revoke', { dataSource: '1', returnTo: '/' }, jar))).status,
    ).toBe(400);
    expect(await handler.readResult('thryve-connect-result=x.y')).toEqual({ status: 'none' });
  });

  it('refuses a forms secret shorter than 32 characters', () => {
    expect(() => proxy({ forms: { secret: 'short' } })).toThrow(/forms.secret/);
    expect(() => proxy({ forms: { secret: SECRET, returnUrl: '/api/thryve/return' } })).toThrow(/returnUrl/);
  });
});

describe('given a failure after the form was accepted', () => {
  it('comes back to the page with an error flash when nobody is signed in', async () => {
    const { handler } = proxy();
    const jar = new Jar();
    const response = jar.take(
      await handler(formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/d' }, jar)),
    );
    expect([response.status, response.headers.get('location')]).toEqual([303, '/d']);
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'failed',
      action: 'connect',
      dataSource: 1,
      code: 'unauthorized',
    });
  });

  it('comes back with rate_limited over the limit, before any call to Thryve', async () => {
    const { handler } = proxy({ limits: { user: { capacity: 1, refillPerSecond: 0.001 }, app: false } });
    const jar = new Jar('limited-user');
    await connect(handler, jar);
    const before = upstreamCount();
    jar.take(await handler(formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/d' }, jar)));
    expect(upstreamCount()).toBe(before);
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'failed', code: 'rate_limited' });
  });

  it('comes back with timeout when Thryve does not answer within the deadline', async () => {
    const { handler } = proxy({ client: clientFor(env.sandbox, { timeoutMs: 300 }) });
    env.sandbox.inject({ route: 'connection', type: 'hang', times: 1 });
    const jar = new Jar('slow-user');
    const response = jar.take(
      await handler(formPost('/api/thryve/connect', { dataSource: '1', returnTo: '/d' }, jar)),
    );
    expect(response.headers.get('location')).toBe('/d');
    expect(await handler.readResult(jar.header)).toMatchObject({ status: 'failed', code: 'timeout' });
  });

  it('reports a throwing getEndUser and comes back with server_error', async () => {
    const onError = vi.fn();
    const handler = createThryveConnectHandler({
      client: clientFor(env.sandbox),
      getEndUser: () => {
        throw new Error('auth down');
      },
      forms: { secret: SECRET },
      onError,
    });
    const jar = new Jar();
    jar.take(await handler(formPost('/api/thryve/revoke', { dataSource: '1', returnTo: '/d' }, jar)));
    expect(onError).toHaveBeenCalled();
    expect(await handler.readResult(jar.header)).toMatchObject({
      status: 'failed',
      action: 'revoke',
      code: 'server_error',
    });
  });
});

describe('given a form post to disconnect', () => {
  it('revokes and comes back to the page, read as revoked', async () => {
    const { handler } = proxy();
    const jar = new Jar('revoke-user');
    jar.take(await handler(thryveReturn(await connect(handler, jar), true, jar)));
    await handler.readResult(jar.header);
    const response = jar.take(
      await handler(formPost('/api/thryve/revoke', { dataSource: '1', returnTo: '/d' }, jar)),
    );
    expect([response.status, response.headers.get('location')]).toEqual([303, '/d']);
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'revoked',
      action: 'revoke',
      dataSource: 1,
    });
  });

  it('comes back with an error flash, not a JSON page, when the revoke is refused', async () => {
    const { handler } = proxy();
    const jar = new Jar('revoke-unlisted');
    const response = jar.take(
      await handler(formPost('/api/thryve/revoke', { dataSource: '999', returnTo: '/d' }, jar)),
    );
    expect(response.status).toBe(303);
    expect(await handler.readResult(jar.header)).toEqual({
      status: 'failed',
      action: 'revoke',
      dataSource: 999,
      code: 'invalid_data_source',
    });
  });

  it('keeps answering a JSON revoke with JSON', async () => {
    const { handler } = proxy();
    const response = await handler(
      new Request(`${APP}/api/thryve/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP, cookie: 'session=json-revoke' },
        body: '{"dataSource":1}',
      }),
    );
    expect([response.status, await response.json()]).toEqual([200, { revoked: true }]);
  });
});
