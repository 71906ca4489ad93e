import { IS_DEVELOPMENT } from '#is-development';
import { buildConnectUrl } from './buildConnectUrl.js';
import type { ThryveConnect } from './createThryveConnect.js';
import type { DataSourceId } from './dataSources.js';
import { flowStore } from './internal/flowStore.js';
import type { Locale } from './locales.js';
import { connectionsQueryKey, sessionQueryKey } from './queryKeys.js';
import { ThryveConnectError } from './ThryveConnectError.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/** What {@link connectDataSource} did. */
export type ConnectOutcome = 'navigated' | 'opened' | 'blocked' | 'not_ready' | 'failed';

/** Input of {@link connectDataSource}. */
export interface ConnectDataSourceOptions {
  /** The signed-in user (`null`: nobody, nothing happens). */
  userKey: string | null;
  locale: Locale;
  dataSource: DataSourceId;
  /**
   * Where Thryve sends the user back (on your allow-list at Thryve). With it, this window navigates and
   * `readConnectionResult` reads the outcome there; without it, Thryve opens in a new tab.
   */
  redirectUri?: string | undefined;
}

/**
 * Starts connecting a source through Thryve's direct URL, synchronously: call it straight from the
 * click handler. It builds the URL from the session that is ready now (no `await` between the click
 * and the navigation, so no browser blocks the new tab), remembers the action for the redirect back,
 * and navigates or opens a tab. A blocked tab is detected and a same-window fallback offered in the
 * source's flow (`getDataSourceFlow`). Never throws: failures land in the flow and the outcome.
 */
export function connectDataSource(thryve: ThryveConnect, options: ConnectDataSourceOptions): ConnectOutcome {
  const { userKey, locale, dataSource, redirectUri } = options;
  if (userKey === null) return 'not_ready';
  const store = flowStore(thryve);
  const session = thryve.getSession(userKey, locale);
  if (session.status !== 'ready') {
    // None yet, a failed or an old one: fetch one for the next click. A request already in flight is
    // joined, not repeated, so impatient clicks cost one request.
    void thryve.refreshSession(userKey, locale);
    return 'not_ready';
  }
  const { token } = session.session;
  let url: string;
  try {
    url = buildConnectUrl({ token, dataSource, redirectUri, hosts: thryve.hosts });
  } catch (error) {
    store.set(userKey, dataSource, { status: 'error', error: toThryveConnectError(error) });
    return 'failed';
  }
  if (redirectUri !== undefined) {
    store.pendingActions.save({ userKey, action: 'connect', dataSource, token });
    store.set(userKey, dataSource, { status: 'connecting' });
    window.location.assign(url);
    return 'navigated';
  }
  // Not 'noopener': with it window.open always returns null, and a blocked tab could not be told
  // apart. The opener is cut right away instead, before the new page can run any script.
  const opened = window.open(url, '_blank');
  if (!opened) {
    store.set(userKey, dataSource, {
      status: 'error',
      error: new ThryveConnectError(
        'popup_blocked',
        IS_DEVELOPMENT ? 'The browser blocked the new tab for the connection.' : '',
      ),
      fallbackUrl: url,
    });
    return 'blocked';
  }
  opened.opener = null;
  store.set(userKey, dataSource, { status: 'connecting' });
  // The token may be single-use (Thryve does not say): the next click gets a fresh one.
  void thryve.queryClient.invalidateQueries({ queryKey: sessionQueryKey(userKey, locale) });
  // The user comes back to this page when done there: read the statuses again then, once.
  window.addEventListener(
    'focus',
    () => {
      if (store.get(userKey, dataSource).status === 'connecting') {
        store.set(userKey, dataSource, { status: 'idle' });
      }
      void thryve.queryClient.invalidateQueries({ queryKey: connectionsQueryKey(userKey) });
    },
    { once: true },
  );
  return 'opened';
}

/**
 * After a blocked tab: goes to the connect page in this window instead (remembering the action, so the
 * result is read when the user comes back). Returns `false` when there is no fallback to follow.
 */
export function continueConnectInThisWindow(
  thryve: ThryveConnect,
  options: { userKey: string | null; dataSource: DataSourceId },
): boolean {
  const { userKey, dataSource } = options;
  if (userKey === null) return false;
  const store = flowStore(thryve);
  const { fallbackUrl } = store.get(userKey, dataSource);
  const token = fallbackUrl ? new URL(fallbackUrl).searchParams.get('token') : null;
  if (!fallbackUrl || !token) return false;
  store.pendingActions.save({ userKey, action: 'connect', dataSource, token });
  store.set(userKey, dataSource, { status: 'connecting' });
  window.location.assign(fallbackUrl);
  return true;
}
