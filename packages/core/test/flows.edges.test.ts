// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ConnectedSource,
  clearThryveConnect,
  connectDataSource,
  connectionsQueryKey,
  continueConnectInThisWindow,
  createPendingActionStore,
  createThryveConnect,
  getDataSourceFlow,
  type PendingActionStorage,
  readConnectionResult,
  resetDataSourceFlow,
  revokeDataSource,
  sessionQueryKey,
  shouldRetry,
  subscribeDataSourceFlows,
  ThryveConnectError,
  type ThryveFetcher,
  toThryveConnectError,
  userQueryKey,
} from '../src/index.js';
import { flowStore } from '../src/internal/flowStore.js';
import { backend, signedOutUser, stubAssign, widgetUrl } from './support/controllerKit.js';

// The edges of connecting, revoking and reading a result that the main tests leave open: each test pins
// one rule that keeps a user's flows theirs, or a click bounded (found by mutation testing).

function memory(): PendingActionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A controller whose backend revokes by failing: the quickest way to leave a flow in `error`. */
function failingRevokes() {
  const { fetcher, calls } = backend();
  fetcher.revoke = async () => {
    throw new ThryveConnectError('server_error', 'HTTP 502', { status: 502 });
  };
  return { thryve: createThryveConnect({ fetcher }), calls };
}

const revokeFails = (thryve: ReturnType<typeof createThryveConnect>, userKey: string, dataSource = 1) =>
  revokeDataSource(thryve.forUser(userKey), { locale: 'en', dataSource }).catch(() => undefined);

/** Alice's connect of source 1 by redirect, started (jsdom's navigation stubbed): returns its token. */
async function aliceConnectsByRedirect(thryve: ReturnType<typeof createThryveConnect>) {
  const { token } = await thryve.forUser('alice').ensureSession('en');
  stubAssign();
  connectDataSource(thryve.forUser('alice'), {
    locale: 'en',
    dataSource: 1,
    redirectUri: 'https://a.example/',
  });
  return token;
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a connect click', () => {
  it('while signed out does nothing at all, not even later', async () => {
    const { fetcher, calls } = backend();
    const thryve = createThryveConnect({ fetcher });
    expect(connectDataSource(signedOutUser(thryve), { locale: 'en', dataSource: 1 })).toBe('not_ready');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(0);
    expect(continueConnectInThisWindow(signedOutUser(thryve), { dataSource: 1 })).toBe(false);
  });

  it('before any session fetches one, and impatient clicks join that request', async () => {
    let release: () => void = () => {};
    const { fetcher, calls } = backend();
    const slow: ThryveFetcher = async (request) => {
      await new Promise<void>((resolve) => (release = resolve));
      return fetcher(request);
    };
    const thryve = createThryveConnect({ fetcher: slow });
    thryve.setUser('alice');
    for (let click = 0; click < 3; click++) {
      expect(connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1 })).toBe('not_ready');
    }
    release();
    await vi.waitFor(() => expect(thryve.forUser('alice').getSession('en').status).toBe('ready'));
    expect(calls).toHaveLength(1);
  });

  it('opens the connect page in a new tab', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    await thryve.forUser('alice').ensureSession('en');
    const open = vi.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 });
    expect(open).toHaveBeenCalledWith(expect.stringContaining('dataSource=2'), '_blank');
  });

  it("on return to the page settles only a connect still going, and leaves an error the user hasn't seen", async () => {
    const { thryve } = failingRevokes();
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    vi.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 });
    await revokeFails(thryve, 'alice', 2); // meanwhile, in this tab, a revoke of the same source fails
    window.dispatchEvent(new Event('focus'));
    expect(getDataSourceFlow(thryve.forUser('alice'), 2)).toMatchObject({
      status: 'error',
      error: { code: 'server_error' },
    });
  });
});

describe('continuing a blocked connect in this window', () => {
  it('remembers a connect of that source for the way back', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    vi.spyOn(window, 'open').mockReturnValue(null);
    connectDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 3 });
    stubAssign();
    expect(
      continueConnectInThisWindow(thryve.forUser('alice'), {
        dataSource: 3,
        redirectUri: 'https://app.example/devices',
      }),
    ).toBe(true);
    expect(createPendingActionStore().peek('alice')).toMatchObject({ action: 'connect', dataSource: 3 });
    expect(getDataSourceFlow(thryve.forUser('alice'), 3).status).toBe('connecting');
  });

  it("never follows the fallback of a user whose key is the string 'null' when nobody is signed in", async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('null');
    await thryve.forUser('null').ensureSession('en');
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(connectDataSource(thryve.forUser('null'), { locale: 'en', dataSource: 3 })).toBe('blocked');
    const assign = stubAssign();
    expect(continueConnectInThisWindow(signedOutUser(thryve), { dataSource: 3 })).toBe(false);
    expect(assign).not.toHaveBeenCalled();
  });

  it('refuses a fallback that carries no token, remembering nothing', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('alice');
    flowStore(thryve.forUser('alice')).set(1, {
      status: 'error',
      fallbackUrl: 'https://service2.und-gesund.de/dataSourceDirectConnection.html?dataSource=1',
    });
    const assign = stubAssign();
    expect(continueConnectInThisWindow(thryve.forUser('alice'), { dataSource: 1 })).toBe(false);
    expect(assign).not.toHaveBeenCalled();
    expect(createPendingActionStore().peek('alice')).toBeNull();
  });
});

describe('a revoke', () => {
  it('by redirect without a redirect URI never navigates, even with a session ready', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    await thryve.forUser('alice').ensureSession('en');
    const assign = stubAssign();
    const error = await revokeDataSource(thryve.forUser('alice'), {
      locale: 'en',
      dataSource: 1,
      mode: 'redirect',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'invalid_redirect_uri',
      message: expect.stringContaining('redirectUri'),
    });
    expect(assign).not.toHaveBeenCalled();
  });

  it('by redirect says in development why it cannot start: nobody, no session yet', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    await expect(revokeDataSource(signedOutUser(thryve), { locale: 'en', dataSource: 1 })).rejects.toThrow(
      /nothing to revoke/,
    );
    await expect(
      revokeDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 1,
        mode: 'redirect',
        redirectUri: 'https://app.example/',
      }),
    ).rejects.toThrow(/not ready/);
  });

  it('by redirect of a source that has no web flow fails typed, and never navigates', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    await thryve.forUser('alice').ensureSession('en');
    const assign = stubAssign();
    await expect(
      revokeDataSource(thryve.forUser('alice'), {
        locale: 'en',
        dataSource: 5,
        mode: 'redirect',
        redirectUri: 'https://app.example/',
      }),
    ).rejects.toMatchObject({ code: 'native_data_source' });
    expect(getDataSourceFlow(thryve.forUser('alice'), 5).error?.code).toBe('native_data_source');
    expect(assign).not.toHaveBeenCalled();
  });

  it("through the backend names the source, leaves other requests alone, and reads only the user's statuses again", async () => {
    const revoke = vi.fn(async () => {});
    let release: () => void = () => {};
    const { fetcher } = backend();
    const slow: ThryveFetcher = async (request) => {
      await new Promise<void>((resolve) => (release = resolve));
      return fetcher(request);
    };
    slow.revoke = revoke;
    const thryve = createThryveConnect({ fetcher: slow });
    thryve.setUser('alice');
    thryve.queryClient.setQueryData<ConnectedSource[]>(connectionsQueryKey('alice'), [
      { dataSource: 1, connectedAt: null },
    ]);
    const loading = thryve.forUser('alice').ensureSession('de'); // a session on its way meanwhile
    await revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 1 });
    expect(revoke).toHaveBeenCalledWith({ dataSource: 1 });
    release();
    await expect(loading).resolves.toHaveProperty('token'); // not cancelled by the revoke
    expect(thryve.queryClient.getQueryState(sessionQueryKey('alice', 'de'))?.isInvalidated).toBe(false);
    expect(thryve.queryClient.getQueryState(connectionsQueryKey('alice'))?.isInvalidated).toBe(true);
  });

  it("through Thryve's page retires only that locale's token, even when the page is unreachable", async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('alice');
    await thryve.forUser('alice').ensureSession('en');
    await thryve.forUser('alice').ensureSession('de');
    const offline = new TypeError('Failed to fetch');
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(offline);
    const error = await revokeDataSource(thryve.forUser('alice'), { locale: 'en', dataSource: 2 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'network_error', cause: offline });
    expect(thryve.queryClient.getQueryState(sessionQueryKey('alice', 'en'))?.isInvalidated).toBe(true);
    expect(thryve.queryClient.getQueryState(sessionQueryKey('alice', 'de'))?.isInvalidated).toBe(false);
  });
});

describe("a controller's flows", () => {
  it("keep the pending action in the controller's storage, dated by its clock, and read it back by that clock", async () => {
    const storage = memory();
    const clock = 1_000_000; // 1970: a pending action dated by Date.now would be decades old, or ahead
    const thryve = createThryveConnect({ fetcher: backend().fetcher, storage, now: () => clock });
    thryve.setUser('alice');
    const token = await aliceConnectsByRedirect(thryve);
    expect(storage.items.size).toBe(1);
    expect(sessionStorage.length).toBe(0);
    expect(
      readConnectionResult(thryve.forUser('alice'), {
        href: `https://a.example/?token=${token}&dataSource=1&connected=true`,
      }),
    ).toMatchObject({ status: 'connected' });
  });

  it('tell nobody when the user is set again with nothing to drop', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    const heard = vi.fn();
    subscribeDataSourceFlows(thryve.forUser('alice'), heard);
    thryve.setUser('alice');
    thryve.setUser('bob');
    expect(heard).not.toHaveBeenCalled();
  });

  it("of the user who signs in survive the switch; everyone else's are dropped", async () => {
    const { thryve } = failingRevokes();
    await revokeFails(thryve, 'alice'); // before the app said who is signed in: recorded
    await revokeFails(thryve, 'bob');
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('error');
    thryve.setUser('bob');
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
    expect(getDataSourceFlow(thryve.forUser('bob'), 1).status).toBe('error');
  });

  it("are all dropped on sign-out, even a user's whose key is the string 'null'", async () => {
    const { thryve } = failingRevokes();
    thryve.setUser('null');
    await revokeFails(thryve, 'null');
    expect(getDataSourceFlow(thryve.forUser('null'), 1).status).toBe('error');
    thryve.setUser(null);
    expect(getDataSourceFlow(thryve.forUser('null'), 1).status).toBe('idle');
  });

  it('after a sign-out take no late answer of the past user', async () => {
    let fail: ((error: Error) => void) | undefined;
    const { fetcher } = backend();
    fetcher.revoke = () => new Promise<void>((_, reject) => (fail = reject));
    const thryve = createThryveConnect({ fetcher });
    thryve.setUser('alice');
    const revoking = revokeFails(thryve, 'alice');
    await vi.waitFor(() => expect(fail).toBeDefined()); // the backend has the request
    thryve.setUser(null);
    fail?.(new ThryveConnectError('server_error', 'HTTP 502'));
    await revoking;
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('idle');
  });

  it('keep the pending action of the user who comes back to the page', () => {
    // The return page: the controller exists (and its flows are read) before the app knows the user.
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    getDataSourceFlow(thryve.forUser('alice'), 1);
    createPendingActionStore().save({
      userKey: 'alice',
      action: 'connect',
      dataSource: 1,
      token: 'abcd1234',
    });
    thryve.setUser('alice');
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
  });

  it('reset only an error: a connect in progress stays', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    await aliceConnectsByRedirect(thryve);
    resetDataSourceFlow(thryve.forUser('alice'), 1);
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('connecting');
  });
});

describe('reading a result', () => {
  it("given an href, leaves this page's address alone even for a matched result", async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    thryve.setUser('alice');
    const token = await aliceConnectsByRedirect(thryve);
    vi.restoreAllMocks();
    window.history.replaceState(null, '', `/devices?token=${token}&dataSource=1&connected=true`);
    const href = `${window.location.origin}/elsewhere?token=${token}&dataSource=1&connected=true`;
    expect(readConnectionResult(thryve.forUser('alice'), { href })).toMatchObject({ status: 'connected' });
    expect(window.location.pathname).toBe('/devices');
    expect(window.location.search).toContain('token=');
  });

  it("leaves a source's unrelated error for the user to dismiss", async () => {
    const { thryve } = failingRevokes();
    thryve.setUser('alice');
    const { token } = await thryve.forUser('alice').ensureSession('en');
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token });
    await revokeFails(thryve, 'alice', 1);
    readConnectionResult(thryve.forUser('alice'), {
      href: `https://a.example/?token=${token}&dataSource=1&connected=true`,
    });
    expect(getDataSourceFlow(thryve.forUser('alice'), 1).status).toBe('error');
  });
});

describe('the pending action store', () => {
  const TOKEN = '1060285265X4247109939067552841';

  it("trusts a clock up to a minute behind another tab's, and no further", () => {
    const storage = memory();
    const store = createPendingActionStore({ storage, now: () => 10_000_000 });
    store.save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN, startedAt: 10_060_000 });
    expect(store.peek('alice')).not.toBeNull();
    store.save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN, startedAt: 10_060_001 });
    expect(store.peek('alice')).toBeNull();
  });

  it("probes the storage without touching the host's own items", () => {
    sessionStorage.setItem('', 'the host’s');
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token: TOKEN });
    expect(sessionStorage.getItem('')).toBe('the host’s');
  });

  it('is wiped by clearThryveConnect in the storage the controller was given', () => {
    const storage = memory();
    createPendingActionStore({ storage }).save({
      userKey: 'a',
      action: 'connect',
      dataSource: 1,
      token: TOKEN,
    });
    clearThryveConnect(createThryveConnect({ fetcher: backend().fetcher }).queryClient, { storage });
    expect(storage.items.size).toBe(0);
  });
});

describe('small contracts', () => {
  it("a user's key prefix is the root of every key of theirs", () => {
    expect(userQueryKey('alice')).toEqual(sessionQueryKey('alice', 'en').slice(0, 2));
    expect(userQueryKey('alice')).toEqual(connectionsQueryKey('alice').slice(0, 2));
  });

  it('a failure that is not even an object is typed, and never retried', () => {
    for (const thrown of [null, undefined]) {
      expect(toThryveConnectError(thrown)).toMatchObject({ code: 'fetcher_error' });
      expect(shouldRetry(0, thrown)).toBe(false);
    }
  });

  it('a widget URL from the kit is one Thryve would send', () => {
    expect(widgetUrl()).toMatch(/^https:\/\/connect\.thryve\.de\/\?connectionSessionToken=\d+X\d+&/);
  });
});
