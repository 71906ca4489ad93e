import type { DataSourceId } from '../dataSources.js';
import { DEFAULT_PENDING_MAX_AGE_MS, parseConnectionResult } from '../parseConnectionResult.js';
import { connectionsQueryKey } from '../queryKeys.js';
import { readConnectionResult } from '../readConnectionResult.js';
import { POPUP_RESULT_CHANNEL } from '../relayConnectionResult.js';
import { deliverConnectionResult } from '../subscribeConnectionResult.js';
import type { ThryveUser } from '../ThryveUser.js';
import { flowStore } from './flowStore.js';

const waiting = new WeakMap<ThryveUser, () => void>();

/** After focus comes back with no result for this long, the popup counts as abandoned (for the UI only). */
export const POPUP_ABANDONED_AFTER_MS = 3_000;

/**
 * Waits for the popup's return page to relay the result (see `relayConnectionResult`). Only a result
 * that matches this tab's pending action is taken: another tab's relay is left alone. The link to the
 * popup is cut (its opener is null, and pages of the consent chain may set COOP), so a closed popup
 * cannot be seen: when focus comes back and no result follows, the row stops saying "Connecting…"
 * and the statuses are read again. The pending action stays: a result that arrives later still counts.
 */
export function awaitPopupResult(user: ThryveUser, dataSource: DataSourceId): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // One wait per user: a new popup connect replaces the pending action, so an older wait has nothing
  // left to match and is stopped rather than left open for half an hour per click.
  waiting.get(user)?.();
  const store = flowStore(user);
  const channel = new BroadcastChannel(POPUP_RESULT_CHANNEL);
  let abandon: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (waiting.get(user) === stop) waiting.delete(user);
    channel.close();
    clearTimeout(abandon);
    clearTimeout(expiry);
    window.removeEventListener('focus', onFocus);
  };
  // Bounded: nobody waits longer than a pending action is trusted.
  const expiry = setTimeout(stop, DEFAULT_PENDING_MAX_AGE_MS);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const href = (event.data as { type?: unknown; href?: unknown } | null)?.href;
    if (typeof href !== 'string' || !user.active) return;
    const peeked = parseConnectionResult(href, store.peekPendingAction(), { now: user.thryve.now() });
    if (peeked.status === 'none' || peeked.status === 'unmatched') return;
    stop();
    deliverConnectionResult(user, readConnectionResult(user, { href }));
  };
  const onFocus = () => {
    clearTimeout(abandon);
    abandon = setTimeout(() => {
      if (store.get(dataSource).status === 'connecting') store.set(dataSource, { status: 'idle' });
      void user.thryve.queryClient.invalidateQueries({ queryKey: connectionsQueryKey(user.userKey) });
    }, POPUP_ABANDONED_AFTER_MS);
  };
  window.addEventListener('focus', onFocus);
  waiting.set(user, stop);
}
