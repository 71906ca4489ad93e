'use client';
import {
  type DataSourceId,
  type FormConnectionResult,
  getDataSource,
  type Locale,
  type ThryveConnectError,
} from '@thryve-connect/core';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Consent } from './Consent.js';
import { DataSourceRow } from './DataSourceRow.js';
import { ConsentNotice } from './internal/ConsentNotice.js';
import { mergeMessages } from './internal/mergeMessages.js';
import { NativeSourceRow, type NativeSourcesAction } from './internal/NativeSourceRow.js';
import { PickerContext, type PickerContextValue, type RenderSourceProps } from './internal/PickerContext.js';
import { rootAttributes } from './internal/rootAttributes.js';
import { sourceName } from './internal/sourceName.js';
import { useConsent } from './internal/useConsent.js';
import { useLatestRef } from './internal/useLatestRef.js';
import { lazyModule, useLazyModule } from './internal/useLazyModule.js';
import { type PickerMessages, pickerMessagesEn } from './pickerMessages.js';
import { useThryveConnect } from './ThryveConnectContext.js';
import { type ConnectionResultSource, useConnectionResult } from './useConnectionResult.js';
import { useConnectionSession } from './useConnectionSession.js';
import { type DataSourceWithStatus, type UseDataSourcesOptions, useDataSources } from './useDataSources.js';
import { errorMessage, type MessageOverrides, widgetMessagesEn } from './widgetMessages.js';

// The search box loads when the picker first offers one; until then its place is held.
const pickerSearch = lazyModule(() => import('./lazy/PickerSearch.js'));

/** Props of {@link DataSourcePicker}. */
export interface DataSourcePickerProps extends UseDataSourcesOptions {
  /**
   * Where Thryve sends the user back after connecting (on your allow-list at Thryve). With it, connect
   * navigates this window and the picker reads the result when the page loads again; without it, a
   * new tab opens.
   */
  redirectUri?: string;
  /** `background` (default) revokes without leaving the page; `redirect` navigates (needs `redirectUri`). */
  revokeMode?: 'background' | 'redirect';
  /**
   * `popup`: connect in a sized popup, the way OAuth does; `redirectUri` is then the popup's return page,
   * which calls `relayConnectionResult()` from `@thryve-connect/core`. Default `redirect`.
   */
  mode?: 'redirect' | 'popup';
  /**
   * A privacy notice shown above the sources until the user accepts it. The Connect click accepts it:
   * `consent.onAccept(version)` is called in that click, before Thryve's page opens.
   */
  consent?: Consent;
  /**
   * Lists the native sources (Apple Health, Health Connect, Samsung Health, ShenAI) with their status
   * and "Connect in our app": a link (`href`) or your callback (`onSelect`). A web page cannot connect
   * them; without this option they are left out. `exclude` hides the ones your app does not offer.
   */
  nativeSources?: NativeSourcesAction;
  /** `list` (default) or `grid`. */
  layout?: 'list' | 'grid';
  /** Ask before disconnecting. Default `true`: a disconnect stops the data the user shares. */
  confirmDisconnect?: boolean;
  /** Texts' language. Default: the provider's locale; its texts come from the provider's `messages`, else English. */
  locale?: Locale;
  /** Texts to override, over the provider's `messages` for the locale. */
  messages?: MessageOverrides<PickerMessages>;
  /** Renders each source yourself, with its connection controls. */
  renderSource?: (props: RenderSourceProps) => ReactNode;
  /** Renders a source's icon (default: a monogram). */
  renderIcon?: (source: DataSourceWithStatus) => ReactNode;
  className?: string;
  /** Leaves out the root class that the stylesheet hangs on: the markup keeps its class names as hooks. */
  unstyled?: boolean;
  /** Accessible name of the list. Default: "Data sources". */
  label?: string;
  /**
   * A search box over the sources' names. Default `'auto'`: shown when the picker lists more than
   * {@link SEARCH_THRESHOLD} sources. `false` never, `true` always.
   */
  search?: boolean | 'auto';
  /** Show "Connected since …" under a connected source (when the backend says when). Default `true`. */
  showConnectedSince?: boolean;
  /** A connect started here succeeded (read after the redirect back), with the source's name as shown. */
  onConnected?: (dataSource: DataSourceId, source: ConnectionResultSource) => void;
  /** A disconnect succeeded, with the source's name as shown. */
  onRevoked?: (dataSource: DataSourceId, source: ConnectionResultSource) => void;
  /** A connect was denied or cancelled, or a revoke failed, with the source's name as shown. */
  onFailed?: (dataSource: DataSourceId, action: 'connect' | 'revoke', source: ConnectionResultSource) => void;
  /** The browser blocked the new tab; the picker already offers a way on. */
  onPopupBlocked?: (fallbackUrl: string) => void;
  /** Any error of the picker. */
  onError?: (error: ThryveConnectError) => void;
  /**
   * Where the rows' forms post before hydration (and with JavaScript off): the proxy's base path,
   * whose `/connect` and `/revoke` routes need the handler's `forms` option. Default `/api/thryve`,
   * beside `createProxyFetcher`'s default `/api/thryve/session`. `false`: plain buttons that wait
   * for hydration (e.g. sign-in by an `Authorization` header, which a form cannot send).
   */
  formRoutes?: string | false;
  /**
   * The result of a form post, read on the server by the page:
   * `result={await handler.readResult(await cookies(), endUser)}`. Shown in the server HTML, and its
   * `onConnected` / `onRevoked` / `onFailed` called once after hydration.
   */
  result?: PickerResult | undefined;
}

/**
 * What {@link DataSourcePickerProps.result} takes: what the server's `readResult` returns (core's
 * `FormConnectionResult`, one type on both sides).
 */
export type PickerResult = FormConnectionResult;

/** The proxy's base path the rows' forms post to by default (`createProxyFetcher`'s routes). */
export const DEFAULT_FORM_ROUTES = '/api/thryve';

/** With more sources than this, the picker offers a search box (`search="auto"`). */
export const SEARCH_THRESHOLD = 8;

/**
 * A ready-made custom connection screen: the web data sources with the user's status, Connect and
 * Disconnect through Thryve's direct URLs, and the result of the redirect back, announced politely.
 */
export function DataSourcePicker(props: DataSourcePickerProps) {
  const context = useThryveConnect('DataSourcePicker');
  const { user, locale: providerLocale, messages: translations } = context;
  const locale = props.locale ?? providerLocale;
  // Stable texts keep the picker's context, and so its rows, from re-rendering.
  const translation = translations?.[locale];
  const overrides = props.messages;
  const messages = useMemo(
    () =>
      mergeMessages<PickerMessages>(
        {
          ...pickerMessagesEn,
          retry: widgetMessagesEn.retry,
          consentLink: widgetMessagesEn.consentLink,
          errors: widgetMessagesEn.errors,
        },
        translation,
        overrides,
      ),
    [translation, overrides],
  );
  const { sources, status, error, refetch } = useDataSources({
    include: props.include,
    exclude: props.exclude,
    order: props.order,
    overrides: props.overrides,
    kinds: props.kinds ?? (props.nativeSources ? ['web', 'native'] : undefined),
  });
  // Connect needs a session: if it cannot be had, say so here, or every Connect button stays disabled
  // with no reason given.
  const session = useConnectionSession();
  const shownError = error ?? (session.status === 'error' ? session.error : undefined);
  const retry = () => {
    if (error) refetch();
    if (session.status === 'error') session.refresh();
  };
  const [announcement, setAnnouncement] = useState('');
  // A repeated sentence must still be read out: clear first, then set on the next frame.
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);
  const labelId = useId();
  const listId = useId();
  const noticeId = useId();
  const consent = useConsent(props.consent);
  const consentNoticeId = consent.needed ? noticeId : undefined;

  // Search: on the names as shown (overrides included), without case or accents.
  const [query, setQuery] = useState('');
  const showSearch =
    props.search === 'auto' || props.search === undefined ? sources.length > SEARCH_THRESHOLD : props.search;
  const search = useLazyModule(pickerSearch, showSearch).module;
  const filter = showSearch ? search?.filterSources : undefined;
  const shown = useMemo(
    () => (filter ? filter(sources, query, locale, (source) => sourceName(source, messages)) : sources),
    [filter, sources, query, locale, messages],
  );

  // A source gone from the list (revoked, or excluded) is still named, from the catalogue if it can be.
  const nameOf = (id: DataSourceId) =>
    sourceName(sources.find((source) => source.id === id) ?? getDataSource(id), messages);
  const names = useLatestRef(nameOf);
  useConnectionResult({
    onConnected: (id) => {
      const name = nameOf(id);
      announce(messages.connected(name));
      props.onConnected?.(id, { name });
    },
    onRevoked: (id) => {
      const name = nameOf(id);
      announce(messages.disconnected(name));
      props.onRevoked?.(id, { name });
    },
    onFailed: (id, action) => {
      const name = nameOf(id);
      announce(action === 'connect' ? messages.connectFailed(name) : messages.revokeFailed(name));
      props.onFailed?.(id, action, { name });
    },
  });

  const callbacks = useLatestRef(props);
  // A result read on the server: its callbacks once the page runs, as a result read from the address.
  const serverResult = props.result;
  const reported = useRef<PickerResult | undefined>(undefined);
  useEffect(() => {
    if (serverResult === undefined || reported.current === serverResult) return;
    reported.current = serverResult;
    const { onConnected, onRevoked, onFailed } = callbacks.current;
    if (serverResult.status === 'connected') {
      onConnected?.(serverResult.dataSource, { name: names.current(serverResult.dataSource) });
    } else if (serverResult.status === 'revoked') {
      onRevoked?.(serverResult.dataSource, { name: names.current(serverResult.dataSource) });
    } else if (serverResult.status === 'failed') {
      onFailed?.(serverResult.dataSource, serverResult.action, {
        name: names.current(serverResult.dataSource),
      });
    }
  }, [serverResult, names, callbacks]);
  const resultText = serverResult === undefined ? undefined : describeResult(serverResult, messages, nameOf);

  const { redirectUri, revokeMode, mode, renderSource, renderIcon } = props;
  // A consent not yet given must be recorded by `onAccept` in the click, which a form posted before
  // hydration (or without JavaScript) cannot do: then Connect waits for the script.
  const formRoutes =
    props.formRoutes === false || (props.consent && !props.consent.accepted)
      ? undefined
      : (props.formRoutes ?? DEFAULT_FORM_ROUTES).replace(/\/+$/, '');
  const confirmDisconnect = props.confirmDisconnect ?? true;
  const showConnectedSince = props.showConnectedSince ?? true;
  const pickerContext = useMemo<PickerContextValue>(
    () => ({
      messages,
      locale,
      showConnectedSince,
      redirectUri,
      revokeMode,
      mode,
      confirmDisconnect,
      formRoutes,
      announce,
      renderSource,
      renderIcon,
      acceptConsent: consent.accept,
      consentNoticeId,
      onRevoked: (id) => callbacks.current.onRevoked?.(id, { name: names.current(id) }),
      onPopupBlocked: (url) => callbacks.current.onPopupBlocked?.(url),
      onError: (failure) => callbacks.current.onError?.(failure),
    }),
    [
      messages,
      locale,
      showConnectedSince,
      redirectUri,
      revokeMode,
      mode,
      confirmDisconnect,
      formRoutes,
      announce,
      renderSource,
      renderIcon,
      consent.accept,
      consentNoticeId,
      callbacks,
      names,
    ],
  );

  // Nothing to show, and nothing fetched, while nobody is signed in.
  if (user === null) return null;

  return (
    <section
      className={
        [props.unstyled ? undefined : 'thryve-connect-picker', props.className].filter(Boolean).join(' ') ||
        undefined
      }
      data-layout={props.layout ?? 'list'}
      data-state={status}
      aria-labelledby={labelId}
      aria-busy={status === 'pending'}
      {...rootAttributes(context, locale)}
    >
      <h2 id={labelId} className="thryve-connect-picker__title">
        {props.label ?? messages.pickerTitle}
      </h2>
      <div role="status" aria-live="polite" className="thryve-connect-visually-hidden">
        {status === 'pending' ? messages.pickerLoading : announcement}
      </div>
      {props.consent && consentNoticeId && (
        <ConsentNotice consent={props.consent} id={consentNoticeId} linkText={messages.consentLink}>
          <p className="thryve-connect-consent__accept">{messages.consentByConnecting}</p>
        </ConsentNotice>
      )}
      {resultText !== undefined && (
        <p className="thryve-connect-picker__result" role="status" data-status={serverResult?.status}>
          {resultText}
        </p>
      )}
      {shownError && (
        <div className="thryve-connect-panel" role="alert">
          <p className="thryve-connect-panel__text">{errorMessage(messages, shownError)}</p>
          <button type="button" className="thryve-connect-button" onClick={retry}>
            {messages.retry}
          </button>
        </div>
      )}
      {showSearch &&
        (search ? (
          <search.PickerSearch
            query={query}
            setQuery={setQuery}
            listId={listId}
            messages={messages}
            locale={locale}
            count={shown.length}
            announce={announce}
          />
        ) : (
          <div className="thryve-connect-picker__search thryve-connect-picker__search--loading" />
        ))}
      <PickerContext.Provider value={pickerContext}>
        <ul id={listId} className="thryve-connect-picker__list" aria-labelledby={labelId}>
          {shown.map((source) =>
            source.kind === 'native' && props.nativeSources ? (
              <NativeSourceRow key={source.id} source={source} action={props.nativeSources} />
            ) : (
              <DataSourceRow key={source.id} source={source} />
            ),
          )}
        </ul>
      </PickerContext.Provider>
    </section>
  );
}

/** The sentence for a result read on the server; none for `none` and `unmatched`. */
function describeResult(
  result: PickerResult,
  messages: PickerMessages,
  nameOf: (id: DataSourceId) => string,
): string | undefined {
  if (result.status === 'connected') return messages.connected(nameOf(result.dataSource));
  if (result.status === 'revoked') return messages.disconnected(nameOf(result.dataSource));
  if (result.status !== 'failed') return undefined;
  if ('code' in result) return errorMessage(messages, result);
  const name = nameOf(result.dataSource);
  return result.action === 'connect' ? messages.connectFailed(name) : messages.revokeFailed(name);
}
