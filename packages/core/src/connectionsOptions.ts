import type { ConnectionsQueryOptions } from './createThryveConnect.js';
import { connectionsQueryKey } from './queryKeys.js';
import { RETRY_OPTIONS } from './sessionPolicy.js';
import type { ThryveUser } from './ThryveUser.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/**
 * Query options of a user's connected sources (the same key and rules everywhere), for `useQuery` or
 * `fetchQuery`; disabled when the fetcher has no `getConnections`. A function of its own, not a method
 * of the user's handle: an app that shows only the widget never bundles it.
 */
export function connectionsOptions(user: ThryveUser): ConnectionsQueryOptions {
  const { getConnections } = user.thryve.fetcher;
  return {
    queryKey: connectionsQueryKey(user.userKey),
    queryFn: async ({ signal }) => {
      try {
        return getConnections ? await getConnections({ signal }) : [];
      } catch (error) {
        throw toThryveConnectError(error);
      }
    },
    enabled: Boolean(getConnections),
    staleTime: 30_000,
    ...RETRY_OPTIONS,
  };
}
