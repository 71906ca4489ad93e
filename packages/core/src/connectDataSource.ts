import { IS_DEVELOPMENT } from '#is-development';
import { buildConnectUrl } from './buildConnectUrl.js';
import type { DataSourceId } from './dataSources.js';
import { flowStore } from './internal/flowStore.js';
import { awaitPopupResult } from './internal/popupResult.js';
import { resolveRedirectUri } from './internal/url.js';
import type { Locale } from './locales.js';
import { defaultNavigate } from './navigate.js';
import { connectionsQueryKey } from './queryKeys.js';
import { ThryveConnectError } from './ThryveConnectError.js';
import type { ThryveUser } from './ThryveUser.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/** What {@link connectDataSource} did. */
export type ConnectOutcome = 'navigated' | 'opened' | 'blocked' | 'not_ready' | 'failed';

/** Input of {@link connectDataSource}. */
export interface ConnectDataSourceOptions {
  locale: Locale;
  dataSource: DataSourceId;
  /**
   * Where Thryve sends the user back (on your allow-list at Thryve): a full URL, or a path (`/devices`)
   * on this page's origin. With it, this window navigates and the result is read there; without it,
   * Thryve opens in a new tab.
   */
  redirectUri?: string | undefined;
  /**
   * `popup`: connect in a sized popup, the way OAuth does; `redirectUri` is then the popup's return page,
   * which relays the result here (`relayConnectionResult`) and closes. Default: `redirect` (this window,
   * or a tab without a `redirectUri`).
   */
  mode?: 'redirect' | 'popup' | undefined;
}

/**
 * Starts connecting a source for `user` through Thryve's direct URL, synchronously: call it straight
 * from the click handler. It builds the URL from the session that is ready now (no `await` between the
 * click and the navigation, so no browser blocks the new tab), remembers the action for the redirect
 * back, and navigates or opens a tab. A blocked tab is detected and a fallback offered in the source's
 * flow (`getDataSourceFlow`). Never throws: failures land in the flow and the outcome.
 */
export function connectDataSource(user: ThryveUser, options: ConnectDataSourceOptions): ConnectOutcome {
  const { locale, dataSource, redirectUri } = options;
  if (!user.active) return 'not_ready';
  const store = flowStore(user);
  const session = user.getSession(locale);
  if (session.status !== 'ready') {
    // None yet, a failed or an old one: fetch one for the next click. A request already in flight is
    // joined, not repeated, so impatient clicks cost one request.
    void user.refreshSession(locale);
    return 'not_ready';
  }
  const { token } = session.session;
  let url: string;
  try {
    url = connectUrlFor(user, token, dataSource, redirectUri);
  } catch (error) {
    store.set(dataSource, { status: 'error', error: toThryveConnectError(error) });
    return 'failed';
  }
  const navigate = user.thryve.navigate ?? defaultNavigate;
  if (redirectUri !== undefined && options.mode === 'popup') {
    store.savePendingAction({ action: 'connect', dataSource, token });
    // Also when blocked: the link offered instead opens a tab whose return page relays here all the same.
    awaitPopupResult(user, dataSource);
    if (navigate({ url, target: 'popup', action: 'connect' }) === 'blocked') {
      return blocked(user, dataSource, url);
    }
    store.set(dataSource, { status: 'connecting' });
    user.thryve.emit({ type: 'CONNECT_STARTED', dataSource, target: 'popup' });
    return 'opened';
  }
  if (redirectUri !== undefined) {
    store.savePendingAction({ action: 'connect', dataSource, token });
    store.set(dataSource, { status: 'connecting' });
    user.thryve.emit({ type: 'CONNECT_STARTED', dataSource, target: 'self' });
    navigate({ url, target: 'self', action: 'connect' });
    return 'navigated';
  }
  if (navigate({ url, target: 'tab', action: 'connect' }) === 'blocked') {
    return blocked(user, dataSource, url);
  }
  user.thryve.emit({ type: 'CONNECT_STARTED', dataSource, target: 'tab' });
  store.set(dataSource, { status: 'connecting' });
  const { queryClient } = user.thryve;
  // The token may be single-use (Thryve does not say): the next click gets a fresh one.
  void queryClient.invalidateQueries({ queryKey: user.sessionOptions(locale).queryKey });
  // The user comes back to this page when done there: read the statuses again then, once.
  window.addEventListener(
    'focus',
    () => {
      if (store.get(dataSource).status === 'connecting') store.set(dataSource, { status: 'idle' });
      void queryClient.invalidateQueries({ queryKey: connectionsQueryKey(user.userKey) });
    },
    { once: true },
  );
  return 'opened';
}

/** Thryve's connect page for `user`'s token; a `redirectUri` path is resolved against this page now. */
function connectUrlFor(
  user: ThryveUser,
  token: string,
  dataSource: DataSourceId,
  redirectUri: string | undefined,
): string {
  return buildConnectUrl({
    token,
    dataSource,
    redirectUri: resolveRedirectUri(redirectUri),
    hosts: user.thryve.hosts,
  });
}

function blocked(user: ThryveUser, dataSource: DataSourceId, url: string): 'blocked' {
  flowStore(user).set(dataSource, {
    status: 'error',
    error: new ThryveConnectError(
      'popup_blocked',
      IS_DEVELOPMENT ? 'The browser blocked the new tab or window for the connection.' : '',
    ),
    fallbackUrl: url,
  });
  user.thryve.emit({ type: 'ERROR', code: 'popup_blocked', dataSource });
  return 'blocked';
}

/**
 * After a blocked tab: goes to Thryve's connect page in this window instead, with `redirectUri` as the
 * way back (it must be on your allow-list at Thryve), remembering the action so the result is read
 * when the user returns. Without a `redirectUri` it does nothing and returns `false`: Thryve would
 * leave the user on its own result page with no way back, so offer the flow's `fallbackUrl` as a link
 * that opens a new tab instead.
 */
export function continueConnectInThisWindow(
  user: ThryveUser,
  options: { dataSource: DataSourceId; redirectUri?: string | undefined },
): boolean {
  const { dataSource, redirectUri } = options;
  const store = flowStore(user);
  const { fallbackUrl } = store.get(dataSource);
  const token = fallbackUrl ? new URL(fallbackUrl).searchParams.get('token') : null;
  if (!token || redirectUri === undefined) return false;
  let url: string;
  try {
    url = connectUrlFor(user, token, dataSource, redirectUri);
  } catch (error) {
    store.set(dataSource, { status: 'error', error: toThryveConnectError(error), fallbackUrl });
    return false;
  }
  store.savePendingAction({ action: 'connect', dataSource, token });
  store.set(dataSource, { status: 'connecting' });
  user.thryve.emit({ type: 'CONNECT_STARTED', dataSource, target: 'self' });
  (user.thryve.navigate ?? defaultNavigate)({ url, target: 'self', action: 'connect' });
  return true;
}
