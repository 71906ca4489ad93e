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
import { useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
import { useThryveConnect } from '../ThryveConnectContext.js';
import { useConnectionSession } from '../useConnectionSession.js';
import { useLatestRef } from './useLatestRef.js';
import { useRerenderAt } from './useRerenderAt.js';

/** The iframe to render: its element's key (a new key is a new element) and what it loads. */
export interface WidgetFrameElement {
  key: string;
  src: string;
  onLoad: () => void;
}

/**
 * What the widget shows, one status at a time, each with only what it needs:
 * - `loading`: no session yet (`frame` null), or the frame loading under the skeleton;
 * - `ready`: the loaded frame and the session it shows;
 * - `expired`: the session on screen is too old. `frame` is the loaded page, kept (the user may be
 *   halfway through a provider login), or null when nothing had loaded; `reload` swaps in a fresh one;
 * - `error`: a session that could not be fetched or used, or a frame that did not load in time;
 * - `signed_out`: nobody is signed in, nothing is shown;
 * - `consent`: the host's privacy notice is not accepted yet: no session is fetched, no frame shown.
 */
export type WidgetFrameState =
  | { status: 'signed_out' }
  | { status: 'consent' }
  | { status: 'loading'; frame: WidgetFrameElement | null }
  | { status: 'ready'; frame: WidgetFrameElement; session: ConnectionSession }
  | { status: 'expired'; frame: WidgetFrameElement | null; reload: () => void }
  | { status: 'error'; error: ThryveConnectError; retry: () => void };

/** Options of {@link useWidgetFrame}. */
export interface UseWidgetFrameOptions {
  locale: Locale;
  loadTimeoutMs: number;
  /** `false` until the privacy notice is accepted: nothing is fetched or loaded. */
  enabled: boolean;
  onLoad?: (() => void) | undefined;
  onError?: ((error: ThryveConnectError) => void) | undefined;
  onSessionRefresh?: (() => void) | undefined;
}

/** How far one URL's frame got. */
interface FrameLoad {
  url: string;
  /**
   * `in_server_html`: the frame came with the server's HTML and may have loaded (its load event gone)
   * before this script ran; it shows as the server rendered it until the browser says which.
   */
  state: 'in_server_html' | 'loading' | 'loaded' | 'timed_out';
  /** Bumped by Retry: a new iframe element for the same URL. */
  attempt: number;
  /** The iframe element came with the server's HTML (not one this script created). */
  fromServer?: true;
  /** Set once the frame has timed out, so that the same error object is reported and shown. */
  error?: ThryveConnectError;
}

interface FrameMemory {
  /** The session whose page has loaded: kept on screen until the user reloads it. */
  /** Whose and in which language: another user's or locale's frame is never shown. */
  pinned: { user: ThryveUser | null; locale: Locale; session: ConnectionSession } | null;
  load: FrameLoad | null;
}

type FrameEvent =
  | { type: 'show'; url: string }
  | { type: 'not_seen_loaded'; url: string }
  | { type: 'loaded'; url: string; pin: FrameMemory['pinned'] }
  | { type: 'timeout'; url: string; attempt: number; error: ThryveConnectError }
  | { type: 'retry'; url: string }
  | { type: 'unpin' };

function frameReducer(memory: FrameMemory, event: FrameEvent): FrameMemory {
  const load = memory.load?.url === ('url' in event ? event.url : undefined) ? memory.load : null;
  switch (event.type) {
    case 'show':
      // A new URL is a new iframe that has to load again.
      return load ? memory : { ...memory, load: { url: event.url, state: 'loading', attempt: 0 } };
    case 'not_seen_loaded':
      return load?.state === 'in_server_html' ? { ...memory, load: { ...load, state: 'loading' } } : memory;
    case 'loaded':
      if (!load || load.state === 'loaded') return memory;
      return { pinned: event.pin ?? memory.pinned, load: { ...load, state: 'loaded', error: undefined } };
    case 'timeout':
      if (load?.attempt !== event.attempt || (load.state !== 'loading' && load.state !== 'in_server_html'))
        return memory;
      return { ...memory, load: { ...load, state: 'timed_out', error: event.error } };
    case 'retry':
      return { ...memory, load: { url: event.url, state: 'loading', attempt: (load?.attempt ?? 0) + 1 } };
    case 'unpin':
      return { ...memory, pinned: null };
  }
}

const subscribeToNothing = () => () => {};

/** Whether the browser has a Resource Timing entry for an iframe at `url`: reported when it loaded. */
function frameEntryIn(entries: PerformanceEntryList): boolean {
  return entries.some((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe');
}

/**
 * The widget's state: the session from the provider's controller, the iframe's load with its timeout,
 * the loaded page kept through its session's age, and the host's callbacks. Rendering is left to the
 * caller.
 */
export function useWidgetFrame(options: UseWidgetFrameOptions): WidgetFrameState {
  const { client, user } = useThryveConnect('ThryveConnectionWidget');
  const { locale, loadTimeoutMs, enabled } = options;
  const session = useConnectionSession({ locale, enabled });
  const onLoadRef = useLatestRef(options.onLoad);
  const onErrorRef = useLatestRef(options.onError);
  const onRefreshRef = useLatestRef(options.onSessionRefresh);

  // True on the server and while hydrating its HTML, false in any render the browser made itself.
  const inServerHtml = useSyncExternalStore(
    subscribeToNothing,
    () => false,
    () => true,
  );
  // A session the server handed over waits too: its frame is Thryve's page, loaded from the browser.
  const current = enabled && session.status === 'ready' ? session.session : undefined;
  const [memory, dispatch] = useReducer(
    frameReducer,
    current,
    (initial): FrameMemory => ({
      pinned: null,
      load:
        inServerHtml && initial
          ? { url: initial.url, state: 'in_server_html', attempt: 0, fromServer: true }
          : null,
    }),
  );
  // Another user's or locale's page is never shown.
  const pinned =
    memory.pinned?.user === user && memory.pinned.locale === locale ? memory.pinned.session : undefined;
  // A loaded page stays; a page that has not loaded yet always takes the newest session.
  const shown = pinned ?? current;
  const url = shown?.url;
  const load = url !== undefined && memory.load?.url === url ? memory.load : undefined;
  const attempt = load?.attempt ?? 0;

  const shownAt = useRef(0);
  useEffect(() => {
    if (!url) return;
    shownAt.current = client.now();
    dispatch({ type: 'show', url });
    const timer = setTimeout(() => {
      const message = IS_DEVELOPMENT ? `The connection widget did not load within ${loadTimeoutMs} ms.` : '';
      dispatch({ type: 'timeout', url, attempt, error: new ThryveConnectError('timeout', message) });
    }, loadTimeoutMs);
    return () => clearTimeout(timer);
  }, [url, attempt, loadTimeoutMs, client]);

  const markLoaded = (loadedUrl: string) =>
    dispatch({
      type: 'loaded',
      url: loadedUrl,
      pin: shown?.url === loadedUrl ? { user, locale, session: shown } : null,
    });
  const markLoadedRef = useLatestRef(markLoaded);

  // A frame from the server's HTML fires no load event that React hears if it loaded before hydration.
  // The browser reports an iframe's Resource Timing entry when it loads (in Chromium, before the load
  // event): one there means loaded; none means still loading, with the same timeout as any frame.
  const serverFrameUrl =
    memory.load?.fromServer && (memory.load.state === 'in_server_html' || memory.load.state === 'loading')
      ? memory.load.url
      : undefined;
  useEffect(() => {
    if (!serverFrameUrl) return;
    const name = new URL(serverFrameUrl, document.baseURI).href;
    if (typeof performance !== 'undefined' && typeof performance.getEntriesByName === 'function') {
      if (frameEntryIn(performance.getEntriesByName(name, 'resource'))) {
        markLoadedRef.current(serverFrameUrl);
        return;
      }
    }
    dispatch({ type: 'not_seen_loaded', url: serverFrameUrl });
    // An entry can arrive after this check for a load that happened before React listened for it.
    if (typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver((list) => {
      if (frameEntryIn(list.getEntriesByName(name))) markLoadedRef.current(serverFrameUrl);
    });
    observer.observe({ type: 'resource' });
    return () => observer.disconnect();
  }, [serverFrameUrl, markLoadedRef]);

  // The host hears each frame's load once, however the widget learnt of it.
  const loadedFrame = load?.state === 'loaded' ? load : undefined;
  useEffect(() => {
    if (!loadedFrame) return;
    client.emit({ type: 'WIDGET_LOADED', durationMs: client.now() - shownAt.current });
    onLoadRef.current?.();
  }, [loadedFrame, onLoadRef, client]);

  // Re-render when the session of the loaded page ages, to offer the Reload.
  useRerenderAt(pinned && sessionExpiry(pinned, client.sessionMaxAgeMs) - SESSION_EXPIRY_MARGIN_MS, client);
  const aged = pinned !== undefined && isSessionExpired(pinned, client.sessionMaxAgeMs, client.now());

  // A session replaced one that was on screen before (after expiry, error or retry).
  const shownUrl = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    if (shownUrl.current !== undefined && shownUrl.current !== url) onRefreshRef.current?.();
    shownUrl.current = url;
  }, [url, onRefreshRef]);

  const error = pinned || !enabled ? undefined : session.status === 'error' ? session.error : load?.error;
  const reportedError = useRef<ThryveConnectError | undefined>(undefined);
  useEffect(() => {
    if (error && reportedError.current?.message !== error.message) {
      client.emit({ type: 'ERROR', code: error.code });
      onErrorRef.current?.(error);
    }
    reportedError.current = error;
  }, [error, onErrorRef, client]);

  // Once per aged session: the Reload is on offer.
  const expired = enabled && !error && (aged || (!pinned && session.status === 'expired'));
  useEffect(() => {
    if (expired) client.emit({ type: 'EXPIRED' });
  }, [expired, client]);

  if (session.status === 'signed_out') return { status: 'signed_out' };
  if (!enabled) return { status: 'consent' };
  if (error) {
    const retry = () => {
      // The session is fine and the page did not load: the same URL again, in a new iframe.
      if (url && current?.url === url) dispatch({ type: 'retry', url });
      else session.refresh();
    };
    return { status: 'error', error, retry };
  }
  const frame = url ? { key: `${url}#${attempt}`, src: url, onLoad: () => markLoaded(url) } : null;
  if (aged) {
    const reload = () => {
      // The user chose to leave the aged page: the fresh session if it is here, else fetch one.
      dispatch({ type: 'unpin' });
      client.emit({ type: 'RELOADED' });
      if (!current || current.url === pinned?.url) session.refresh();
    };
    return { status: 'expired', frame, reload };
  }
  if (!pinned && session.status === 'expired')
    return {
      status: 'expired',
      frame: null,
      reload: () => {
        client.emit({ type: 'RELOADED' });
        session.refresh();
      },
    };
  if (frame && shown && (load?.state === 'loaded' || load?.state === 'in_server_html'))
    return { status: 'ready', frame, session: shown };
  return { status: 'loading', frame };
}
