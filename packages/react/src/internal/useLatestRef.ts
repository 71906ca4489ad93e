'use client';
import { useInsertionEffect, useRef } from 'react';

/**
 * Holds the latest value of a prop (a callback, mostly) without making it a dependency: a host that
 * passes a new `onLoad` arrow function on every render must not reload the iframe.
 */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  // Updated before layout effects run, so effects and event handlers always see the current value.
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
