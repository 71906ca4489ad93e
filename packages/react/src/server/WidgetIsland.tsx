'use client';
import type { Locale } from '@thryve-connect/core';
import { type MouseEvent, useEffect, useState } from 'react';
import { useHeightRef } from '../internal/useHeightRef.js';
import { watchServerFrame } from '../lazy/watchServerFrame.js';
import type { ErrorMessages } from '../widgetMessages.js';

/** A validated widget URL and when its session stops being usable (epoch ms, margin included). */
export interface IslandFrame {
  src: string;
  until: number;
}

/** The texts the island shows, resolved on the server (strings only: props cross to the browser). */
export interface IslandTexts {
  loading: string;
  ready: string;
  expired: string;
  reload: string;
  retry: string;
  /** `rateLimited` is the text for an unknown wait, as `errorMessage` gives for a bare code. */
  errors: Record<keyof ErrorMessages, string>;
}

/** Props of {@link WidgetIsland}: serializable, as the server hands them to the browser. */
export interface WidgetIslandProps {
  /** The session to frame, or null when the server has none to show. */
  frame: IslandFrame | null;
  /** Without a frame: the error panel's text, or undefined for the expired panel. */
  problem?: string | undefined;
  sessionUrl: string;
  locale: Locale;
  allowedOrigins: string[];
  maxAgeMs: number;
  title: string;
  sandbox: string;
  /** CSS height, set through the CSSOM (a strict `style-src 'self'` blocks a `style` attribute). */
  height?: string | undefined;
  root: { className: string; lang: string; dir: 'ltr' | 'rtl'; 'data-theme': string };
  texts: IslandTexts;
}

type Shown = IslandFrame & { n: number };
type View =
  | { status: 'ready'; frame: Shown; busy?: undefined }
  | { status: 'loading'; frame: Shown; busy?: undefined }
  | { status: 'expired'; frame: Shown | null; busy?: boolean }
  | { status: 'error'; text: string; busy?: boolean };

/**
 * The server widget's client part: the frame the server rendered, recognised as loaded even when it
 * loaded before hydration; at its session's age an announced Reload that fetches a fresh session from
 * the session route (its code loaded only then) and swaps the frame. Server-rendered like any client
 * component, so its first HTML needs no script.
 */
export function WidgetIsland(props: WidgetIslandProps) {
  const { frame, texts } = props;
  const [view, setView] = useState<View>(() =>
    frame
      ? { status: 'ready', frame: { ...frame, n: 0 } }
      : props.problem === undefined
        ? { status: 'expired', frame: null }
        : { status: 'error', text: props.problem },
  );
  const shown = view.status === 'error' ? null : view.frame;

  // The server's frame may have loaded before this ran, unheard: the browser's Resource Timing says
  // (the client widget's check, here in the island's first chunk: a server frame is all it shows first).
  const serverSrc = frame?.src;
  useEffect(() => {
    if (!serverSrc) return;
    return watchServerFrame(
      serverSrc,
      () => setView((v) => (v.status === 'loading' ? { ...v, status: 'ready' } : v)),
      () => setView((v) => (v.status === 'ready' && v.frame.n === 0 ? { ...v, status: 'loading' } : v)),
    );
  }, [serverSrc]);

  // A page on screen is never torn down: at its session's age, the Reload is offered beside it.
  const live = view.status === 'ready' || view.status === 'loading' ? view.frame : null;
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(
      () => setView({ status: 'expired', frame: live }),
      Math.max(0, live.until - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [live]);

  const { sessionUrl, locale, allowedOrigins, maxAgeMs } = props;
  const refresh = (event?: MouseEvent) => {
    event?.preventDefault();
    const from = view;
    if (from.status === 'ready' || from.status === 'loading' || from.busy) return;
    setView({ ...from, busy: true });
    const n = (shown?.n ?? 0) + 1;
    import('./refreshSession.js')
      .then((module) => module.refreshSession({ sessionUrl, locale, allowedOrigins, maxAgeMs, texts }))
      .catch(() => ({ text: texts.errors.offline }))
      .then((next) =>
        setView('src' in next ? { status: 'loading', frame: { ...next, n } } : { status: 'error', ...next }),
      );
  };

  const sized = useHeightRef(props.height);

  const busy = view.status === 'loading' || view.busy === true;
  const panel = view.status === 'error' || (view.status === 'expired' && !view.frame);
  return (
    <div {...props.root} data-state={view.status} aria-busy={busy}>
      <div role="status" aria-live="polite" className="thryve-connect-visually-hidden">
        {view.status === 'loading'
          ? texts.loading
          : view.status === 'ready'
            ? texts.ready
            : view.status === 'expired' && view.frame
              ? texts.expired
              : ''}
      </div>
      {view.status === 'expired' && view.frame && (
        <div className="thryve-connect-notice">
          <p className="thryve-connect-notice__text">{texts.expired}</p>
          <button type="button" className="thryve-connect-button" onClick={refresh} disabled={view.busy}>
            {texts.reload}
          </button>
        </div>
      )}
      {shown && (
        <iframe
          key={shown.n}
          src={shown.src}
          title={props.title}
          className="thryve-connect-widget__frame"
          ref={sized}
          sandbox={props.sandbox}
          referrerPolicy="no-referrer"
          allow="fullscreen"
          onLoad={() => setView((v) => (v.status === 'loading' ? { ...v, status: 'ready' } : v))}
        />
      )}
      {panel && (
        <div className="thryve-connect-panel" role="alert">
          <p className="thryve-connect-panel__text">{view.status === 'error' ? view.text : texts.expired}</p>
          {/* A link to this page: before the script runs (or without it) a reload renders a new session. */}
          {/* biome-ignore lint/a11y/useValidAnchor: it is navigation (a reload) until the island takes the click */}
          <a href="" className="thryve-connect-button" onClick={refresh}>
            {view.status === 'error' ? texts.retry : texts.reload}
          </a>
        </div>
      )}
    </div>
  );
}
