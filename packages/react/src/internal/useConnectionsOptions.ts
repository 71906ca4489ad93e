'use client';
import { applyConnectionsSeed, connectionsQueryKey } from '@thryve-connect/core';
import { useMemo } from 'react';
import { explainDroppedSeeds, IS_DEVELOPMENT } from '#is-development';
import type { ThryveConnectContextValue } from '../ThryveConnectContext.js';
import { connectionsOptionsOf } from './signedOutOptions.js';

/**
 * The signed-in user's connections options (fetching nothing while nobody is signed in), with the
 * provider's `initialConnections` taken into the cache first: during render, once per value, only if
 * they were read for this user and the cache has none, as the provider takes a session. Called only
 * by the parts that show statuses, so a page with just the widget ships none of it.
 */
export function useConnectionsOptions(
  context: Pick<ThryveConnectContextValue, 'user' | 'initialConnections' | 'locale'>,
) {
  const { user, initialConnections, locale } = context;
  useMemo(() => {
    if (!user || !initialConnections) return;
    const cached =
      IS_DEVELOPMENT && user.thryve.queryClient.getQueryData(connectionsQueryKey(user.userKey)) !== undefined;
    const taken = applyConnectionsSeed(user, initialConnections);
    // Development only: why the statuses were not taken (untagged, another user's, not a list).
    if (IS_DEVELOPMENT && !taken && !cached) {
      explainDroppedSeeds(user, 'initialConnections', initialConnections, locale);
    }
  }, [user, initialConnections, locale]);
  return connectionsOptionsOf(user);
}
