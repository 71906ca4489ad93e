import { connectionsQueryKey } from './queryKeys.js';
import { userFingerprint } from './seeds.js';
import type { ThryveUser } from './ThryveUser.js';

/** One channel per user: a tab of another user never hears it (the name carries a fingerprint). */
function channelOf(user: ThryveUser): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined'
    ? undefined
    : new BroadcastChannel(`thryve-connect:${userFingerprint(user.userKey)}`);
}

/**
 * Tells the user's other tabs that a connect or revoke finished here. The message carries nothing:
 * any script on the origin can post one, so it is only a prompt to read the statuses again.
 */
export function announceConnectionChange(user: ThryveUser): void {
  const channel = channelOf(user);
  channel?.postMessage('changed');
  channel?.close();
}

/**
 * While subscribed, a connect or revoke that finishes in another tab of the same user makes this tab
 * read the user's statuses again at once (joined with a read already on its way, so a flood of
 * messages costs no more than one read at a time). Returns the unsubscribe function.
 */
export function syncAcrossTabs(user: ThryveUser): () => void {
  const channel = channelOf(user);
  if (!channel) return () => {};
  channel.onmessage = () => {
    if (!user.active) return;
    void user.thryve.queryClient.invalidateQueries(
      { queryKey: connectionsQueryKey(user.userKey) },
      { cancelRefetch: false },
    );
  };
  return () => channel.close();
}
