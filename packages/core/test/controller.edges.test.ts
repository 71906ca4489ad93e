// @vitest-environment jsdom
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyConnectionsSeed,
  type ConnectionSession,
  type ConnectionsSeed,
  connectDataSource,
  connectionsOptions,
  connectionsQueryKey,
  createPendingActionStore,
  createThryveConnect,
  getDataSourceFlow,
  readConnectionResult,
  revokeDataSource,
  SESSION_EXPIRY_MARGIN_MS,
  seedSession,
  sessionQueryKey,
  subscribeDataSourceFlows,
  type ThryveConnect,
  type ThryveFetcher,
  toSessionSnapshot,
  userFingerprint,
} from '../src/index.js';
import { backend as counting, observe, stubAssign, tokenOf, widgetUrl } from './support/controllerKit.js';

// The edges of the controller that its main tests leave open: each test pins one rule that keeps a
// user's data theirs, or a refresh bounded (found by mutation testing).

const session = (over: Partial<ConnectionSession> = {}): ConnectionSession => ({
  url: widgetUrl(),
  token: 't1234',
  locale: 'en',
  fetchedAt: 1_000_000,
  ...over,
});

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a session snapshot', () => {
  const state = (over: object) => ({
    data: undefined,
    error: null,
    dataUpdatedAt: 0,
    errorUpdatedAt: 0,
    fetchStatus: 'idle' as const,
    ...over,
  });

  it('is ready only while the session may be used, and never after', () => {
    const data = session({ expiresAt: 1_060_000 });
    expect(toSessionSnapshot(state({ data }), 600_000, 1_054_999).status).toBe('ready');
    expect(toSessionSnapshot(state({ data }), 600_000, 1_055_000).status).toBe('expired');
  });

  it('shows an error only when it is newer than the session and nothing is on its way', () => {
    const data = session({ expiresAt: 1_000 });
    const error = new Error('x');
    expect(
      toSessionSnapshot(state({ data, error, dataUpdatedAt: 5, errorUpdatedAt: 5 }), 1, 2_000_000),
    ).toMatchObject({
      status: 'error',
      session: undefined,
      error: { code: 'fetcher_error' },
    });
    expect(
      toSessionSnapshot(state({ data, error, dataUpdatedAt: 6, errorUpdatedAt: 5 }), 1, 2_000_000).status,
    ).toBe('expired');
    expect(
      toSessionSnapshot(state({ error, errorUpdatedAt: 5, fetchStatus: 'fetching' }), 1, 2_000_000).status,
    ).toBe('pending');
    expect(toSessionSnapshot(state({ data, fetchStatus: 'fetching' }), 1, 2_000_000)).toEqual({
      status: 'pending',
      session: undefined,
      error: undefined,
    });
    expect(toSessionSnapshot(undefined, 1, 0)).toEqual({
      status: 'pending',
      session: undefined,
      error: undefined,
    });
  });
});

describe('the query options', () => {
  it('keep a session fresh until its refresh is due, for its age, and never retry on focus after an error', () => {
    const now = 2_000_000;
    const thryve = createThryveConnect({
      fetcher: counting().fetcher,
      sessionMaxAgeMs: 60_000,
      now: () => now,
    });
    const options = thryve.forUser('alice').sessionOptions('en');
    const staleTime = options.staleTime as (query: unknown) => number;
    expect(staleTime({ state: { data: session({ fetchedAt: now }) } })).toBe(
      60_000 - 2 * SESSION_EXPIRY_MARGIN_MS,
    );
    expect(staleTime({ state: { data: session({ fetchedAt: now - 120_000 }) } })).toBe(0);
    expect(staleTime({ state: { data: undefined } })).toBe(0);
    expect(options.gcTime).toBe(60_000);
    expect([options.refetchOnReconnect, options.retryOnMount]).toEqual([false, false]);
    const focus = options.refetchOnWindowFocus as (query: unknown) => boolean;
    expect(focus({ state: { status: 'error' } })).toBe(false);
    expect(focus({ state: { status: 'success' } })).toBe(true);
  });

  it('trust a session without expiresAt for 10 minutes by default', () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher, now: () => 0 });
    const staleTime = thryve.forUser('alice').sessionOptions('en').staleTime as (query: unknown) => number;
    expect(staleTime({ state: { data: session({ fetchedAt: 0, expiresAt: undefined }) } })).toBe(590_000);
  });

  it("read a user's connections through the backend, typed, and not at all without a route", async () => {
    const { fetcher } = counting();
    const withoutRoute = createThryveConnect({ fetcher });
    expect(connectionsOptions(withoutRoute.forUser('alice')).enabled).toBe(false);
    expect(
      await (
        connectionsOptions(withoutRoute.forUser('alice')).queryFn as (context: object) => Promise<unknown>
      )({}),
    ).toEqual([]);

    const failing: ThryveFetcher = async () => ({ url: widgetUrl() });
    failing.getConnections = async () => {
      throw new TypeError('bug');
    };
    const thryve = createThryveConnect({ fetcher: failing });
    const options = connectionsOptions(thryve.forUser('alice'));
    expect(options.queryKey).toEqual(connectionsQueryKey('alice'));
    expect([options.enabled, options.staleTime, options.retryOnMount]).toEqual([true, 30_000, false]);
    await expect((options.queryFn as (context: object) => Promise<unknown>)({})).rejects.toMatchObject({
      code: 'fetcher_error',
    });
    const focus = options.refetchOnWindowFocus as (query: unknown) => boolean;
    expect([focus({ state: { status: 'error' } }), focus({ state: { status: 'success' } })]).toEqual([
      false,
      true,
    ]);
  });
});

describe('a session arriving', () => {
  it('is usable with exactly three margins to live, and not a millisecond less', async () => {
    const now = 5_000_000;
    let life = 3 * SESSION_EXPIRY_MARGIN_MS;
    const { fetcher } = counting(() => ({ url: widgetUrl(), expiresAt: now + life }));
    const thryve = createThryveConnect({ fetcher, now: () => now });
    await expect(thryve.forUser('alice').ensureSession('en')).resolves.toMatchObject({
      expiresAt: now + life,
    });
    life -= 1;
    await expect(
      thryve.queryClient.fetchQuery({ ...thryve.forUser('bob').sessionOptions('en'), retry: false } as never),
    ).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('with a max age under the margins is unusable, whatever the backend says', async () => {
    const { fetcher } = counting();
    const thryve = createThryveConnect({ fetcher, sessionMaxAgeMs: 3 * SESSION_EXPIRY_MARGIN_MS - 1 });
    await expect(
      thryve.queryClient.fetchQuery({
        ...thryve.forUser('alice').sessionOptions('en'),
        retry: false,
      } as never),
    ).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('after its request was aborted is never stored as a session', async () => {
    let release: (value: { url: string }) => void = () => {};
    const fetcher: ThryveFetcher = () => new Promise((resolve) => (release = resolve));
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    const pending = thryve
      .forUser('alice')
      .ensureSession('en')
      .catch((error: unknown) => error);
    await Promise.resolve();
    thryve.setUser('bob'); // aborts alice's request; her answer comes anyway
    release({ url: widgetUrl() });
    await pending;
    expect(thryve.queryClient.getQueryData(sessionQueryKey('alice', 'en'))).toBeUndefined();
  });
});

describe('the grace before an unwatched request is aborted', () => {
  it('aborts once the last observer is gone for 50 ms, and keeps a request a new observer joins', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const fetcher: ThryveFetcher = (request) => {
      if (request.signal) signals.push(request.signal);
      return new Promise(() => {});
    };
    const thryve = createThryveConnect({ fetcher });
    const first = new QueryObserver(thryve.queryClient, thryve.forUser('alice').sessionOptions('en'));
    const stopFirst = first.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(1);
    expect(signals).toHaveLength(1);
    stopFirst();
    await vi.advanceTimersByTimeAsync(30);
    const second = new QueryObserver(thryve.queryClient, thryve.forUser('alice').sessionOptions('en'));
    const stopSecond = second.subscribe(() => {}); // StrictMode's remount: within the grace
    await vi.advanceTimersByTimeAsync(100);
    expect(signals[0]?.aborted).toBe(false);
    expect(signals).toHaveLength(1);
    stopSecond();
    await vi.advanceTimersByTimeAsync(49);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("is not set off by another query's observers", async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const fetcher: ThryveFetcher = (request) => {
      if (request.signal) signals.push(request.signal);
      return new Promise(() => {});
    };
    const thryve = createThryveConnect({ fetcher });
    const stop = observe(thryve, 'alice', 'en');
    const other = new QueryObserver(thryve.queryClient, {
      queryKey: ['host', 'thing'],
      queryFn: async () => 1,
    });
    other.subscribe(() => {})();
    await vi.advanceTimersByTimeAsync(200);
    expect(signals[0]?.aborted).toBe(false);
    stop();
  });
});

/** Fake timers, and a controller whose backend answers sessions that expire a minute later. */
function minuteSessionsOnFakeTimers() {
  vi.useFakeTimers();
  const { fetcher, calls } = counting(() => ({ url: widgetUrl(), expiresAt: Date.now() + 60_000 }));
  return { thryve: createThryveConnect({ fetcher }), calls };
}

describe('the expiry watch', () => {
  it('refreshes only session queries: a watched status list is never fetched by it', async () => {
    vi.useFakeTimers();
    let reads = 0;
    const fetcher: ThryveFetcher = async () => ({ url: widgetUrl() });
    fetcher.getConnections = async () => {
      reads += 1;
      return [];
    };
    const thryve = createThryveConnect({ fetcher });
    const stop = thryve.mount();
    const unsubscribe = new QueryObserver(
      thryve.queryClient,
      connectionsOptions(thryve.forUser('alice')),
    ).subscribe(() => {});
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toBe(1);
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(reads).toBe(1);
    unsubscribe();
    stop();
  });

  it('keeps watching while another mount remains, and a second stop changes nothing', async () => {
    const { thryve, calls } = minuteSessionsOnFakeTimers();
    const stopA = thryve.mount();
    const stopB = thryve.mount();
    stopA();
    stopA();
    const unsubscribe = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(51_000);
    expect(calls).toHaveLength(2);
    stopB();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(2);
    unsubscribe();
  });

  it('watches sessions that were already cached when it starts', async () => {
    const { thryve, calls } = minuteSessionsOnFakeTimers();
    const unsubscribe = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    const stop = thryve.mount();
    await vi.advanceTimersByTimeAsync(51_000);
    expect(calls).toHaveLength(2);
    stop();
    unsubscribe();
  });

  it('lets a session replaced before its timer fires be refreshed by its own timer only', async () => {
    const { thryve, calls } = minuteSessionsOnFakeTimers();
    const stop = thryve.mount();
    const unsubscribe = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(30_000);
    await thryve.queryClient.refetchQueries({ queryKey: sessionQueryKey('alice', 'en') }); // a Retry, say
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(21_000); // the first session's refresh time: nothing
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000); // the second's
    expect(calls).toHaveLength(3);
    stop();
    unsubscribe();
  });

  it('forgets the timer of a removed session', async () => {
    const { thryve, calls } = minuteSessionsOnFakeTimers();
    const stop = thryve.mount();
    const unsubscribe = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    thryve.queryClient.removeQueries({ queryKey: sessionQueryKey('alice', 'en') });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
    stop();
    unsubscribe();
  });
});

/** What a server page hands over, tagged for `userKey`, however malformed its list (it is not typed on the wire). */
const seedConnectionsOf = (thryve: ThryveConnect, userKey: string, connections: unknown) =>
  applyConnectionsSeed(thryve.forUser(userKey), {
    ...(connections as object),
    seededFor: { user: userFingerprint(userKey) },
  } as ConnectionsSeed);

describe('hydrating from a server render', () => {
  it("takes a usable session for its user, marked as the server's, unless the cache has one", async () => {
    const now = 7_000_000;
    const thryve = createThryveConnect({ fetcher: counting().fetcher, now: () => now });
    const url = widgetUrl();
    thryve
      .forUser('alice')
      .seed({ initialSession: seedSession({ url }, { userKey: 'alice', locale: 'en' }) }, 'en');
    expect(thryve.queryClient.getQueryData(sessionQueryKey('alice', 'en'))).toMatchObject({
      url,
      token: tokenOf(url),
      hydrated: true,
      fetchedAt: now,
    });
    expect(thryve.queryClient.getQueryData(sessionQueryKey('bob', 'en'))).toBeUndefined();
    thryve
      .forUser('alice')
      .seed({ initialSession: seedSession({ url: widgetUrl() }, { userKey: 'alice', locale: 'en' }) }, 'en');
    expect(thryve.queryClient.getQueryData<ConnectionSession>(sessionQueryKey('alice', 'en'))?.url).toBe(url);
  });

  it('drops a session this page cannot use: a foreign origin, or one about to expire', () => {
    const now = 7_000_000;
    const thryve = createThryveConnect({ fetcher: counting().fetcher, now: () => now });
    thryve.forUser('alice').seed(
      {
        initialSession: seedSession(
          { url: 'https://evil.example/?connectionSessionToken=1234X5678' },
          { userKey: 'alice', locale: 'en' },
        ),
      },
      'en',
    );
    thryve.forUser('bob').seed(
      {
        initialSession: seedSession(
          { url: widgetUrl(), expiresAt: now + 3 * SESSION_EXPIRY_MARGIN_MS - 1 },
          { userKey: 'bob', locale: 'en' },
        ),
      },
      'en',
    );
    thryve.forUser('carol').seed(
      {
        initialSession: seedSession(
          { url: widgetUrl(), expiresAt: now + 3 * SESSION_EXPIRY_MARGIN_MS },
          { userKey: 'carol', locale: 'en' },
        ),
      },
      'en',
    );
    expect(thryve.queryClient.getQueryData(sessionQueryKey('alice', 'en'))).toBeUndefined();
    expect(thryve.queryClient.getQueryData(sessionQueryKey('bob', 'en'))).toBeUndefined();
    expect(thryve.queryClient.getQueryData(sessionQueryKey('carol', 'en'))).toBeDefined();
  });

  it('takes the statuses as the route answers them, keeping only what reads as a source', () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    seedConnectionsOf(thryve, 'alice', {
      connectedSources: [
        { dataSource: 1, connectedAt: '2026-01-01T00:00:00Z' },
        { dataSource: 2, connectedAt: 17 },
        { dataSource: 0 },
        null,
        { dataSource: '3' },
      ],
    });
    // One parser everywhere: an id in decimal digits reads as that id, as Thryve has sent them.
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('alice'))).toEqual([
      { dataSource: 1, connectedAt: '2026-01-01T00:00:00Z' },
      { dataSource: 2, connectedAt: null },
      { dataSource: 3, connectedAt: null },
    ]);
    seedConnectionsOf(thryve, 'alice', { connectedSources: [] });
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('alice'))).toHaveLength(3); // fresher kept
    seedConnectionsOf(thryve, 'bob', { connectedSources: 'nope' });
    thryve.forUser('carol').seed({}, 'en');
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('bob'))).toBeUndefined();
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('carol'))).toBeUndefined();
  });
});

describe('the flows of a user who signs out', () => {
  it("never lets a late revoke answer set the past user's flow, and drops their flows at once", async () => {
    let release: (() => void) | undefined;
    const { fetcher } = counting();
    fetcher.revoke = () => new Promise<void>((resolve) => (release = resolve));
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    const heard = vi.fn();
    const stop = subscribeDataSourceFlows(thryve.forUser('alice'), heard);
    const revoking = revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1 });
    await vi.waitFor(() => expect(release).toBeDefined()); // the backend has the request
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('revoking');
    heard.mockClear();
    thryve.setUser('bob');
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
    expect(heard).toHaveBeenCalledTimes(1);
    release?.();
    await revoking;
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
    stop();
    heard.mockClear();
    thryve.setUser('carol');
    vi.spyOn(window, 'open').mockReturnValue(null);
    await thryve.forUser('carol').ensureSession('en');
    connectDataSource(thryve.forUser('carol'), { locale: 'en', dataSource: 2 }); // a blocked popup: a change
    expect(getDataSourceFlow(thryve.forUser('carol'), 2).status).toBe('error');
    expect(heard).not.toHaveBeenCalled(); // unsubscribed: changes no longer reach it
  });

  it("leaves the host's own queries alone when the user changes", async () => {
    const queryClient = new QueryClient();
    const thryve = createThryveConnect({ fetcher: counting().fetcher, queryClient });
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    queryClient.setQueryData(['todos', 'alice'], ['walk']);
    thryve.setUser('bob');
    expect(queryClient.getQueryData(['todos', 'alice'])).toEqual(['walk']);
    expect(queryClient.getQueryData(sessionQueryKey('alice', 'en'))).toBeUndefined();
  });

  it("keeps the signed-in user's own flows when the user is set again, and forgets a signed-out one's action", () => {
    const { fetcher } = counting();
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    vi.spyOn(window, 'open').mockReturnValue(null);
    return thryve
      .forUser('alice')
      .ensureSession('en')
      .then(() => {
        connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 });
        expect(getDataSourceFlow(thryve.forUser('alice'), 2).status).toBe('error');
        thryve.setUser('alice');
        expect(getDataSourceFlow(thryve.forUser('alice'), 2).status).toBe('error');
        createPendingActionStore().save({
          userKey: 'alice',
          action: 'connect',
          dataSource: 1,
          token: 'abcd1234',
        });
        thryve.setUser(null);
        expect(getDataSourceFlow(thryve.forUser('alice'), 2).status).toBe('idle');
        expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
      });
  });

  it("drops another user's pending action when its flows are first used after the switch", () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    createPendingActionStore().save({
      userKey: 'alice',
      action: 'connect',
      dataSource: 1,
      token: 'abcd1234',
    });
    thryve.setUser('bob');
    getDataSourceFlow(thryve.forUser('bob'), 1); // the flows' store is created now, for bob
    expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
  });
});

describe('reading a result', () => {
  const TOKEN = '1060285265X4247109939067552841';

  it("settles the source's flow, marks the user's statuses stale, and leaves other sources alone", async () => {
    const { fetcher } = counting();
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    const assign = stubAssign();
    connectDataSource(thryve.forUser('alice'), {
      locale: 'en',
      dataSource: 1,
      redirectUri: 'https://app.example/d',
    });
    expect(assign).toHaveBeenCalled();
    vi.spyOn(window, 'open').mockReturnValue(null);
    connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 });
    const token = new URL(assign.mock.calls[0]?.[0] as string).searchParams.get('token');
    const invalidate = vi.spyOn(thryve.queryClient, 'invalidateQueries');
    const result = readConnectionResult(thryve.forUser('alice'), {
      href: `https://app.example/d?token=${token}&dataSource=1&connected=true`,
    });
    expect(result).toEqual({ status: 'connected', action: 'connect', dataSource: 1 });
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
    expect(getDataSourceFlow(thryve.forUser('alice'), 2).status).toBe('error'); // untouched
    expect(invalidate).toHaveBeenCalledWith({ queryKey: connectionsQueryKey('alice') });
  });

  it('settles a redirect revoke in flight too', async () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    thryve.setUser('alice');
    const { token } = await thryve.forUser('alice').ensureSession('en');
    stubAssign();
    await revokeDataSource(thryve.forUser('alice'), {
      locale: 'en',
      dataSource: 3,
      mode: 'redirect',
      redirectUri: 'https://app.example/d',
    });
    expect(getDataSourceFlow(thryve.forUser('alice'), 3).status).toBe('revoking');
    readConnectionResult(thryve.forUser('alice'), {
      href: `https://app.example/d?token=${token}&dataSource=3&connected=false`,
    });
    expect(getDataSourceFlow(thryve.forUser('alice'), 3).status).toBe('idle');
  });

  it('with nobody signed in, consumes nothing and marks nothing, and strips only the live address', () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN });
    const invalidate = vi.spyOn(thryve.queryClient, 'invalidateQueries');
    const href = `https://app.example/d?token=${TOKEN}&dataSource=1&connected=true`;
    window.history.replaceState(null, '', '/settings?tab=1');
    expect(readConnectionResult(null, { href })).toMatchObject({
      status: 'unmatched',
      reason: 'no_pending_action',
    });
    expect(invalidate).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?tab=1'); // an href given: the address bar is not touched
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
  });

  it('leaves the pending action alone when the address carries no result', () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN });
    window.history.replaceState(null, '', '/devices?tab=2');
    expect(readConnectionResult(thryve.forUser('alice'))).toEqual({ status: 'none' });
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
    expect(window.location.search).toBe('?tab=2');
  });

  it('is used for a QueryClient it was given, not one of its own', () => {
    const queryClient = new QueryClient();
    expect(createThryveConnect({ fetcher: counting().fetcher, queryClient }).queryClient).toBe(queryClient);
  });
});

describe('a session request', () => {
  const hanging = () => {
    const signals = new Map<string, AbortSignal>();
    const fetcher: ThryveFetcher = (request) => {
      if (request.signal) signals.set(request.locale, request.signal);
      return new Promise((_, reject) =>
        request.signal?.addEventListener('abort', () => reject(new DOMException('gone', 'AbortError'))),
      );
    };
    return { fetcher, signals };
  };

  it('is aborted only for the locale nobody shows any more', async () => {
    vi.useFakeTimers();
    const { fetcher, signals } = hanging();
    const thryve = createThryveConnect({ fetcher });
    const stopEn = observe(thryve, 'alice', 'en');
    const stopDe = observe(thryve, 'alice', 'de');
    await vi.advanceTimersByTimeAsync(1);
    stopDe();
    await vi.advanceTimersByTimeAsync(100);
    expect(signals.get('de')?.aborted).toBe(true);
    expect(signals.get('en')?.aborted).toBe(false);
    stopEn();
  });

  it('is never aborted while one of several components showing it remains', async () => {
    vi.useFakeTimers();
    const { fetcher, signals } = hanging();
    const thryve = createThryveConnect({ fetcher });
    const stopA = observe(thryve, 'alice', 'en');
    const stopB = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    stopA();
    await vi.advanceTimersByTimeAsync(500);
    expect(signals.get('en')?.aborted).toBe(false);
    stopB();
  });

  it('that nobody watches (ensureSession) is not aborted by what happens to its query meanwhile', async () => {
    vi.useFakeTimers();
    let release: (value: { url: string }) => void = () => {};
    const fetcher: ThryveFetcher = () => new Promise((resolve) => (release = resolve));
    const thryve = createThryveConnect({ fetcher });
    const loading = thryve.forUser('alice').ensureSession('en');
    await vi.advanceTimersByTimeAsync(1);
    await thryve.queryClient.invalidateQueries({ queryKey: sessionQueryKey('alice', 'en') }); // a connect retiring the token
    await vi.advanceTimersByTimeAsync(500);
    release({ url: widgetUrl() });
    await expect(loading).resolves.toHaveProperty('token');
  });

  it('aborted because its component left is not an error: the next mount fetches afresh', async () => {
    vi.useFakeTimers();
    const { fetcher, signals } = hanging();
    const thryve = createThryveConnect({ fetcher });
    observe(thryve, 'alice', 'en')();
    await vi.advanceTimersByTimeAsync(100);
    expect(signals.get('en')?.aborted).toBe(true);
    expect(thryve.forUser('alice').getSession('en')).toMatchObject({ status: 'pending', error: undefined });
    const again = new QueryObserver(thryve.queryClient, thryve.forUser('alice').sessionOptions('en'));
    const stop = again.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(1);
    expect(signals.get('en')?.aborted).toBe(false); // a new request, not the aborted one
    expect(again.getCurrentResult().fetchStatus).toBe('fetching');
    stop();
  });

  it('leaves no listener on the cache once it settles', async () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    await thryve.forUser('alice').ensureSession('en');
    await expect(
      thryve
        .forUser('bob')
        .ensureSession('en')
        .then(() => thryve.forUser('bob').ensureSession('de')),
    ).resolves.toBeDefined();
    expect(thryve.queryClient.getQueryCache().hasListeners()).toBe(false);
  });

  it("of a user who is signed in next is kept, with that user's cache", async () => {
    let release: (value: { url: string }) => void = () => {};
    let signal: AbortSignal | undefined;
    const fetcher: ThryveFetcher = (request) => {
      signal = request.signal;
      return new Promise((resolve) => (release = resolve));
    };
    fetcher.getConnections = async () => [{ dataSource: 1, connectedAt: null }];
    const thryve = createThryveConnect({ fetcher });
    await thryve.queryClient.fetchQuery(connectionsOptions(thryve.forUser('bob')));
    const loading = thryve.forUser('bob').ensureSession('en'); // the app prefetches before it calls setUser
    await Promise.resolve();
    thryve.setUser('bob');
    expect(signal?.aborted).toBe(false);
    release({ url: widgetUrl() });
    await expect(loading).resolves.toHaveProperty('token');
    expect(thryve.queryClient.getQueryData(connectionsQueryKey('bob'))).toHaveLength(1);
  });

  it('from a fetcher with a bug is a typed fetcher_error, never retried', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'url')");
    const fetcher: ThryveFetcher = async () => {
      throw bug;
    };
    const thryve = createThryveConnect({ fetcher });
    await expect(thryve.forUser('alice').ensureSession('en')).rejects.toMatchObject({
      code: 'fetcher_error',
      cause: bug,
    });
  });

  it("takes a widget URL from the controller's own widget host (the sandbox, QA)", async () => {
    const url =
      'http://localhost:4010/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en';
    const thryve = createThryveConnect({
      fetcher: async () => ({ url }),
      hosts: { widget: 'http://localhost:4010' },
    });
    await expect(thryve.forUser('alice').ensureSession('en')).resolves.toMatchObject({ url });
  });

  it('arriving too short-lived says in development how long it must live', async () => {
    const { fetcher } = counting(() => ({ url: widgetUrl(), expiresAt: Date.now() + 1_000 }));
    const thryve = createThryveConnect({ fetcher });
    await expect(
      thryve.queryClient.fetchQuery({
        ...thryve.forUser('alice').sessionOptions('en'),
        retry: false,
      } as never),
    ).rejects.toThrow(`at least ${(3 * SESSION_EXPIRY_MARGIN_MS) / 1000} s to live`);
  });
});

describe('reading the statuses', () => {
  it("hands the backend route the request's abort signal", async () => {
    const { fetcher } = counting();
    let received: AbortSignal | undefined;
    fetcher.getConnections = async ({ signal } = {}) => {
      received = signal;
      return [];
    };
    const thryve = createThryveConnect({ fetcher });
    await thryve.queryClient.fetchQuery(connectionsOptions(thryve.forUser('alice')));
    expect(received).toBeInstanceOf(AbortSignal);
  });
});

describe('the expiry watch, further', () => {
  it("never refreshes a host's own query, even one whose key says 'session'", async () => {
    vi.useFakeTimers();
    let fetches = 0;
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    const stop = thryve.mount();
    const unsubscribe = new QueryObserver(thryve.queryClient, {
      queryKey: ['host-app', 'alice', 'session'],
      queryFn: async () => {
        fetches += 1;
        return { fetchedAt: 0 };
      },
      staleTime: Number.POSITIVE_INFINITY,
    }).subscribe(() => {});
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(fetches).toBe(1);
    unsubscribe();
    stop();
  });

  it('never refreshes a status list that was on screen before it started', async () => {
    vi.useFakeTimers();
    let reads = 0;
    const { fetcher } = counting();
    fetcher.getConnections = async () => {
      reads += 1;
      return [];
    };
    const thryve = createThryveConnect({ fetcher });
    const unsubscribe = new QueryObserver(
      thryve.queryClient,
      connectionsOptions(thryve.forUser('alice')),
    ).subscribe(() => {});
    await vi.advanceTimersByTimeAsync(1);
    const stop = thryve.mount();
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(reads).toBe(1);
    unsubscribe();
    stop();
  });

  it('waits out a session that lives longer than a timer can count (24.8 days), then refreshes it once', async () => {
    vi.useFakeTimers();
    const DAY = 86_400_000;
    const { fetcher, calls } = counting(() => ({ url: widgetUrl(), expiresAt: Date.now() + 40 * DAY }));
    const thryve = createThryveConnect({ fetcher, sessionMaxAgeMs: 60 * DAY });
    const stop = thryve.mount();
    const unsubscribe = observe(thryve, 'alice', 'en');
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(30 * DAY);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10 * DAY);
    expect(calls).toHaveLength(2);
    unsubscribe();
    stop();
  });

  it('mounted twice and stopped twice leaves nothing behind', async () => {
    const thryve = createThryveConnect({ fetcher: counting().fetcher });
    const stops = [thryve.mount(), thryve.mount()];
    expect(thryve.queryClient.getQueryCache().hasListeners()).toBe(true);
    for (const stop of stops) stop();
    expect(thryve.queryClient.getQueryCache().hasListeners()).toBe(false);
  });
});
