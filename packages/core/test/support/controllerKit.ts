import { QueryObserver } from '@tanstack/query-core';
import { vi } from 'vitest';
import type { ThryveConnect, ThryveFetcher } from '../../src/index.js';

// What the controller's tests share: the host's backend (the one edge they cannot reach), a widget URL
// Thryve would answer, and jsdom's missing navigation.

export const THRYVE_ORIGIN = 'https://connect.thryve.de';

let sequence = 2_000_000_000;

/** A new widget URL of Thryve's shape, with a token never used before. */
export const widgetUrl = () =>
  `${THRYVE_ORIGIN}/?connectionSessionToken=${++sequence}X4247109939067552841&platform=web&lang=en`;

/** The session token a widget URL carries. */
export const tokenOf = (url: string) => new URL(url).searchParams.get('connectionSessionToken') as string;

/** The host's backend: answers `answer()` and records every call. */
export function backend(answer: () => object = () => ({ url: widgetUrl() })) {
  const calls: Array<{ locale: string; signal?: AbortSignal | undefined }> = [];
  const fetcher: ThryveFetcher = async (request) => {
    calls.push(request);
    return answer() as { url: string };
  };
  return { fetcher, calls };
}

/** jsdom cannot navigate: the one browser API these tests replace (real navigation is in the e2e tests). */
export function stubAssign() {
  const assign = vi.fn<(url: string) => void>();
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as unknown as Location);
  return assign;
}

/** A component showing `userKey`'s session: returns its unmount. */
export function observe(thryve: ThryveConnect, userKey: string, locale: 'en' | 'de' = 'en') {
  return new QueryObserver(thryve.queryClient, thryve.sessionOptions(userKey, locale)).subscribe(() => {});
}
