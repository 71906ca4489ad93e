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
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
import { useThryveConnect } from '../ThryveConnectContext.js';
import { useConnectionSession } from '../useConnectionSession.js';
import { useHydrated } from './useHydrated.js';
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
   * `server`: the frame came with the server's HTML and may have loaded (its load event gone) before
   * this script ran; it shows as the server rendered it until the browser says which.
   */
  state: 'server' | 'loading' | 'loaded' | 'timed_out';
  /** Bumped by Retry: a new iframe element for the same URL. */
  attempt: number;
  /** The iframe element came with the server's HTML (not one this script created). */
  fromServer?: true;
  /** Set once the frame has timed out, so that the same error object is reported and shown. */
  error?: ThryveConnectError;
}

interface FrameMemory {
  /** The session whose page has loaded, kept on screen until the user reloads it; whose and in which language. */
  pinned: { user: ThryveUser | null; locale: Locale; session: ConnectionSession } | null;
  load: FrameLoad | null;
}

/** Changes what is known of `url`'s frame: a late event of a frame no longer shown changes nothing. */
function changeLoad(
  setMemory: Dispatch<SetStateAction<FrameMemory>>,
  url: string,
  change: (load: FrameLoad) => Partial<FrameMemory> | false,
) {
  setMemory((memory) => {
    const changed = memory.load?.url === url && change(memory.load);
    return changed ? { ...memory, ...changed } : memory;
  });
}

// Fetched only for a frame that came in the server's HTML.
const loadServerFrameWatch = () => import('../lazy/watchServerFrame.js');

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
  const inServerHtml = !useHydrated();
  // A session the server handed over waits too: its frame is Thryve's page, loaded from the browser.
  const current = enabled && session.status === 'ready' ? session.session : undefined;
  const [memory, setMemory] = useState<FrameMemory>(() => ({
    pinned: null,
    load:
      inServerHtml && current ? { url: current.url, state: 'server', attempt: 0, fromServer: true } : null,
  }));
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
    // A new URL is a new iframe that has to load again.
    setMemory((memory) =>
      memory.load?.url === url ? memory : { ...memory, load: { url, state: 'loading', attempt: 0 } },
    );
    const timer = setTimeout(() => {
      const message = IS_DEVELOPMENT ? `The connection widget did not load within ${loadTimeoutMs} ms.` : '';
      const error = new ThryveConnectError('timeout', message);
      changeLoad(
        setMemory,
        url,
        (load) =>
          load.attempt === attempt &&
          (load.state === 'loading' || load.state === 'server') && {
            load: { ...load, state: 'timed_out', error },
          },
      );
    }, loadTimeoutMs);
    return () => clearTimeout(timer);
  }, [url, attempt, loadTimeoutMs, client]);

  const markLoaded = (loadedUrl: string) => {
    const pin = shown?.url === loadedUrl && { pinned: { user, locale, session: shown } };
    changeLoad(
      setMemory,
      loadedUrl,
      (load) => load.state !== 'loaded' && { load: { ...load, state: 'loaded', error: undefined }, ...pin },
    );
  };
  const markLoadedRef = useLatestRef(markLoaded);

  // A frame from the server's HTML fires no load event that React hears if it loaded before hydration:
  // `watchServerFrame` asks the browser (fetched only then). Until it answers the frame shows as the
  // server rendered it; if it cannot be fetched, the frame loads under the timeout as any frame.
  const serverFrameUrl =
    memory.load?.fromServer && (memory.load.state === 'server' || memory.load.state === 'loading')
      ? memory.load.url
      : undefined;
  useEffect(() => {
    if (!serverFrameUrl) return;
    let stop: (() => void) | undefined;
    let stopped = false;
    const notSeen = () =>
      changeLoad(
        setMemory,
        serverFrameUrl,
        (load) => load.state === 'server' && { load: { ...load, state: 'loading' } },
      );
    loadServerFrameWatch().then(({ watchServerFrame }) => {
      if (!stopped)
        stop = watchServerFrame(serverFrameUrl, () => markLoadedRef.current(serverFrameUrl), notSeen);
    }, notSeen);
    return () => {
      stopped = true;
      stop?.();
    };
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
      if (url && current?.url === url)
        setMemory((memory) => ({ ...memory, load: { url, state: 'loading', attempt: attempt + 1 } }));
      else session.refresh();
    };
    return { status: 'error', error, retry };
  }
  const frame = url ? { key: `${url}#${attempt}`, src: url, onLoad: () => markLoaded(url) } : null;
  if (expired) {
    const reload = () => {
      // The user chose to leave the aged page: the fresh session if it is here, else fetch one.
      setMemory((memory) => ({ ...memory, pinned: null }));
      client.emit({ type: 'RELOADED' });
      if (!current || current.url === pinned?.url) session.refresh();
    };
    // Nothing had loaded when the session expired: nothing to keep on screen.
    return { status: 'expired', frame: aged ? frame : null, reload };
  }
  if (frame && shown && (load?.state === 'loaded' || load?.state === 'server'))
    return { status: 'ready', frame, session: shown };
  return { status: 'loading', frame };
}
