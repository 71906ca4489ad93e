'use client';
import {
  type ConnectionSession,
  isSessionExpired,
  type Locale,
  SESSION_EXPIRY_MARGIN_MS,
  sessionExpiry,
  ThryveConnectError,
  type ThryveUser,
} from '@thryve-connect/core';
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
import { rootAttributes } from './internal/rootAttributes.js';
import { useLatestRef } from './internal/useLatestRef.js';
import { useThryveConnect } from './ThryveConnectContext.js';
import { useConnectionSession } from './useConnectionSession.js';
import {
  errorMessage,
  type MessageOverrides,
  mergeMessages,
  type WidgetMessages,
  widgetMessagesEn,
} from './widgetMessages.js';

/**
 * The iframe `sandbox` that keeps Thryve's widget and the providers' logins working: scripts and its own
 * origin (the widget is an app), forms (logins), popups that escape the sandbox (providers that open
 * a window) and top navigation only on a user's click (providers that refuse to be framed).
 */
export const DEFAULT_WIDGET_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

/**
 * How long the iframe may take to load before the widget shows an error. The widget's real load time
 * is recorded by the finding `widget-messages` (`loadMs`, docs/thryve-contract.md): not yet checked.
 */
export const DEFAULT_WIDGET_LOAD_TIMEOUT_MS = 20_000;

/** The widget's state, mirrored in its `data-state` attribute for styling. */
export type ThryveConnectionWidgetState = 'loading' | 'ready' | 'error' | 'expired';

/** What an `errorFallback` render function receives. */
export interface WidgetErrorFallbackProps {
  error: ThryveConnectError;
  /** Fetches a new session and shows the widget again. */
  retry: () => void;
}

/** Props of {@link ThryveConnectionWidget}. */
export interface ThryveConnectionWidgetProps {
  /** The widget's language. Default: the provider's locale. */
  locale?: Locale;
  /** The iframe's accessible name. Default: a localized "Connect your health data sources". */
  title?: string;
  /** The iframe's height (CSS length or px). Default: fills the width, at least 560 px high. */
  height?: number | string;
  className?: string;
  style?: CSSProperties;
  /** Called when the widget's page has loaded in the iframe. */
  onLoad?: () => void;
  /** Called with every error the widget shows (session, validation, load timeout). */
  onError?: (error: ThryveConnectError) => void;
  /** Called when a new session replaced an expired or failed one. */
  onSessionRefresh?: () => void;
  /** Replaces the built-in loading skeleton. */
  loadingFallback?: ReactNode;
  /** Replaces the built-in error panel. */
  errorFallback?: ReactNode | ((props: WidgetErrorFallbackProps) => ReactNode);
  /** The iframe's `sandbox` attribute. Default {@link DEFAULT_WIDGET_SANDBOX}. */
  sandbox?: string;
  /** Milliseconds before an iframe that has not loaded turns into the error state. Default 20 s. */
  loadTimeoutMs?: number;
  /** Texts to override (see `WidgetMessages`), over the provider's `messages` for the locale. */
  messages?: MessageOverrides<WidgetMessages>;
  /** Leaves out the root class that the stylesheet hangs on: the markup keeps its class names as hooks. */
  unstyled?: boolean;
}

const frameStyle: CSSProperties = { display: 'block', width: '100%', border: 0, minHeight: 560 };
const coverStyle: CSSProperties = { position: 'absolute', inset: 0, zIndex: 1, minHeight: 0 };

/** The session whose page has loaded in the iframe: kept on screen until the user reloads it. */
interface Pinned {
  /** Whose and in which language: another user's or locale's frame is never shown. */
  user: ThryveUser | null;
  locale: Locale;
  session: ConnectionSession;
}

/**
 * Thryve's hosted Connection Widget in an iframe: gets a session through the provider's controller,
 * validates its URL against the allowed origins, and handles loading, errors and expiry with a way out.
 * A widget whose page has loaded is never torn down on a timer (the user may be halfway through a
 * provider login): when its session ages, a fresh one is fetched in the background and an announced
 * Reload swaps it in when the user chooses. Renders nothing while nobody is signed in.
 */
export function ThryveConnectionWidget(props: ThryveConnectionWidgetProps) {
  const context = useThryveConnect('ThryveConnectionWidget');
  const { client, user, locale: providerLocale, messages: translations } = context;
  const locale = props.locale ?? providerLocale;
  const messages = mergeMessages(widgetMessagesEn, translations?.[locale], props.messages);
  const session = useConnectionSession({ locale });
  const onLoadRef = useLatestRef(props.onLoad);
  const onErrorRef = useLatestRef(props.onError);
  const onRefreshRef = useLatestRef(props.onSessionRefresh);
  const loadTimeoutMs = props.loadTimeoutMs ?? DEFAULT_WIDGET_LOAD_TIMEOUT_MS;

  const current = session.status === 'ready' ? session.session : undefined;
  // A session from the server's render had its frame in the HTML: it may have loaded before this
  // script ran (and its load event with it), so it counts as loaded, and stays until the user reloads.
  const initial = current?.hydrated ? current : undefined;
  const [pinnedState, setPinned] = useState<Pinned | null>(() =>
    initial ? { user, locale, session: initial } : null,
  );
  const pinned =
    pinnedState?.user === user && pinnedState.locale === locale ? pinnedState.session : undefined;
  // A loaded page stays; a page that has not loaded yet always takes the newest session.
  const shown = pinned ?? current;
  const url = shown?.url;

  // The load state belongs to one URL: a new session means a new iframe that has to load again.
  const [frame, setFrame] = useState<{ url: string; state: 'loading' | 'loaded' | 'timeout' } | null>(() =>
    initial ? { url: initial.url, state: 'loaded' } : null,
  );
  const frameState = url && frame?.url === url ? frame.state : 'loading';
  // Bumped by Retry after a load timeout: a new iframe element for the same URL.
  const [frameKey, setFrameKey] = useState(0);

  useEffect(() => {
    if (!url) return;
    setFrame((previous) => (previous?.url === url ? previous : { url, state: 'loading' }));
    const timer = setTimeout(() => {
      setFrame((previous) =>
        previous?.url === url && previous.state === 'loading' ? { url, state: 'timeout' } : previous,
      );
    }, loadTimeoutMs);
    return () => clearTimeout(timer);
  }, [url, loadTimeoutMs]);

  // Re-render when the session of the loaded page ages, to offer the Reload.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!pinned) return;
    const delay = sessionExpiry(pinned, client.sessionMaxAgeMs) - SESSION_EXPIRY_MARGIN_MS - client.now();
    if (delay <= 0) return;
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.min(delay + 1, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [pinned, client]);
  const aged = pinned !== undefined && isSessionExpired(pinned, client.sessionMaxAgeMs, client.now());

  // onSessionRefresh: a session replaced one that was on screen before (after expiry, error or retry).
  const shownUrl = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    if (shownUrl.current !== undefined && shownUrl.current !== url) onRefreshRef.current?.();
    shownUrl.current = url;
  }, [url, onRefreshRef]);

  const error = pinned
    ? undefined
    : session.status === 'error'
      ? session.error
      : url && frameState === 'timeout'
        ? new ThryveConnectError(
            'timeout',
            IS_DEVELOPMENT ? `The connection widget did not load within ${loadTimeoutMs} ms.` : '',
          )
        : undefined;
  const state: ThryveConnectionWidgetState = error
    ? 'error'
    : aged || (!pinned && session.status === 'expired')
      ? 'expired'
      : url && frameState === 'loaded'
        ? 'ready'
        : 'loading';

  const reportedError = useRef<ThryveConnectError | undefined>(undefined);
  useEffect(() => {
    if (error && reportedError.current?.message !== error.message) onErrorRef.current?.(error);
    reportedError.current = error;
  }, [error, onErrorRef]);

  if (session.status === 'signed_out') return null;

  const retry = () => {
    if (current && url === current.url) {
      // The session is fine, the page did not load: load the same URL again in a fresh iframe.
      setFrame({ url, state: 'loading' });
      setFrameKey((key) => key + 1);
    } else {
      session.refresh();
    }
  };
  const reload = () => {
    // The user chose to leave the aged page: the fresh session if it is here, else fetch one.
    setPinned(null);
    if (!current || current.url === pinned?.url) session.refresh();
  };
  const announcement =
    state === 'loading'
      ? messages.widgetLoading
      : state === 'ready'
        ? messages.widgetReady
        : state === 'expired' && pinned
          ? messages.widgetExpired
          : '';

  return (
    <div
      className={
        [props.unstyled ? undefined : 'thryve-connect-widget', props.className].filter(Boolean).join(' ') ||
        undefined
      }
      // Positioned, so the loading iframe can sit under the skeleton even without our stylesheet.
      style={{ position: 'relative', ...props.style }}
      data-state={state}
      aria-busy={state === 'loading'}
      {...rootAttributes(context, locale)}
    >
      <div role="status" aria-live="polite" className="thryve-connect-visually-hidden">
        {announcement}
      </div>
      {/* The connection to Thryve's widget host opens while the session is fetched, not after it:
          on a real network that saves the iframe a DNS lookup, TCP and TLS handshake. */}
      <link rel="preconnect" href={client.allowedWidgetOrigins[0]} />
      {state === 'expired' && pinned && (
        <div className="thryve-connect-notice">
          <p className="thryve-connect-notice__text">{messages.widgetExpired}</p>
          <button type="button" className="thryve-connect-button" onClick={reload}>
            {messages.reload}
          </button>
        </div>
      )}
      {url && state !== 'error' && (state !== 'expired' || pinned) && (
        <iframe
          key={`${url}#${frameKey}`}
          src={url}
          title={props.title ?? messages.widgetTitle}
          className="thryve-connect-widget__frame"
          style={{
            ...frameStyle,
            ...(props.height === undefined ? null : { height: props.height, minHeight: 0 }),
          }}
          // Loading in place, at full size, under the skeleton. Not hidden: Chrome throttles hidden
          // cross-origin frames, and the widget then takes longer to load. Out of reach until it shows.
          tabIndex={state === 'loading' ? -1 : undefined}
          aria-hidden={state === 'loading' || undefined}
          sandbox={props.sandbox ?? DEFAULT_WIDGET_SANDBOX}
          referrerPolicy="no-referrer"
          allow="fullscreen"
          onLoad={() => {
            setFrame({ url, state: 'loaded' });
            if (shown) setPinned({ user, locale, session: shown });
            onLoadRef.current?.();
          }}
        />
      )}
      {state === 'loading' &&
        (props.loadingFallback ?? (
          <div
            className="thryve-connect-widget__skeleton"
            // Over the loading iframe when there is one; in the flow, holding the height, before.
            style={url ? coverStyle : props.height === undefined ? undefined : { height: props.height }}
            aria-hidden="true"
          >
            <div className="thryve-connect-skeleton-line" />
            <div className="thryve-connect-skeleton-line" />
            <div className="thryve-connect-skeleton-line" />
          </div>
        ))}
      {state === 'error' &&
        error &&
        (props.errorFallback !== undefined ? (
          typeof props.errorFallback === 'function' ? (
            props.errorFallback({ error, retry })
          ) : (
            props.errorFallback
          )
        ) : (
          <div className="thryve-connect-panel" role="alert">
            <p className="thryve-connect-panel__text">{errorMessage(messages, error.code)}</p>
            <button type="button" className="thryve-connect-button" onClick={retry}>
              {messages.retry}
            </button>
          </div>
        ))}
      {state === 'expired' && !pinned && (
        <div className="thryve-connect-panel" role="alert">
          <p className="thryve-connect-panel__text">{messages.widgetExpired}</p>
          <button type="button" className="thryve-connect-button" onClick={session.refresh}>
            {messages.reload}
          </button>
        </div>
      )}
    </div>
  );
}
