import type { QueryClient } from '@tanstack/react-query';
import {
  type ConnectionSessionQueryConfig,
  connectionSessionQueryOptions,
} from './connectionSessionQueryOptions.js';

/**
 * Warms the session before a widget mounts (e.g. on hover of "Connect devices"), under the same key
 * the components use, so they render the widget at once. Resolves when done; never rejects, because a
 * failed prefetch is retried by the component that needs the session.
 */
export async function prefetchConnectionSession(
  queryClient: QueryClient,
  config: ConnectionSessionQueryConfig,
): Promise<void> {
  await queryClient.prefetchQuery(connectionSessionQueryOptions(config));
}
