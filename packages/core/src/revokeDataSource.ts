import { IS_DEVELOPMENT } from '#is-development';
import { buildRevokeUrl } from './buildRevokeUrl.js';
import type { ConnectedSource } from './ConnectionSession.js';
import type { DataSourceId } from './dataSources.js';
import { flowStore } from './internal/flowStore.js';
import { resolveRedirectUri } from './internal/url.js';
import type { Locale } from './locales.js';
import { defaultNavigate } from './navigate.js';
import { connectionsQueryKey } from './queryKeys.js';
import { announceConnectionChange } from './syncAcrossTabs.js';
import { ThryveConnectError } from './ThryveConnectError.js';
import type { ThryveUser } from './ThryveUser.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/** Input of {@link revokeDataSource}. */
export interface RevokeDataSourceOptions {
  locale: Locale;
  dataSource: DataSourceId;
  /** `background` (default): revoke without leaving the page. `redirect`: navigate (needs `redirectUri`). */
  mode?: 'background' | 'redirect' | undefined;
  /** Where Thryve sends the user back after a `redirect` revoke: a full URL, or a path on this origin. */
  redirectUri?: string | undefined;
}

/**
 * Disconnects a source. In the background (default) it goes through the fetcher's `revoke` (your
 * backend) when there is one, else through a credential-less GET of Thryve's revoke page with a fresh
 * session; the source shows as disconnected at once and comes back if the revoke fails. With
 * `mode: 'redirect'` this window navigates to Thryve's revoke page and the result is read on return.
 * Resolves when done; rejects with a {@link ThryveConnectError}, which the source's flow also holds.
 */
export async function revokeDataSource(user: ThryveUser, options: RevokeDataSourceOptions): Promise<void> {
  const { locale, dataSource, redirectUri } = options;
  if (!user.active) {
    throw new ThryveConnectError(
      'unauthorized',
      IS_DEVELOPMENT ? 'This user is no longer signed in: there is nothing to revoke.' : '',
    );
  }
  const { thryve } = user;
  const store = flowStore(user);
  const fail = (error: unknown) => {
    const typed = toThryveConnectError(error);
    store.set(dataSource, { status: 'error', error: typed });
    thryve.emit({ type: 'REVOKE_RESULT', dataSource, status: 'failed', code: typed.code });
    return typed;
  };

  if (options.mode === 'redirect') {
    const session = user.getSession(locale);
    if (redirectUri === undefined || session.status !== 'ready') {
      throw fail(
        new ThryveConnectError(
          redirectUri === undefined ? 'invalid_redirect_uri' : 'session_expired',
          IS_DEVELOPMENT
            ? redirectUri === undefined
              ? "A 'redirect' revoke needs a redirectUri."
              : 'The session is not ready yet.'
            : '',
        ),
      );
    }
    let url: string;
    try {
      url = buildRevokeUrl({
        token: session.session.token,
        dataSource,
        redirectUri: resolveRedirectUri(redirectUri),
        hosts: thryve.hosts,
      });
    } catch (error) {
      throw fail(error);
    }
    store.savePendingAction({ action: 'revoke', dataSource, token: session.session.token });
    store.set(dataSource, { status: 'revoking' });
    thryve.emit({ type: 'REVOKE_STARTED', dataSource, target: 'self' });
    (thryve.navigate ?? defaultNavigate)({ url, target: 'self', action: 'revoke' });
    return;
  }

  const { queryClient, fetcher } = thryve;
  const key = connectionsQueryKey(user.userKey);
  store.set(dataSource, { status: 'revoking' });
  thryve.emit({ type: 'REVOKE_STARTED', dataSource, target: 'background' });
  // Optimistic: the source shows as disconnected at once, and comes back if the revoke fails.
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueryData<ConnectedSource[]>(key);
  if (previous) {
    queryClient.setQueryData<ConnectedSource[]>(
      key,
      previous.filter((item) => item.dataSource !== dataSource),
    );
  }
  try {
    if (fetcher.revoke) {
      await fetcher.revoke({ dataSource });
    } else {
      // No user gesture to keep here: a background revoke may wait for a fresh session.
      const { token } = await user.ensureSession(locale);
      const url = buildRevokeUrl({ token, dataSource, hosts: thryve.hosts });
      // Thryve's revoke page is a plain GET that needs no answer we could read: no-cors, no cookies,
      // no referrer. Only a network failure is visible, and reported.
      try {
        await fetch(url, {
          mode: 'no-cors',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          cache: 'no-store',
        });
      } catch (cause) {
        throw new ThryveConnectError(
          'network_error',
          IS_DEVELOPMENT ? "Could not reach Thryve's revoke page." : '',
          {
            cause,
          },
        );
      } finally {
        // The token may be single-use: the next action gets a fresh one.
        void queryClient.invalidateQueries({ queryKey: user.sessionOptions(locale).queryKey });
      }
    }
    store.set(dataSource, { status: 'idle' });
    thryve.emit({ type: 'REVOKE_RESULT', dataSource, status: 'revoked' });
    announceConnectionChange(user);
  } catch (error) {
    if (previous && user.active) queryClient.setQueryData(key, previous);
    throw fail(error);
  } finally {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
