// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectDataSource,
  connectionsOptions,
  createPendingActionStore,
  createThryveConnect,
  getConnectionResult,
  getDataSourceFlow,
  POPUP_RESULT_CHANNEL,
  subscribeConnectionResult,
  type ThryveFetcher,
} from '../src/index.js';
import { backend } from './support/controllerKit.js';

// The opener's side of a popup connect: the popup's return page relays on a BroadcastChannel.

const RETURN = 'https://app.example/return';

async function aliceOpensPopup(fetcher: ThryveFetcher = backend().fetcher) {
  const thryve = createThryveConnect({ fetcher, navigate: () => undefined });
  thryve.setUser('alice');
  const alice = thryve.forUser('alice');
  const { token } = await alice.ensureSession('en');
  expect(connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: RETURN, mode: 'popup' })).toBe(
    'opened',
  );
  return { thryve, alice, token };
}

function relay(href: string) {
  const channel = new BroadcastChannel(POPUP_RESULT_CHANNEL);
  channel.postMessage({ type: 'result', href });
  channel.close();
}

afterEach(() => {
  sessionStorage.clear();
  vi.useRealTimers();
});

describe('a popup connect', () => {
  it("takes the relayed result that matches its pending action, and tells the page's listeners", async () => {
    const { thryve, alice, token } = await aliceOpensPopup();
    const heard = vi.fn();
    subscribeConnectionResult(thryve, alice, heard);
    relay(`${RETURN}?token=${token}&dataSource=1&connected=true`);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledOnce());
    expect(heard).toHaveBeenCalledWith({ status: 'connected', action: 'connect', dataSource: 1 });
    expect(getConnectionResult(thryve, alice)).toMatchObject({ status: 'connected' });
    expect(getDataSourceFlow(alice, 1).status).toBe('idle');
  });

  it("ignores a forged or another tab's relay, and keeps its own pending action for the real one", async () => {
    const { thryve, alice, token } = await aliceOpensPopup();
    const heard = vi.fn();
    subscribeConnectionResult(thryve, alice, heard);
    relay(`${RETURN}?token=1234X5678&dataSource=1&connected=true`);
    relay('not a url at all');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).not.toHaveBeenCalled();
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
    relay(`${RETURN}?token=${token}&dataSource=1&connected=false`);
    await vi.waitFor(() =>
      expect(heard).toHaveBeenCalledWith({ status: 'failed', action: 'connect', dataSource: 1 }),
    );
  });

  it('stops saying "connecting" when focus comes back with no result, and reads the statuses again', async () => {
    const { thryve, alice } = await aliceOpensPopup();
    vi.useFakeTimers();
    const invalidate = vi.spyOn(thryve.queryClient, 'invalidateQueries');
    window.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(2_999);
    expect(getDataSourceFlow(alice, 1).status).toBe('connecting');
    vi.advanceTimersByTime(1);
    expect(getDataSourceFlow(alice, 1).status).toBe('idle');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: connectionsOptions(alice).queryKey });
    // Only the screen gave up: a result that arrives later still counts.
    expect(createPendingActionStore().peek('alice')).not.toBeNull();
  });

  it('falls back as a blocked tab does: the link, and the result still relayed here', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher, navigate: () => 'blocked' });
    const alice = thryve.forUser('alice');
    await alice.ensureSession('en');
    expect(
      connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: RETURN, mode: 'popup' }),
    ).toBe('blocked');
    expect(getDataSourceFlow(alice, 1)).toMatchObject({ status: 'error', error: { code: 'popup_blocked' } });
    expect(getDataSourceFlow(alice, 1).fallbackUrl).toContain(encodeURIComponent(RETURN));
  });

  it('keeps a blocked popup\'s link when focus comes back: only a "connecting" row is reset', async () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher, navigate: () => 'blocked' });
    const alice = thryve.forUser('alice');
    await alice.ensureSession('en');
    connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: RETURN, mode: 'popup' });
    vi.useFakeTimers();
    window.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(5_000);
    expect(getDataSourceFlow(alice, 1)).toMatchObject({ status: 'error', error: { code: 'popup_blocked' } });
  });

  it('ignores a relay once its user has signed out, and one dated by a clock that says it is stale', async () => {
    const { thryve, alice, token } = await aliceOpensPopup();
    const heard = vi.fn();
    subscribeConnectionResult(thryve, alice, heard);
    thryve.setUser('bob');
    relay(`${RETURN}?token=${token}&dataSource=1&connected=true`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).not.toHaveBeenCalled();

    let now = Date.now();
    const later = createThryveConnect({
      fetcher: backend().fetcher,
      navigate: () => undefined,
      now: () => now,
    });
    const carol = later.forUser('carol');
    const session = await carol.ensureSession('en');
    connectDataSource(carol, { locale: 'en', dataSource: 2, redirectUri: RETURN, mode: 'popup' });
    const carols = vi.fn();
    subscribeConnectionResult(later, carol, carols);
    now += 31 * 60_000; // past the 30 minutes a pending action is trusted, by this controller's clock
    relay(`${RETURN}?token=${session.token}&dataSource=2&connected=true`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(carols).not.toHaveBeenCalled();
  });

  it('does not wait where there is no BroadcastChannel', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      await aliceOpensPopup();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('waits once per user: a second popup connect replaces the first wait, so focus rereads once', async () => {
    const { thryve, alice } = await aliceOpensPopup();
    await alice.ensureSession('en');
    connectDataSource(alice, { locale: 'en', dataSource: 2, redirectUri: RETURN, mode: 'popup' });
    vi.useFakeTimers();
    const invalidate = vi.spyOn(thryve.queryClient, 'invalidateQueries');
    window.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(3_000);
    expect(invalidate).toHaveBeenCalledOnce();
  });
});
