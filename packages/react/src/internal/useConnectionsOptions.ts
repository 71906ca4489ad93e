'use client';
import { applyConnectionsSeed, connectionsQueryKey } from '@thryve-connect/core';
import { useMemo } from 'react';
import type { explainDroppedSeeds } from '#is-development';
import type { ThryveConnectContextValue } from '../ThryveConnectContext.js';
import { connectionsOptionsOf } from './signedOutOptions.js';

/**
 * The signed-in user's connections options (fetching nothing while nobody is signed in), with the
 * provider's `initialConnections` taken into the cache first: during render, once per value, only if
 * they were read for this user and the cache has none, as the provider takes a session. Called only
 * by the parts that show statuses, so a page with just the widget ships none of it.
 *
 * `explain` (development builds only: the callers pass `IS_DEVELOPMENT ? explainDroppedSeeds : undefined`)
 * says why the statuses were not taken. This module does not import `#is-development` itself: when it
 * did, Next.js's Turbopack kept that module's `IS_DEVELOPMENT` as a live binding in every chunk, and
 * every development message of both packages shipped in production (the Next consumer's test caught it).
 */
export function useConnectionsOptions(
  context: Pick<ThryveConnectContextValue, 'user' | 'initialConnections' | 'locale'>,
  explain: typeof explainDroppedSeeds | undefined,
) {
  const { user, initialConnections, locale } = context;
  useMemo(() => {
    if (!user || !initialConnections) return;
    const cached =
      explain !== undefined &&
      user.thryve.queryClient.getQueryData(connectionsQueryKey(user.userKey)) !== undefined;
    const taken = applyConnectionsSeed(user, initialConnections);
    // Development only: why the statuses were not taken (untagged, another user's, not a list).
    if (explain && !taken && !cached) explain(user, 'initialConnections', initialConnections, locale);
  }, [user, initialConnections, locale, explain]);
  return connectionsOptionsOf(user);
}
