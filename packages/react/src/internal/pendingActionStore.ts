import { createPendingActionStore, type PendingActionStore } from '@thryve-connect/core';

let store: PendingActionStore | undefined;

/**
 * The page's pending-action store, created on first use by the custom-screen hooks. Kept out of the
 * provider, so an app that only shows the widget does not ship it; sessionStorage makes one per page
 * the right scope anyway (the redirect reloads the page).
 */
export function pendingActionStore(): PendingActionStore {
  store ??= createPendingActionStore();
  return store;
}
