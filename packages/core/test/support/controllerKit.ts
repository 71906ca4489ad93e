import { QueryObserver } from '@tanstack/query-core';
import { vi } from 'vitest';
import type { ThryveConnect, ThryveFetcher, ThryveUser } from '../../src/index.js';

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
  return new QueryObserver(thryve.queryClient, thryve.forUser(userKey).sessionOptions(locale)).subscribe(
    () => {},
  );
}

/**
 * A handle whose user is no longer signed in (what a component of the previous render may still hold):
 * it must change nothing. Made without touching the controller's current user.
 */
export function signedOutUser(thryve: ThryveConnect): ThryveUser {
  const user = thryve.forUser('signed-out-user');
  (user as { active: boolean }).active = false;
  return user;
}
