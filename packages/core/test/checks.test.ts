// Each of core's checks at its edges, so that deleting or loosening one fails a test (what mutation
// testing found unpinned). Messages are checked where a developer depends on them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertLocale,
  assertWebDataSource,
  buildConnectUrl,
  buildRevokeUrl,
  createPendingActionStore,
  createProxyFetcher,
  DEFAULT_SESSION_PATH,
  dataSources,
  deriveDataSources,
  fingerprintToken,
  getDataSource,
  isThryveConnectError,
  normalizeOrigins,
  normalizeSessionPayload,
  type PendingActionStorage,
  parseWidgetUrl,
  removeConnectionResultParams,
  ThryveConnectError,
  toConnectionSession,
  toLocale,
} from '../src/index.js';
import { codeOf } from './support/codeOf.js';

const TOKEN = '1060285265X4247109939067552841';
const WIDGET = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}&platform=web&lang=de`;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isThryveConnectError(error)) return error.message;
    throw error;
  }
  return 'no error';
}

describe('URL checks say what is wrong, without the token', () => {
  it('quotes at most 60 characters of what it was given', () => {
    const long = `https://connect.thryve.de/${'x'.repeat(100)} `;
    expect(messageOf(() => parseWidgetUrl(long))).toBe(
      `The widget URL ${JSON.stringify(`${long.slice(0, 60)}…`)} has leading or trailing white space.`,
    );
    expect(messageOf(() => parseWidgetUrl(7))).toBe('The widget URL must be a non-empty string, got number.');
    expect(messageOf(() => parseWidgetUrl(null))).toBe(
      'The widget URL must be a non-empty string, got null.',
    );
    expect(messageOf(() => parseWidgetUrl('  '))).toBe(
      'The widget URL must be a non-empty string, got "  ".',
    );
    expect(messageOf(() => parseWidgetUrl('nope'))).toBe(
      'The widget URL "nope" is not an absolute URL. Pass a full URL such as https://example.com/path.',
    );
  });

  it('names the scheme, the length limit and the credentials rule', () => {
    expect(messageOf(() => parseWidgetUrl('ftp://connect.thryve.de/'))).toBe(
      'The widget URL uses "ftp:"; only https: (and http: on localhost) is accepted.',
    );
    expect(messageOf(() => parseWidgetUrl(`https://connect.thryve.de/?${'a'.repeat(4100)}`))).toBe(
      'The widget URL is 4127 characters long; at most 4096 are accepted.',
    );
    expect(messageOf(() => parseWidgetUrl('https://u:p@connect.thryve.de/'))).toBe(
      'The widget URL must not contain credentials.',
    );
    expect(
      codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 1, redirectUri: 'ftp://x.example/' })),
    ).toBe('invalid_redirect_uri');
  });

  it('redacts the query of an insecure or disallowed URL', () => {
    const insecure = messageOf(() =>
      parseWidgetUrl(`http://evil.example/path?connectionSessionToken=${TOKEN}`),
    );
    expect(insecure).toBe(
      'The widget URL http://evil.example/path?… is plain http:. Use https: (http: is allowed only for localhost, e.g. the sandbox).',
    );
    const bare = messageOf(() => parseWidgetUrl('http://evil.example/path'));
    expect(bare).toContain('http://evil.example/path is plain http:');
    const disallowed = messageOf(() =>
      parseWidgetUrl(`https://evil.example/?connectionSessionToken=${TOKEN}`),
    );
    expect(disallowed).toBe(
      "The widget URL's origin https://evil.example is not on the allow-list it was checked against: https://connect.thryve.de (Thryve's production widget host, the default when no hosts are given). " +
        "Your backend's Thryve client uses other hosts (QA, the sandbox?): give the browser the same ones, <ThryveConnectProvider hosts={{ api, widget, direct }}> (or createThryveConnect({ hosts })), or add the origin to allowedWidgetOrigins if it is a Thryve host you trust.",
    );
    const missing = messageOf(() => parseWidgetUrl('https://connect.thryve.de/?lang=de'));
    expect(missing).toBe(
      'The widget URL https://connect.thryve.de/?… has no connectionSessionToken. Pass the URL exactly as Thryve returned it.',
    );
    for (const message of [insecure, disallowed, missing]) expect(message).not.toContain(TOKEN);
  });

  it('tells a missing token from a malformed one, at the length edges', () => {
    const widget = (token: string) =>
      `https://connect.thryve.de/?connectionSessionToken=${encodeURIComponent(token)}`;
    expect(codeOf(() => parseWidgetUrl(widget(' ')))).toBe('missing_token');
    expect(codeOf(() => parseWidgetUrl(widget('')))).toBe('missing_token');
    expect(codeOf(() => parseWidgetUrl(widget('abc')))).toBe('invalid_token');
    expect(parseWidgetUrl(widget('abcd')).token).toBe('abcd');
    expect(parseWidgetUrl(widget('a'.repeat(256))).token).toBe('a'.repeat(256));
    expect(codeOf(() => parseWidgetUrl(widget('a'.repeat(257))))).toBe('invalid_token');
    expect(codeOf(() => parseWidgetUrl(widget('ab cd')))).toBe('invalid_token');
    expect(messageOf(() => parseWidgetUrl(widget('ab<d')))).toContain('is not a Thryve token');
    expect(codeOf(() => buildConnectUrl({ token: '   ', dataSource: 1 }))).toBe('missing_token');
    expect(codeOf(() => buildConnectUrl({ token: 7 as never, dataSource: 1 }))).toBe('missing_token');
    expect(codeOf(() => buildConnectUrl({ token: 'a b c d', dataSource: 1 }))).toBe('invalid_token');
    expect(messageOf(() => buildConnectUrl({ token: '', dataSource: 1 }))).toBe(
      'The session token must be the connectionSessionToken of a widget URL (see parseWidgetUrl).',
    );
    expect(messageOf(() => buildConnectUrl(null as never))).toBe(
      'Pass an object: { token, dataSource, redirectUri? }.',
    );
  });

  it('normalises allow-list entries to origins and refuses a query or fragment in a direct host', () => {
    expect([...normalizeOrigins(['https://connect.thryve.de/path', 'http://127.0.0.1:4010/'])]).toEqual([
      'https://connect.thryve.de',
      'http://127.0.0.1:4010',
    ]);
    expect(
      messageOf(() =>
        buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct: 'https://x.example/?a' } }),
      ),
    ).toBe('The direct host must not contain a query or fragment.');
  });

  it('joins a direct host with a base path and trailing slashes exactly once', () => {
    expect(
      buildRevokeUrl({ token: TOKEN, dataSource: 2, hosts: { direct: 'https://qa.example/base//' } }),
    ).toBe(`https://qa.example/base/dataSourceDirectRevoke.html?token=${TOKEN}&dataSource=2&direct=true`);
    expect(buildConnectUrl({ token: TOKEN, dataSource: 2 })).toBe(
      `https://service2.und-gesund.de/dataSourceDirectConnection.html?token=${TOKEN}&dataSource=2`,
    );
  });

  it('reads the widget language, ignoring one Thryve does not offer', () => {
    expect(parseWidgetUrl(WIDGET)).toEqual({
      url: WIDGET,
      origin: 'https://connect.thryve.de',
      token: TOKEN,
      locale: 'de',
    });
    expect(parseWidgetUrl(`${WIDGET.replace('lang=de', 'lang=DE-at')}`).locale).toBe('de');
    expect(parseWidgetUrl(`${WIDGET.replace('lang=de', 'lang=xx')}`).locale).toBeUndefined();
  });
});

describe('data sources', () => {
  it('names native sources and invalid ids in their refusals', () => {
    expect(messageOf(() => assertWebDataSource(5))).toBe(
      "Apple Health (5) connects only through Thryve's mobile SDKs, not from a web page.",
    );
    expect(messageOf(() => assertWebDataSource('x'))).toBe(
      'The data source must be a positive integer id (e.g. 1 for Fitbit), got "x".',
    );
    expect(assertWebDataSource(99)).toBe(99);
    const custom = [{ id: 99, name: 'Ring', kind: 'native' as const, known: true }];
    expect(codeOf(() => assertWebDataSource(99, custom))).toBe('native_data_source');
    expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 99, catalogue: custom }))).toBe(
      'native_data_source',
    );
  });

  it('is frozen, in id order, web by default, and known', () => {
    expect(Object.isFrozen(dataSources)).toBe(true);
    expect(Object.isFrozen(dataSources[0])).toBe(true);
    expect(dataSources.map((source) => source.id)).toEqual(
      [...dataSources.map((source) => source.id)].sort((a, b) => a - b),
    );
    expect(getDataSource(1)).toEqual({ id: 1, name: 'Fitbit', kind: 'web', known: true });
    expect(getDataSource(44)).toMatchObject({ kind: 'native', known: true });
    expect(getDataSource(99)).toEqual({ id: 99, name: 'Data source 99', kind: 'web', known: false });
    expect(getDataSource(1, [])).toMatchObject({ known: false });
  });

  it('derives with kinds, include, exclude, order and overrides', () => {
    expect(deriveDataSources({ kinds: ['native'] }).map((source) => source.id)).toEqual([5, 6, 44, 47]);
    expect(deriveDataSources({ kinds: ['web', 'native'] })).toHaveLength(dataSources.length);
    expect(deriveDataSources({ include: [1, 1, 5] }).map((source) => source.id)).toEqual([1]);
    expect(deriveDataSources({ include: [1, 2], exclude: [1] }).map((source) => source.id)).toEqual([2]);
    expect(deriveDataSources({ include: [1, 2, 3], order: [3, 3, 1] }).map((source) => source.id)).toEqual([
      3, 1, 2,
    ]);
    expect(deriveDataSources({ include: [3, 2, 1], order: [] }).map((source) => source.id)).toEqual([
      3, 2, 1,
    ]);
    expect(deriveDataSources({ overrides: { 5: { kind: 'web' } } }).some((source) => source.id === 5)).toBe(
      true,
    );
    expect(deriveDataSources({ catalogue: [], overrides: { 9: {} } })).toEqual([
      { id: 9, name: 'Data source 9', kind: 'web', known: false },
    ]);
    expect(deriveDataSources({ include: [70] })[0]).toEqual({
      id: 70,
      name: 'Data source 70',
      kind: 'web',
      known: false,
    });
    expect(deriveDataSources({ overrides: { 1: { id: 5, name: 'Fit' } as never } })[0]).toMatchObject({
      id: 1,
      name: 'Fit',
    });
  });
});

describe('locales', () => {
  it('reads a language tag down to one of Thryve’s languages', () => {
    expect(toLocale(' DE_at ')).toBe('de');
    expect(toLocale('pt-BR')).toBe('pt');
    expect(toLocale('xx-DE')).toBeUndefined();
    expect(toLocale(undefined)).toBeUndefined();
    expect(toLocale(7 as never)).toBeUndefined();
  });

  it('names the accepted codes when refusing one', () => {
    expect(assertLocale('fr')).toBe('fr');
    expect(messageOf(() => assertLocale('xx'))).toMatch(
      /^Unknown locale "xx": use one of ar, bg, cs, en, .*, uk\.$/,
    );
  });
});

describe('sessions', () => {
  it('reads a proxy payload and Thryve’s raw answer, and nothing else', () => {
    expect(normalizeSessionPayload({ url: WIDGET })).toEqual({ url: WIDGET });
    expect(normalizeSessionPayload({ url: WIDGET, expiresAt: null })).toEqual({ url: WIDGET });
    expect(normalizeSessionPayload({ url: WIDGET, expiresAt: 5 })).toEqual({ url: WIDGET, expiresAt: 5 });
    expect(normalizeSessionPayload({ type: 'enduser.widget.connection', data: { url: WIDGET } })).toEqual({
      url: WIDGET,
    });
    for (const raw of [
      { type: 'other', data: { url: WIDGET } },
      { type: 'enduser.widget.connection', data: null },
      { type: 'enduser.widget.connection', data: { url: 7 } },
      { type: 'enduser.widget.connection' },
      null,
    ]) {
      expect(
        codeOf(() => normalizeSessionPayload(raw)),
        JSON.stringify(raw),
      ).toBe('invalid_response');
    }
    expect(messageOf(() => normalizeSessionPayload({ link: 'x' }))).toBe(
      'The session response has no widget URL (got "{\\"link\\":\\"x\\"}"). Answer { "url": "…" } or Thryve\'s { "type": "enduser.widget.connection", "data": { "url": "…" } }.',
    );
    expect(messageOf(() => normalizeSessionPayload('x'))).toContain('(got "x")');
    expect(messageOf(() => normalizeSessionPayload({ url: WIDGET, expiresAt: true }))).toBe(
      'The session\'s "expiresAt" must be epoch milliseconds or an ISO date.',
    );
  });

  it('takes the URL’s language first, then the asked one, then English', () => {
    const noLang = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}`;
    expect(toConnectionSession({ url: WIDGET }, { locale: 'fr', now: 5 })).toMatchObject({
      locale: 'de',
      fetchedAt: 5,
    });
    expect(toConnectionSession({ url: noLang }, { locale: 'fr' }).locale).toBe('fr');
    expect(toConnectionSession({ url: noLang }).locale).toBe('en');
    const before = Date.now();
    expect(toConnectionSession({ url: noLang }).fetchedAt).toBeGreaterThanOrEqual(before);
    expect(toConnectionSession({ url: noLang, expiresAt: '2030-01-01T00:00:00Z' }).expiresAt).toBe(
      Date.parse('2030-01-01T00:00:00Z'),
    );
    expect(messageOf(() => toConnectionSession({ url: noLang, expiresAt: 'later' }))).toBe(
      'The session\'s expiresAt "later" is not a date.',
    );
    expect(
      codeOf(() =>
        toConnectionSession(
          { url: 'http://127.0.0.1:4010/?connectionSessionToken=abcd' },
          { allowedOrigins: ['http://127.0.0.1:4010'] },
        ),
      ),
    ).toBe('no error');
  });
});

describe('the pending-action store', () => {
  function memory(): PendingActionStorage & { map: Map<string, string> } {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
  }

  it('uses its key, a fingerprint, the given or current time, and hands the action out once', () => {
    const storage = memory();
    const store = createPendingActionStore({ storage, key: 'k', now: () => 1_000 });
    const saved = store.save({ userKey: 'user-a', action: 'revoke', dataSource: 8, token: TOKEN });
    expect(saved).toEqual({
      owner: fingerprintToken('user-a'),
      action: 'revoke',
      dataSource: 8,
      tokenFingerprint: fingerprintToken(TOKEN),
      startedAt: 1_000,
    });
    expect(JSON.parse(storage.map.get('k') ?? '')).toEqual(saved);
    expect(
      store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN, startedAt: 900 })
        .startedAt,
    ).toBe(900);
    expect(store.peek('user-a')).toMatchObject({ action: 'connect', startedAt: 900 });
    expect(store.peek('user-a')).not.toBeNull();
    expect(store.take('user-a')).toMatchObject({ action: 'connect' });
    expect(store.take('user-a')).toBeNull();
    expect(storage.map.has('k')).toBe(false);
    store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    store.clear();
    expect(store.peek('user-a')).toBeNull();
  });

  it('drops an entry older than maxAgeMs at the boundary, and one that is not a pending action', () => {
    const storage = memory();
    let now = 0;
    const store = createPendingActionStore({ storage, maxAgeMs: 100, now: () => now });
    store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN, startedAt: 0 });
    now = 100;
    expect(store.peek('user-a')).not.toBeNull();
    now = 101;
    expect(store.peek('user-a')).toBeNull();
    expect(storage.map.size).toBe(0);
    const key = 'thryve-connect:pending-action';
    const valid = {
      owner: fingerprintToken('user-a'),
      action: 'connect',
      dataSource: 1,
      tokenFingerprint: 'f',
      startedAt: 0,
    };
    now = 0;
    for (const entry of [
      { ...valid, action: 'delete' },
      { ...valid, dataSource: 0 },
      { ...valid, tokenFingerprint: 7 },
      { ...valid, startedAt: '0' },
      { ...valid, startedAt: Number.POSITIVE_INFINITY },
      { ...valid, owner: fingerprintToken('user-b') },
      null,
      7,
    ]) {
      storage.map.set(key, JSON.stringify(entry));
      expect(store.peek('user-a'), JSON.stringify(entry)).toBeNull();
      expect(storage.map.has(key)).toBe(false);
    }
    storage.map.set(key, JSON.stringify(valid));
    expect(store.peek('user-a')).toEqual(valid);
    storage.map.set(key, JSON.stringify({ ...valid, action: 'revoke' }));
    expect(store.peek('user-a')?.action).toBe('revoke');
  });

  it('uses sessionStorage when it works, memory when it throws, and survives a throwing read', () => {
    const items = new Map<string, string>();
    const session: PendingActionStorage = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    };
    const original = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    try {
      Object.defineProperty(globalThis, 'sessionStorage', { value: session, configurable: true });
      createPendingActionStore().save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
      expect([...items.keys()]).toEqual(['thryve-connect:pending-action']);
      Object.defineProperty(globalThis, 'sessionStorage', {
        configurable: true,
        get() {
          throw new Error('SecurityError');
        },
      });
      const fallback = createPendingActionStore();
      fallback.save({ userKey: 'user-a', action: 'connect', dataSource: 2, token: TOKEN });
      expect(fallback.peek('user-a')?.dataSource).toBe(2);
    } finally {
      if (original) Object.defineProperty(globalThis, 'sessionStorage', original);
      else delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
    const broken = createPendingActionStore({
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => undefined,
        removeItem: () => {
          throw new Error('denied');
        },
      },
    });
    expect(broken.peek('user-a')).toBeNull();
    expect(() => broken.clear()).not.toThrow();
  });

  it('fingerprints tokens stably, differently per token and without the token', () => {
    expect(fingerprintToken(TOKEN)).toBe(fingerprintToken(TOKEN));
    // Stored fingerprints must stay readable across releases: the function is pinned to its values.
    expect([fingerprintToken(''), fingerprintToken(TOKEN), fingerprintToken('ab')]).toEqual([
      'ztntfp9zloz',
      '1hutra2kqjpdq',
      'lekqmi14y1ufz',
    ]);
    expect(fingerprintToken('a')).not.toBe(fingerprintToken('b'));
    expect(fingerprintToken('ab')).not.toBe(fingerprintToken('ba'));
    expect(fingerprintToken(TOKEN)).not.toContain(TOKEN.slice(0, 6));
  });

  it('removes only the result parameters, and leaves an unparsable address alone', () => {
    expect(
      removeConnectionResultParams('https://app.example/x?tab=2&token=t&dataSource=1&connected=true#h'),
    ).toBe('https://app.example/x?tab=2#h');
    expect(removeConnectionResultParams('/relative?connected=true')).toBe('/relative?connected=true');
  });
});

describe('createProxyFetcher', () => {
  let server: Server;
  let base = '';
  const seen: Array<{ url?: string; method?: string; headers: IncomingMessage['headers']; body: string }> =
    [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ url: req.url, method: req.method, headers: req.headers, body });
        if (req.url?.startsWith('/empty')) {
          res.statusCode = 204;
          return void res.end();
        }
        if (req.url?.includes('connections')) {
          res.setHeader('content-type', 'application/json');
          return void res.end(
            req.url.includes('bad') ? '{"list":[]}' : '{"connectedSources":[null,{"dataSource":2}]}',
          );
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ url: WIDGET }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('defaults to /api/thryve/session with its sibling routes', () => {
    expect(DEFAULT_SESSION_PATH).toBe('/api/thryve/session');
    const fetcher = createProxyFetcher();
    expect(typeof fetcher.getConnections).toBe('function');
    expect(typeof fetcher.revoke).toBe('function');
    const custom = createProxyFetcher('/thryve/new-session');
    expect(custom.getConnections).toBeUndefined();
    expect(custom.revoke).toBeUndefined();
    expect(createProxyFetcher({ url: '/x/session/', connectionsUrl: false }).getConnections).toBeUndefined();
  });

  it('sends JSON with the caller’s headers, same-origin credentials and no cache', async () => {
    const fetcher = createProxyFetcher({
      url: `${base}/a/session/`,
      init: { headers: { 'x-csrf': 't', accept: 'text/html' } },
      fetch: async (input, init) => {
        expect(init?.credentials).toBe('same-origin');
        expect(init?.cache).toBe('no-store');
        return fetch(input, init);
      },
    });
    await fetcher({ locale: 'en' });
    expect(seen.at(-1)).toMatchObject({ url: '/a/session/', method: 'POST', body: '{"locale":"en"}' });
    expect(seen.at(-1)?.headers).toMatchObject({
      'x-csrf': 't',
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(await fetcher.getConnections?.({})).toEqual([{ dataSource: 2, connectedAt: null }]);
    expect(seen.at(-1)).toMatchObject({ url: '/a/connections', method: 'GET', body: '' });
    expect(seen.at(-1)?.headers['content-type']).toBeUndefined();
  });

  it('uses explicit routes, lets the caller’s init set credentials, and reads an empty 204', async () => {
    const fetcher = createProxyFetcher({
      url: `${base}/s`,
      connectionsUrl: `${base}/connections-bad`,
      revokeUrl: `${base}/empty-revoke`,
      init: { credentials: 'include' },
      fetch: async (input, init) => {
        expect(init?.credentials).toBe('include');
        return fetch(input, init);
      },
    });
    await expect(fetcher.revoke?.({ dataSource: 1 })).resolves.toBeUndefined();
    const error = await fetcher.getConnections?.({}).catch((e: unknown) => e);
    expect(isThryveConnectError(error, 'invalid_response')).toBe(true);
    expect((error as Error).message).toBe(
      `${base}/connections-bad did not answer { "connectedSources": [...] }.`,
    );
  });

  it('says which URL failed and how', async () => {
    const refused = await createProxyFetcher({
      url: 'http://127.0.0.1:9/api/thryve/session',
    })({ locale: 'en' }).catch((e: unknown) => e as ThryveConnectError);
    expect((refused as ThryveConnectError).message).toBe(
      'Could not reach http://127.0.0.1:9/api/thryve/session: check that the backend proxy is running and reachable.',
    );
    expect((refused as ThryveConnectError).cause).toBeDefined();
    const controller = new AbortController();
    controller.abort();
    const aborted = await createProxyFetcher(`${base}/api/thryve/session`)({
      locale: 'en',
      signal: controller.signal,
    }).catch((e: unknown) => e as ThryveConnectError);
    expect([(aborted as ThryveConnectError).code, (aborted as ThryveConnectError).message]).toEqual([
      'aborted',
      `The request to ${base}/api/thryve/session was aborted.`,
    ]);
    const status = await createProxyFetcher({
      url: `${base}/x`,
      fetch: async () => new Response('{"error":{"message":"Sign in."}}', { status: 401 }),
    })({ locale: 'en' }).catch((e: unknown) => e as ThryveConnectError);
    expect((status as ThryveConnectError).message).toBe(`${base}/x answered HTTP 401: Sign in..`);
    const bare = await createProxyFetcher({
      url: `${base}/x`,
      fetch: async () => new Response('', { status: 500 }),
    })({
      locale: 'en',
    }).catch((e: unknown) => e as ThryveConnectError);
    expect((bare as ThryveConnectError).message).toBe(`${base}/x answered HTTP 500.`);
    const html = await createProxyFetcher({ url: `${base}/x`, fetch: async () => new Response('<html>') })({
      locale: 'en',
    }).catch((e: unknown) => e as ThryveConnectError);
    expect([(html as ThryveConnectError).code, (html as ThryveConnectError).message]).toEqual([
      'invalid_response',
      `${base}/x did not answer JSON. Is the route the thryve-connect backend proxy?`,
    ]);
    expect((html as ThryveConnectError).status).toBe(200);
  });

  it('reports a body cut by an abort as aborted, not as a bad answer', async () => {
    const controller = new AbortController();
    const error = await createProxyFetcher({
      url: `${base}/x`,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(stream) {
              stream.enqueue(new TextEncoder().encode('{"url":'));
              controller.abort();
              stream.error(new DOMException('aborted', 'AbortError'));
            },
          }),
        ),
    })({ locale: 'en', signal: controller.signal }).catch((e: unknown) => e as ThryveConnectError);
    expect((error as ThryveConnectError).code).toBe('aborted');
  });

  it('makes errors whose message is the code when no explanation is given', () => {
    expect(new ThryveConnectError('popup_blocked', '').message).toBe('popup_blocked');
    expect(new ThryveConnectError('popup_blocked', 'Allow popups.').message).toBe('Allow popups.');
    expect('cause' in new ThryveConnectError('popup_blocked', '')).toBe(false);
    expect(new ThryveConnectError('timeout', '', { status: 504 }).status).toBe(504);
    expect(isThryveConnectError(new Error('x'))).toBe(false);
  });
});
