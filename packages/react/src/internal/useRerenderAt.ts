'use client';
import { useEffect, useState } from 'react';

/** The longest delay `setTimeout` takes; a longer one fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Renders the component again once `at` (epoch ms, on `clock`) has passed, so that a value derived
 * from the time (a session that stops being usable) changes on its own. Nothing when `at` is
 * `undefined` or already past: the render that computed it saw the time after it.
 */
export function useRerenderAt(at: number | undefined, clock: { now(): number }): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (at === undefined) return;
    const delay = at - clock.now();
    if (delay <= 0) return;
    // One past `at`: a render exactly at `at` would still read the value as unchanged.
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.min(delay + 1, MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [at, clock]);
}
