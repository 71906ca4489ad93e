import { queryOptions } from '@tanstack/react-query';
import { type ConnectedSource, isThryveConnectError, type ThryveFetcher } from '@thryve-connect/core';
import { THRYVE_QUERY_KEY } from './connectionSessionQueryOptions.js';
import { toThryveConnectError } from './internal/toThryveConnectError.js';

/** The query key of the signed-in user's connected sources: invalidate it after a change you made. */
export function connectionsQueryKey() {
  return [THRYVE_QUERY_KEY, 'connections'] as const;
}

/**
 * React Query options for the user's connected sources, read through the fetcher's `getConnections`
 * (the backend's connections route). Disabled when the fetcher has none: statuses are then unknown.
 */
export function connectionsQueryOptions(config: { fetcher: ThryveFetcher }) {
  const { getConnections } = config.fetcher;
  return queryOptions({
    queryKey: connectionsQueryKey(),
    queryFn: async ({ signal }): Promise<ConnectedSource[]> => {
      if (!getConnections) return [];
      try {
        return await getConnections({ signal });
      } catch (error) {
        throw toThryveConnectError(error);
      }
    },
    enabled: Boolean(getConnections),
    staleTime: 30_000,
    retry: (failureCount, error) => isThryveConnectError(error) && error.retryable && failureCount < 3,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
  });
}
