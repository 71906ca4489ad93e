// Production builds leave out core's explanations: there an error's message is its code. The build's
// export condition picks `#is-development`; here core is imported once more with the flag off (as a
// production build or a Node without a bundler resolves it), and `process` is removed altogether (a
// browser without a bundler), so every explanation's guard is tested where it decides something.
// Plus the last edges mutation testing found unpinned.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assertLocale,
  buildConnectUrl,
  createPendingActionStore,
  createProxyFetcher,
  DEFAULT_THRYVE_HOSTS,
  deriveDataSources,
  fingerprintToken,
  isThryveConnectError,
  normalizeSessionPayload,
  type PendingAction,
  parseConnectionResult,
  parseWidgetUrl,
  ThryveConnectError,
} from '../src/index.js';

type Core = typeof import('../src/index.js');
const core = (await import('../src/index.js')) as Core;

/**
 * Core as a production build (or a Node or browser without a bundler: `#is-development`'s default
 * condition) resolves it: the same source, with the build's development flag off.
 */
async function productionCore(): Promise<Core> {
  vi.resetModules();
  vi.doMock('#is-development', () => ({ IS_DEVELOPMENT: false }));
  try {
    return (await import('../src/index.js')) as Core;
  } finally {
    vi.doUnmock('#is-development');
  }
}

const TOKEN = '1060285265X4247109939067552841';
const WIDGET = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}`;

/** Every synchronous way core refuses input, with the code it must carry. */
const REFUSALS: Array<[string, (c: Core) => unknown]> = [
  ['invalid_url', (c) => c.parseWidgetUrl('')],
  ['invalid_url', (c) => c.parseWidgetUrl(' https://connect.thryve.de/')],
  ['invalid_url', (c) => c.parseWidgetUrl(`https://connect.thryve.de/?${'a'.repeat(5000)}`)],
  ['invalid_url', (c) => c.parseWidgetUrl('nope')],
  ['insecure_url', (c) => c.parseWidgetUrl('ftp://connect.thryve.de/')],
  ['invalid_url', (c) => c.parseWidgetUrl('https://u:p@connect.thryve.de/')],
  ['insecure_url', (c) => c.parseWidgetUrl('http://evil.example/')],
  ['disallowed_origin', (c) => c.parseWidgetUrl('https://evil.example/')],
  ['missing_token', (c) => c.parseWidgetUrl('https://connect.thryve.de/')],
  ['invalid_token', (c) => c.parseWidgetUrl('https://connect.thryve.de/?connectionSessionToken=a')],
  [
    'invalid_url',
    (c) => c.buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct: 'https://x.example/?q' } }),
  ],
  ['invalid_input', (c) => c.buildConnectUrl(null as never)],
  ['missing_token', (c) => c.buildConnectUrl({ token: '', dataSource: 1 })],
  ['invalid_data_source', (c) => c.assertWebDataSource(0)],
  ['native_data_source', (c) => c.assertWebDataSource(5)],
  ['invalid_locale', (c) => c.assertLocale('xx')],
  ['invalid_response', (c) => c.normalizeSessionPayload(null)],
  ['invalid_response', (c) => c.normalizeSessionPayload({ url: WIDGET, expiresAt: true })],
  ['invalid_response', (c) => c.toConnectionSession({ url: WIDGET, expiresAt: 'later' })],
];

function refusal(run: () => unknown): ThryveConnectError {
  try {
    run();
  } catch (error) {
    // Either build's class: the production module has its own ThryveConnectError.
    if (error instanceof Error && error.name === 'ThryveConnectError') return error as ThryveConnectError;
    throw error;
  }
  throw new Error('no error');
}

let prod: Core;
beforeAll(async () => {
  prod = await productionCore();
});

describe('in production', () => {
  it.each(REFUSALS)('%s: the message is the code', (code, run) => {
    const error = refusal(() => run(prod));
    expect([error.code, error.message]).toEqual([code, code]);
    expect(refusal(() => run(core)).message).not.toBe(code); // the development build explains
  });

  it.each(REFUSALS)('%s: the message is the code where there is no process at all', (code, run) => {
    const saved = globalThis.process;
    let error: unknown;
    try {
      // A browser without a bundler: no `process`; the development flag is a build condition, not it.
      (globalThis as { process?: unknown }).process = undefined;
      try {
        run(prod);
      } catch (caught) {
        error = caught;
      }
    } finally {
      globalThis.process = saved;
    }
    expect(prod.isThryveConnectError(error, code as never)).toBe(true);
    expect((error as Error).message).toBe(code);
  });

  it('the proxy fetcher’s errors carry their code as message too', async () => {
    const fail = (fetch: typeof globalThis.fetch, signal?: AbortSignal) =>
      prod
        .createProxyFetcher({ url: '/s', connectionsUrl: '/c', fetch })({ locale: 'en', signal })
        .catch((e: unknown) => e);
    const refused = (await fail(async () => Promise.reject(new TypeError('fetch failed')))) as InstanceType<
      Core['ThryveConnectError']
    >;
    expect([refused.code, refused.message]).toEqual(['network_error', 'network_error']);
    const controller = new AbortController();
    controller.abort();
    const aborted = (await fail(
      async () => Promise.reject(new DOMException('x', 'AbortError')),
      controller.signal,
    )) as Error;
    expect(aborted.message).toBe('aborted');
    const status = (await fail(
      async () => new Response('{"error":{"message":"no"}}', { status: 500 }),
    )) as Error;
    expect(status.message).toBe('server_error');
    const html = (await fail(async () => new Response('<html>'))) as Error;
    expect(html.message).toBe('invalid_response');
    const list = await prod
      .createProxyFetcher({
        url: '/s',
        connectionsUrl: '/c',
        fetch: async () => new Response('{}'),
      })
      .getConnections?.({})
      .catch((e: unknown) => e);
    expect((list as Error).message).toBe('invalid_response');
  });
});

describe('the last edges', () => {
  it('keeps the fetch failure as the cause of an aborted request, and cuts a long backend message at 300', async () => {
    const cause = new DOMException('x', 'AbortError');
    const controller = new AbortController();
    controller.abort();
    const aborted = (await createProxyFetcher({ url: '/s', fetch: async () => Promise.reject(cause) })({
      locale: 'en',
      signal: controller.signal,
    }).catch((e: unknown) => e)) as ThryveConnectError;
    expect(aborted.cause).toBe(cause);
    const long = 'm'.repeat(400);
    const error = (await createProxyFetcher({
      url: '/s',
      fetch: async () => new Response(JSON.stringify({ error: { message: long } }), { status: 400 }),
    })({ locale: 'en' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`/s answered HTTP 400: ${'m'.repeat(300)}.`);
  });

  it('derives sibling routes only from a URL that ends in /session', () => {
    expect(createProxyFetcher('/a/session/extra').getConnections).toBeUndefined();
    expect(createProxyFetcher('/a/sessions').revoke).toBeUndefined();
  });

  it('asks for JSON on GET too, and refuses a connections answer of null', async () => {
    let accept: string | null = null;
    const fetcher = createProxyFetcher({
      url: '/a/session',
      fetch: async (_input, init) => {
        accept = new Headers(init?.headers).get('accept');
        return new Response('null');
      },
    });
    const error = await fetcher.getConnections?.({}).catch((e: unknown) => e);
    expect(accept).toBe('application/json');
    expect(isThryveConnectError(error, 'invalid_response')).toBe(true);
  });

  it('reads a result with only one of connected and dataSource as malformed, not as none', () => {
    for (const query of ['dataSource=1', 'connected=true']) {
      expect(parseConnectionResult(`https://app.example/?${query}`, null)).toEqual({
        status: 'unmatched',
        reason: 'malformed',
      });
    }
  });

  it('reads a URL of exactly 8192 characters, and answers each outcome in full', () => {
    const now = 1_000_000;
    const pending = (action: 'connect' | 'revoke'): PendingAction => ({
      owner: 'x',
      action,
      dataSource: 1,
      tokenFingerprint: fingerprintToken(TOKEN),
      startedAt: now,
    });
    const query = `token=${TOKEN}&dataSource=1&connected=true`;
    const base = `https://app.example/?${query}&pad=`;
    const url = base + 'x'.repeat(8192 - base.length);
    expect(url).toHaveLength(8192);
    expect(parseConnectionResult(url, pending('connect'), { now })).toEqual({
      status: 'connected',
      action: 'connect',
      dataSource: 1,
    });
    const at = (q: string, action: 'connect' | 'revoke') =>
      parseConnectionResult(`https://app.example/?${q}`, pending(action), { now });
    expect(at(`token=${TOKEN}&dataSource=1&connected=false`, 'connect')).toEqual({
      status: 'failed',
      action: 'connect',
      dataSource: 1,
    });
    expect(at(`token=${TOKEN}&dataSource=1&connected=true`, 'revoke')).toEqual({
      status: 'failed',
      action: 'revoke',
      dataSource: 1,
    });
    expect(at(`token=${TOKEN}&dataSource=1&connected=false`, 'revoke')).toEqual({
      status: 'revoked',
      action: 'revoke',
      dataSource: 1,
    });
    expect(at(`token=${TOKEN}&dataSource=2&connected=true`, 'connect')).toEqual({
      status: 'unmatched',
      reason: 'data_source_mismatch',
      dataSource: 2,
    });
  });

  it('forgets an action taken from the memory fallback', () => {
    const store = createPendingActionStore({
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
        removeItem: () => undefined,
      },
    });
    store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    expect(store.take('user-a')).not.toBeNull();
    expect(store.take('user-a')).toBeNull();
  });

  it('names itself, and omits an absent expiresAt instead of carrying it as undefined', () => {
    expect(new ThryveConnectError('timeout', '').name).toBe('ThryveConnectError');
    expect(Object.keys(normalizeSessionPayload({ url: WIDGET, expiresAt: null }))).toEqual(['url']);
    expect(Object.keys(normalizeSessionPayload({ url: WIDGET }))).toEqual(['url']);
    expect(DEFAULT_THRYVE_HOSTS).toEqual({
      api: 'https://api.thryve.de',
      widget: 'https://connect.thryve.de',
      direct: 'https://service2.und-gesund.de',
    });
  });

  it('quotes exactly 60 characters without an ellipsis, and keeps the parse error as cause', () => {
    const sixty = ` https://connect.thryve.de/${'x'.repeat(33)}`;
    expect(sixty).toHaveLength(60);
    expect(refusal(() => parseWidgetUrl(sixty)).message).toBe(
      `The widget URL ${JSON.stringify(sixty)} has leading or trailing white space.`,
    );
    expect(refusal(() => parseWidgetUrl('nope')).cause).toBeInstanceOf(TypeError);
  });

  it('names the allow-list entry, the redirect URI and a long locale in its messages', () => {
    expect(refusal(() => parseWidgetUrl(WIDGET, { allowedOrigins: ['nope'] })).message).toBe(
      'The allowed widget origin "nope" is not an absolute URL. Pass a full URL such as https://example.com/path.',
    );
    expect(refusal(() => buildConnectUrl({ token: TOKEN, dataSource: 1, redirectUri: 'nope' })).message).toBe(
      'The redirect URI "nope" is not an absolute URL. Pass a full URL such as https://example.com/devices; ' +
        'the components and the flow functions also take a path ("/devices") and resolve it against the page\'s origin when the user clicks.',
    );
    expect(refusal(() => assertLocale('y'.repeat(100))).message).toMatch(
      new RegExp(`^Unknown locale ${JSON.stringify('y'.repeat(100)).slice(0, 40)}: use one of`),
    );
  });

  it('treats every address of 127.0.0.0/8 as loopback', () => {
    for (const origin of ['http://127.0.0.10', 'http://127.0.10.1', 'http://127.10.0.1']) {
      expect(
        parseWidgetUrl(`${origin}/?connectionSessionToken=${TOKEN}`, { allowedOrigins: [origin] }).token,
      ).toBe(TOKEN);
    }
  });

  it('refuses a token that is not a string even when it looks like one', () => {
    expect(refusal(() => buildConnectUrl({ token: 12345678 as never, dataSource: 1 })).code).toBe(
      'missing_token',
    );
  });

  it('tells codes apart in its guard', () => {
    const error = new ThryveConnectError('timeout', '');
    expect(isThryveConnectError(error, 'timeout')).toBe(true);
    expect(isThryveConnectError(error, 'aborted')).toBe(false);
  });

  it('ranks an id by its first place in order', () => {
    expect(deriveDataSources({ include: [1, 2, 3], order: [3, 1, 3] }).map((source) => source.id)).toEqual([
      3, 1, 2,
    ]);
  });

  it('replaces only the last /session of the URL with the sibling route', async () => {
    const seen: string[] = [];
    const fetcher = createProxyFetcher({
      url: '/session/api/session',
      fetch: async (input) => {
        seen.push(String(input));
        return new Response('{"connectedSources":[]}');
      },
    });
    await fetcher.getConnections?.({});
    expect(seen).toEqual(['/session/api/connections']);
  });
});
