// @vitest-environment jsdom
import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ConnectedSource,
  clearThryveConnect,
  connectDataSource,
  connectionsQueryKey,
  continueConnectInThisWindow,
  createPendingActionStore,
  createThryveConnect,
  DEFAULT_THRYVE_HOSTS,
  getDataSourceFlow,
  MAX_RATE_LIMIT_WAIT_MS,
  readConnectionResult,
  resetDataSourceFlow,
  retryDelay,
  revokeDataSource,
  SESSION_EXPIRY_MARGIN_MS,
  sessionExpiry,
  sessionQueryKey,
  shouldRetry,
  subscribeDataSourceFlows,
  ThryveConnectError,
  type ThryveFetcher,
  toThryveConnectError,
} from '../src/index.js';
import { backend, observe, signedOutUser, stubAssign, tokenOf, widgetUrl } from './support/controllerKit.js';

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createThryveConnect', () => {
  it('refuses to start without a fetcher, with a typed error', () => {
    expect(() => createThryveConnect({} as never)).toThrow(ThryveConnectError);
    try {
      createThryveConnect({ fetcher: undefined as never });
    } catch (error) {
      expect((error as ThryveConnectError).code).toBe('invalid_input');
    }
  });

  it("fills in Thryve's hosts where none is given, and never with undefined", () => {
    const thryve = createThryveConnect({
      fetcher: backend().fetcher,
      hosts: { widget: 'http://127.0.0.1:4010' },
    });
    expect(thryve.hosts).toEqual({ ...DEFAULT_THRYVE_HOSTS, widget: 'http://127.0.0.1:4010' });
    expect(thryve.allowedWidgetOrigins).toEqual(['http://127.0.0.1:4010']);
    const partial = createThryveConnect({ fetcher: backend().fetcher, hosts: { api: undefined } });
    expect(partial.hosts).toEqual(DEFAULT_THRYVE_HOSTS);
  });

  it('keys every session by its user, and asks the backend once for concurrent callers', async () => {
    const { fetcher, calls } = backend();
    const thryve = createThryveConnect({ fetcher });
    expect(thryve.forUser('user-a').sessionOptions('de').queryKey).toEqual(sessionQueryKey('user-a', 'de'));
    const [first, second] = await Promise.all([
      thryve.forUser('user-a').ensureSession('en'),
      thryve.forUser('user-a').ensureSession('en'),
    ]);
    expect(first).toBe(second);
    expect(calls).toHaveLength(1);
    await thryve.forUser('user-b').ensureSession('en');
    expect(calls).toHaveLength(2);
    expect(thryve.forUser('user-a').getSession('en')).toMatchObject({ status: 'ready', session: first });
  });

  it('joins a request already in flight when asked to refresh, instead of cancelling it for another', async () => {
    let release: (value: { url: string }) => void = () => {};
    const calls: unknown[] = [];
    const fetcher: ThryveFetcher = (request) => {
      calls.push(request);
      return new Promise((resolve) => {
        release = resolve;
      });
    };
    const thryve = createThryveConnect({ fetcher });
    const pending = thryve.forUser('user-a').ensureSession('en');
    void thryve.forUser('user-a').refreshSession('en');
    void thryve.forUser('user-a').refreshSession('en');
    release({ url: widgetUrl() });
    await pending;
    expect(calls).toHaveLength(1);
  });

  it('turns a session unusable on arrival into session_expired, which is retried a bounded number of times', async () => {
    const { fetcher } = backend(() => ({
      url: widgetUrl(),
      expiresAt: Date.now() + 3 * SESSION_EXPIRY_MARGIN_MS - 1,
    }));
    const thryve = createThryveConnect({ fetcher });
    await expect(
      thryve.queryClient.fetchQuery({
        ...thryve.forUser('user-a').sessionOptions('en'),
        retry: false,
      } as never),
    ).rejects.toMatchObject({ code: 'session_expired' });
    const usable = createThryveConnect({
      fetcher: backend(() => ({
        url: widgetUrl(),
        expiresAt: Date.now() + 3 * SESSION_EXPIRY_MARGIN_MS + 50,
      })).fetcher,
    });
    await expect(usable.forUser('user-a').ensureSession('en')).resolves.toMatchObject({ locale: 'en' });
  });

  it('refuses a widget URL on a foreign origin before anything can show it', async () => {
    const thryve = createThryveConnect({
      fetcher: backend(() => ({ url: 'https://evil.example/?connectionSessionToken=1060285265X42' })).fetcher,
    });
    await expect(thryve.forUser('user-a').ensureSession('en')).rejects.toMatchObject({
      code: 'disallowed_origin',
    });
  });
});

describe('given a change of user', () => {
  it("removes every other user's entries, aborts their requests and tells its listeners", async () => {
    const signals: AbortSignal[] = [];
    const fetcher: ThryveFetcher = (request) => {
      if (request.signal) signals.push(request.signal);
      return request.locale === 'de' ? new Promise(() => {}) : Promise.resolve({ url: widgetUrl() });
    };
    const thryve = createThryveConnect({ fetcher });
    const heard: Array<string | null> = [];
    const stop = thryve.onUserChange((user) => heard.push(user));
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    thryve.queryClient.setQueryData(connectionsQueryKey('alice'), [{ dataSource: 1, connectedAt: null }]);
    void thryve.queryClient.prefetchQuery(thryve.forUser('alice').sessionOptions('de'));
    await vi.waitFor(() => expect(signals).toHaveLength(2));

    thryve.setUser('bob');
    expect(signals[1]?.aborted).toBe(true);
    expect(thryve.queryClient.getQueryCache().findAll({ queryKey: ['thryve-connect', 'alice'] })).toEqual([]);
    thryve.setUser('bob'); // the same user again: nothing to do, nobody told twice
    thryve.setUser(null);
    stop();
    thryve.setUser('carol');
    expect(heard).toEqual(['alice', 'bob', null]);
  });

  it("keeps the signed-in user's own entries", async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    const session = await thryve.forUser('alice').ensureSession('en');
    thryve.setUser('alice');
    expect(thryve.forUser('alice').getSession('en').session).toBe(session);
  });
});

describe('the expiry watch', () => {
  it('refreshes a watched session once, one margin before it stops being usable, and stops when unmounted', async () => {
    vi.useFakeTimers();
    const { fetcher, calls } = backend(() => ({ url: widgetUrl(), expiresAt: Date.now() + 60_000 }));
    const thryve = createThryveConnect({ fetcher });
    const stop = thryve.mount();
    const unsubscribers = [observe(thryve, 'alice'), observe(thryve, 'alice'), observe(thryve, 'alice')];
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000 - 2 * SESSION_EXPIRY_MARGIN_MS - 100);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(2);
    for (const unsubscribe of unsubscribers) unsubscribe();
  });

  it('leaves an unwatched session alone, and a hidden page waits', async () => {
    vi.useFakeTimers();
    const { fetcher, calls } = backend(() => ({ url: widgetUrl(), expiresAt: Date.now() + 60_000 }));
    const thryve = createThryveConnect({ fetcher });
    const stop = thryve.mount();
    await thryve.forUser('alice').ensureSession('en');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);

    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const unsubscribe = observe(thryve, 'bob');
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(55_000);
    expect(calls).toHaveLength(2);
    hidden.mockRestore();
    unsubscribe();
    stop();
  });
});

describe('connectDataSource', () => {
  async function ready() {
    const { fetcher } = backend();
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    const session = await thryve.forUser('alice').ensureSession('en');
    return { thryve, session };
  }

  it('does nothing but fetch a session when none is ready, and nothing at all while signed out', async () => {
    const { fetcher, calls } = backend();
    const thryve = createThryveConnect({ fetcher });
    const assign = stubAssign();
    expect(connectDataSource(signedOutUser(thryve), { locale: 'en', dataSource: 1 })).toBe('not_ready');
    expect(calls).toHaveLength(0);
    expect(
      connectDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 1,
        redirectUri: 'https://app.example/',
      }),
    ).toBe('not_ready');
    expect(assign).not.toHaveBeenCalled();
  });

  it('navigates with a redirect URI, remembering the action for this user under a fingerprint', async () => {
    const { thryve, session } = await ready();
    const assign = stubAssign();
    const outcome = connectDataSource(thryve.forUser('alice'), {
      locale: 'en',
      dataSource: 1,
      redirectUri: 'https://app.example/devices',
    });
    expect(outcome).toBe('navigated');
    const url = new URL(assign.mock.calls[0]?.[0] as string);
    expect(url.searchParams.get('token')).toBe(session.token);
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('connecting');
    expect(sessionStorage.getItem('thryve-connect:pending-action')).not.toContain(session.token);
    expect(sessionStorage.getItem('thryve-connect:pending-action')).not.toContain('alice');
    expect(createPendingActionStore().peek('alice')).toMatchObject({ action: 'connect', dataSource: 1 });
    expect(createPendingActionStore().peek('bob')).toBeNull();
  });

  it('opens a tab with its opener cut, retires the token, and reads the statuses again on return', async () => {
    const { thryve } = await ready();
    const tab = { opener: window } as unknown as Window;
    vi.spyOn(window, 'open').mockReturnValue(tab);
    const invalidate = vi.spyOn(thryve.queryClient, 'invalidateQueries');
    expect(connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 })).toBe('opened');
    expect(tab.opener).toBeNull();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: sessionQueryKey('alice', 'en') });
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('focus'));
    expect(getDataSourceFlow(thryve.forUser('alice'), 2).status).toBe('idle');
    expect(
      invalidate.mock.calls.filter(([filters]) => filters?.queryKey?.[2] === 'connections'),
    ).toHaveLength(1);
  });

  it('detects a blocked tab and offers the same page in this window, coming back to the redirect URI', async () => {
    const { thryve, session } = await ready();
    vi.spyOn(window, 'open').mockReturnValue(null);
    const assign = stubAssign();
    expect(connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 3 })).toBe('blocked');
    const flow = getDataSourceFlow(thryve.forUser('alice'), 3);
    expect(flow).toMatchObject({ status: 'error', error: { code: 'popup_blocked' } });
    expect(flow.fallbackUrl).toContain(session.token);
    const back = { dataSource: 3, redirectUri: 'https://app.example/devices' } as const;
    expect(continueConnectInThisWindow(thryve.forUser('bob'), back)).toBe(false);
    // Without a way back Thryve would leave the user on its own page: nothing happens, the link remains.
    expect(continueConnectInThisWindow(thryve.forUser('alice'), { dataSource: 3 })).toBe(false);
    expect(assign).not.toHaveBeenCalled();
    expect(continueConnectInThisWindow(thryve.forUser('alice'), back)).toBe(true);
    const target = new URL(assign.mock.calls[0]?.[0] as string);
    expect(target.searchParams.get('token')).toBe(session.token);
    expect(target.searchParams.get('redirect_uri')).toBe(back.redirectUri);
    expect(createPendingActionStore().peek('alice')).toMatchObject({ dataSource: 3 });
  });

  it('fails with a typed error for a native source or a bad redirect URI, and never navigates', async () => {
    const { thryve } = await ready();
    const assign = stubAssign();
    expect(
      connectDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 5,
        redirectUri: 'https://a.example/',
      }),
    ).toBe('failed');
    expect(getDataSourceFlow(thryve.forUser('alice'), 5).error?.code).toBe('native_data_source');
    expect(
      connectDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 1,
        redirectUri: 'javascript:alert(1)',
      }),
    ).toBe('failed');
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).error?.code).toBe('invalid_redirect_uri');
    expect(assign).not.toHaveBeenCalled();
    resetDataSourceFlow(thryve.forUser('alice'), 1);
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
  });
});

describe('revokeDataSource', () => {
  function setup(revoke?: ThryveFetcher['revoke']) {
    const { fetcher } = backend();
    fetcher.revoke = revoke;
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    const connected: ConnectedSource[] = [
      { dataSource: 1, connectedAt: null },
      { dataSource: 2, connectedAt: null },
    ];
    thryve.queryClient.setQueryData(connectionsQueryKey('alice'), connected);
    return thryve;
  }

  it('shows the source disconnected at once, through the backend, and says so to subscribers', async () => {
    let release: () => void = () => {};
    const thryve = setup(() => new Promise<void>((resolve) => (release = resolve)));
    const changes = vi.fn();
    const stop = subscribeDataSourceFlows(thryve.forUser('alice'), changes);
    const done = revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1 });
    await vi.waitFor(() =>
      expect(thryve.queryClient.getQueryData(connectionsQueryKey('alice'))).toEqual([
        { dataSource: 2, connectedAt: null },
      ]),
    );
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('revoking');
    release();
    await done;
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
    expect(changes).toHaveBeenCalled();
    stop();
  });

  it('puts the source back and rejects with the typed error when the revoke fails', async () => {
    const thryve = setup(async () => {
      throw new ThryveConnectError('server_error', 'HTTP 502', { status: 502 });
    });
    await expect(
      revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1 }),
    ).rejects.toMatchObject({
      code: 'server_error',
    });
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('alice'))).toHaveLength(2);
    expect(getDataSourceFlow(thryve.forUser('alice'), 1)).toMatchObject({
      status: 'error',
      error: { code: 'server_error' },
    });
  });

  it("without a backend route, GETs Thryve's revoke page with no credentials, no referrer, no cache", async () => {
    const thryve = setup(undefined);
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 200 }));
    await revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 });
    const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit];
    expect(url).toMatch(
      /^https:\/\/service2\.und-gesund\.de\/dataSourceDirectRevoke\.html\?token=\d+X\d+&dataSource=2&direct=true$/,
    );
    expect(init).toMatchObject({
      mode: 'no-cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('reports an unreachable revoke page as a network error', async () => {
    const thryve = setup(undefined);
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(
      revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 }),
    ).rejects.toMatchObject({
      code: 'network_error',
    });
  });

  it('refuses a signed-out revoke and a redirect revoke without a redirect URI or a ready session', async () => {
    const thryve = setup(undefined);
    await expect(
      revokeDataSource(signedOutUser(thryve), { locale: 'en', dataSource: 1 }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(
      revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1, mode: 'redirect' }),
    ).rejects.toMatchObject({ code: 'invalid_redirect_uri' });
    await expect(
      revokeDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 1,
        mode: 'redirect',
        redirectUri: 'https://app.example/',
      }),
    ).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('navigates to the revoke page with a redirect URI, remembering the action', async () => {
    const thryve = setup(undefined);
    const session = await thryve.forUser('alice').ensureSession('en');
    const assign = stubAssign();
    await revokeDataSource(thryve.forUser('alice'), {
      locale: 'en',
      dataSource: 1,
      mode: 'redirect',
      redirectUri: 'https://app.example/devices',
    });
    expect(assign.mock.calls[0]?.[0]).toContain(`token=${session.token}`);
    expect(createPendingActionStore().peek('alice')).toMatchObject({ action: 'revoke', dataSource: 1 });
  });
});

describe('readConnectionResult', () => {
  it("reads this user's result once, strips it from the address, and ignores another user's action", async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('alice');
    const token = tokenOf(widgetUrl());
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token });
    window.history.replaceState(null, '', `/devices?tab=2&token=${token}&dataSource=1&connected=true`);
    expect(readConnectionResult(thryve.forUser('bob'))).toMatchObject({
      status: 'unmatched',
      reason: 'no_pending_action',
    });
    expect(window.location.search).toBe('?tab=2');
    expect(createPendingActionStore().peek('alice')).toBeNull(); // forgotten when another user saw it

    createPendingActionStore().save({ userKey: 'alice', action: 'revoke', dataSource: 1, token });
    const href = `https://app.example/devices?token=${token}&dataSource=1&connected=false`;
    expect(readConnectionResult(thryve.forUser('alice'), { href })).toEqual({
      status: 'revoked',
      action: 'revoke',
      dataSource: 1,
    });
    expect(readConnectionResult(thryve.forUser('alice'), { href })).toMatchObject({ status: 'unmatched' });
    expect(readConnectionResult(thryve.forUser('alice'), { href: 'https://app.example/' })).toEqual({
      status: 'none',
    });
  });
});

describe('clearThryveConnect', () => {
  it("wipes every user's cached entries and the pending action, from outside React", async () => {
    const queryClient = new QueryClient();
    const thryve = createThryveConnect({ fetcher: backend().fetcher, queryClient });
    await thryve.forUser('alice').ensureSession('en');
    queryClient.setQueryData(['someone-else'], 1);
    createPendingActionStore().save({
      userKey: 'alice',
      action: 'connect',
      dataSource: 1,
      token: '1234X5678',
    });
    clearThryveConnect(queryClient);
    expect(queryClient.getQueryCache().findAll({ queryKey: ['thryve-connect'] })).toEqual([]);
    expect(queryClient.getQueryData(['someone-else'])).toBe(1);
    expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
  });
});

describe('the session policy', () => {
  it('retries only what may pass on its own, at most three times, with capped backoff', () => {
    const error = (code: ThryveConnectError['code']) => new ThryveConnectError(code, '');
    expect(shouldRetry(0, error('network_error'))).toBe(true);
    expect(shouldRetry(2, error('server_error'))).toBe(true);
    expect(shouldRetry(3, error('timeout'))).toBe(false);
    expect(shouldRetry(0, error('session_expired'))).toBe(true);
    for (const code of [
      'unauthorized',
      'forbidden',
      'configuration_error',
      'fetcher_error',
      'bad_request',
    ] as const) {
      expect(shouldRetry(0, error(code)), code).toBe(false);
    }
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
  });

  it('waits out a short rate limit once, then surfaces it; a long one at once', () => {
    const limited = (retryAfterMs?: number) =>
      new ThryveConnectError('rate_limited', '', { status: 429, retryAfterMs });
    expect(shouldRetry(0, limited(3_000))).toBe(true);
    expect(retryDelay(0, limited(3_000))).toBe(3_000);
    expect(shouldRetry(1, limited(3_000))).toBe(false);
    expect(shouldRetry(0, limited(MAX_RATE_LIMIT_WAIT_MS + 1))).toBe(false);
    expect(shouldRetry(0, limited(undefined))).toBe(false);
    expect(retryDelay(0, limited(60_000))).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(limited(1).retryable).toBe(false);
  });

  it('asks the backend twice at most when it keeps answering rate_limited, and hands over the wait', async () => {
    const calls: number[] = [];
    const fetcher: ThryveFetcher = async () => {
      calls.push(Date.now());
      throw new ThryveConnectError('rate_limited', '', { status: 429, retryAfterMs: 40 });
    };
    const thryve = createThryveConnect({ fetcher });
    const error = await thryve
      .forUser('user-a')
      .ensureSession('en')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 40 });
    expect(calls).toHaveLength(2);
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBeGreaterThanOrEqual(35);
  });

  it("trusts the backend's expiry, else the max age", () => {
    expect(
      sessionExpiry({ url: '', token: '', locale: 'en', fetchedAt: 1_000, expiresAt: 5_000 }, 60_000),
    ).toBe(5_000);
    expect(sessionExpiry({ url: '', token: '', locale: 'en', fetchedAt: 1_000 }, 60_000)).toBe(61_000);
  });

  it('keeps what a fetcher threw: ours as is, an abort as aborted, anything else as a fetcher_error with its cause', () => {
    const ours = new ThryveConnectError('forbidden', '');
    expect(toThryveConnectError(ours)).toBe(ours);
    expect(toThryveConnectError(new DOMException('stop', 'AbortError')).code).toBe('aborted');
    const bug = new TypeError('x is undefined');
    expect(toThryveConnectError(bug)).toMatchObject({ code: 'fetcher_error', cause: bug, retryable: false });
    expect(toThryveConnectError('a string').code).toBe('fetcher_error');
  });
});
