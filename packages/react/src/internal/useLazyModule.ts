'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * A module the first paint does not need, fetched on first use (`import()`: its own file in our build,
 * its own chunk in the app's): `get()` once it is here, `load()` fetches it or joins the fetch. A failed
 * fetch (offline) is not remembered: the next `load()` tries again.
 */
export interface LazyModule<T> {
  get(): T | undefined;
  load(): Promise<T>;
  subscribe(listener: () => void): () => void;
}

/** Wraps `() => import('…')`; nothing is fetched until a component asks. */
/* @__NO_SIDE_EFFECTS__ */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let module: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => module,
    load: () =>
      (pending ??= importer().then(
        (loaded) => {
          module = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const notOnTheServer = () => undefined;

/**
 * The module once it is here, fetching it while `wanted`. `undefined` on the server and while the page
 * hydrates, whatever is cached (the server's HTML and the first render in the browser show the same
 * placeholder), and while it loads; `failed` when the fetch failed (`retry` fetches again).
 */
export function useLazyModule<T>(
  lazy: LazyModule<T>,
  wanted = true,
): { module: T | undefined; failed: boolean; retry: () => void } {
  const module = useSyncExternalStore(lazy.subscribe, lazy.get, notOnTheServer);
  const [attempt, setAttempt] = useState(0);
  const [failedAttempt, setFailedAttempt] = useState(-1);
  useEffect(() => {
    if (wanted && !module) lazy.load().catch(() => setFailedAttempt(attempt));
  }, [lazy, wanted, module, attempt]);
  return { module, failed: !module && failedAttempt === attempt, retry: () => setAttempt(attempt + 1) };
}
