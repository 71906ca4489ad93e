'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * `false` on the server and while the page hydrates, `true` from then on (and at once in a page
 * rendered only on the client): markup that must match the server's HTML reads this, never `window`.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
