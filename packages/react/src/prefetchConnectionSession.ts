import type { Locale, ThryveConnect } from '@thryve-connect/core';

/**
 * Warms a user's session before a widget mounts (e.g. on hover of "Connect devices"), under the same
 * key the components use, so they render the widget at once. Resolves when done; never rejects, because
 * a failed prefetch is retried by the component that needs the session.
 */
export async function prefetchConnectionSession(
  client: ThryveConnect,
  userKey: string,
  locale: Locale,
): Promise<void> {
  await client.queryClient.prefetchQuery(client.sessionOptions(userKey, locale) as never);
}
