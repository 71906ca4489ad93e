'use client';
import type { Locale, ThryveConnectError } from '@thryve-connect/core';
import { type CSSProperties, type ReactNode, type Ref, useState } from 'react';
import type { Consent } from './Consent.js';
import { mergeMessages } from './internal/mergeMessages.js';
import { rootAttributes } from './internal/rootAttributes.js';
import { type Acceptance, isAccepted } from './internal/useConsent.js';
import { useHeightRef } from './internal/useHeightRef.js';
import { lazyModule, useLazyModule } from './internal/useLazyModule.js';
import { useWidgetFrame } from './internal/useWidgetFrame.js';
import { widgetTextsEn } from './internal/widgetTextsEn.js';
import { useThryveConnect } from './ThryveConnectContext.js';
import type { MessageOverrides, WidgetMessages } from './widgetMessages.js';
import { DEFAULT_WIDGET_SANDBOX } from './widgetSandbox.js';

// Its own file, so that the server widget (`./server`) reads the value, not a client reference.
export { DEFAULT_WIDGET_SANDBOX };

/**
 * How long the iframe may take to load before the widget shows an error. The widget's real load time
 * is recorded by the finding `widget-messages` (`loadMs`, docs/thryve-contract.md): not yet checked.
 */
export const DEFAULT_WIDGET_LOAD_TIMEOUT_MS = 20_000;

/** The widget's state, mirrored in its `data-state` attribute for styling. */
export type ThryveConnectionWidgetState = 'consent' | 'loading' | 'ready' | 'error' | 'expired';

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
  /**
   * A privacy notice shown in place of the widget until the user accepts it: no session is fetched and
   * nothing of Thryve's is loaded before. Its button accepts (`consent.onAccept(version)`) and loads.
   */
  consent?: Consent;
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

// Loaded when first needed: the privacy notice (only for a widget given a `consent` not yet accepted)
// and the error texts other than `offline` and `default` (only when such an error shows).
const consentGate = lazyModule(() => import('./lazy/WidgetConsent.js'));
const errorTexts = lazyModule(() => import('./widgetMessages.js'));

/**
 * A text and its way out: the `panel` of an error, an expired session or a part that could not be
 * fetched (an alert), or the `notice` over a kept page whose session expired (announced politely).
 */
function panel(text: ReactNode, action: string, onClick: () => void, kind: 'panel' | 'notice' = 'panel') {
  return (
    <div className={`thryve-connect-${kind}`} role={kind === 'panel' ? 'alert' : undefined}>
      <p className={`thryve-connect-${kind}__text`}>{text}</p>
      <button type="button" className="thryve-connect-button" onClick={onClick}>
        {action}
      </button>
    </div>
  );
}

/** The placeholder of a loading widget; over a loading iframe it covers it, else it holds the height. */
function skeleton(cover: boolean, ref: Ref<HTMLDivElement> | undefined) {
  return (
    <div
      className={`thryve-connect-widget__skeleton${cover ? ' thryve-connect-widget__skeleton--cover' : ''}`}
      ref={ref}
      aria-hidden="true"
    >
      <div className="thryve-connect-skeleton-line" />
      <div className="thryve-connect-skeleton-line" />
      <div className="thryve-connect-skeleton-line" />
    </div>
  );
}

/**
 * An error's text. `offline` at once: when the network is gone, so is any fetch of the other texts.
 * Any other kind loads the full table on its first show; until then the paragraph is empty (the alert
 * is read out once, with the text), and `default` if the table cannot be fetched.
 */
function ErrorText({
  error,
  errors,
}: {
  error: ThryveConnectError;
  errors: Partial<WidgetMessages['errors']>;
}) {
  const offline = error.code === 'network_error' || error.code === 'timeout';
  const { module, failed } = useLazyModule(errorTexts, !offline);
  if (offline) return errors.offline;
  if (module) return module.errorMessage({ errors: { ...module.widgetMessagesEn.errors, ...errors } }, error);
  return failed ? errors.default : null;
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
  const { client, locale: providerLocale, messages: translations } = context;
  const locale = props.locale ?? providerLocale;
  // The English base holds only the initial error texts; `ErrorText` brings the rest.
  const messages = mergeMessages(widgetTextsEn as WidgetMessages, translations?.[locale], props.messages);
  // The acceptance is recorded by the notice (lazy), remembered here while mounted, per user and version.
  const [accepted, setAccepted] = useState<Acceptance | null>(null);
  const consentNeeded = props.consent !== undefined && !isAccepted(props.consent, accepted, context.user);
  const gate = useLazyModule(consentGate, consentNeeded);
  const widget = useWidgetFrame({
    locale,
    enabled: !consentNeeded,
    loadTimeoutMs: props.loadTimeoutMs ?? DEFAULT_WIDGET_LOAD_TIMEOUT_MS,
    onLoad: props.onLoad,
    onError: props.onError,
    onSessionRefresh: props.onSessionRefresh,
  });
  const sized = useHeightRef(props.height);
  if (widget.status === 'signed_out') return null;
  const rootProps = {
    className:
      [props.unstyled ? undefined : 'thryve-connect-widget', props.className].filter(Boolean).join(' ') ||
      undefined,
    // Only the host's own style: ours is in the stylesheet, so a strict style-src has nothing to block.
    style: props.style,
    ...rootAttributes(context, locale),
  };
  if (widget.status === 'consent') {
    // Not even a preconnect: before the user agrees, the browser contacts nothing of Thryve's. While
    // the notice loads, the skeleton holds the widget's place; if it cannot be fetched, a Retry.
    const Gate = gate.module?.WidgetConsent;
    return (
      props.consent && (
        <div {...rootProps} data-state="consent" aria-busy={!Gate && !gate.failed}>
          {Gate ? (
            <Gate consent={props.consent} messages={messages} onAccepted={setAccepted} />
          ) : gate.failed ? (
            panel(messages.errors.offline, messages.retry, gate.retry)
          ) : (
            skeleton(false, sized)
          )}
        </div>
      )
    );
  }

  const state: ThryveConnectionWidgetState = widget.status;
  const frame = widget.status === 'error' ? null : widget.frame;
  const loading = widget.status === 'loading';
  const keptPage = widget.status === 'expired' && widget.frame !== null;
  // Announced politely. The expired panel without a page is an alert of its own, and so is an error.
  const announcement = {
    loading: messages.widgetLoading,
    ready: messages.widgetReady,
    expired: keptPage ? messages.widgetExpired : '',
    error: '',
  }[state];

  return (
    <div {...rootProps} data-state={state} aria-busy={loading}>
      <div role="status" aria-live="polite" className="thryve-connect-visually-hidden">
        {announcement}
      </div>
      {/* The connection to Thryve's widget host opens while the session is fetched, not after it:
          on a real network that saves the iframe a DNS lookup, TCP and TLS handshake. */}
      <link rel="preconnect" href={client.allowedWidgetOrigins[0]} />
      {/* Over a kept page, the notice above it; with nothing loaded, the panel alone (no frame follows). */}
      {widget.status === 'expired' &&
        panel(messages.widgetExpired, messages.reload, widget.reload, keptPage ? 'notice' : 'panel')}
      {frame && (
        <iframe
          key={frame.key}
          src={frame.src}
          title={props.title ?? messages.widgetTitle}
          className="thryve-connect-widget__frame"
          ref={sized}
          // Loading in place, at full size, under the skeleton. Not hidden: Chrome throttles hidden
          // cross-origin frames, and the widget then takes longer to load. Out of reach until it shows.
          tabIndex={loading ? -1 : undefined}
          aria-hidden={loading || undefined}
          sandbox={props.sandbox ?? DEFAULT_WIDGET_SANDBOX}
          referrerPolicy="no-referrer"
          allow="fullscreen"
          onLoad={frame.onLoad}
        />
      )}
      {/* Over the loading iframe when there is one; in the flow, holding the height, before. */}
      {loading && (props.loadingFallback ?? skeleton(frame !== null, frame ? undefined : sized))}
      {widget.status === 'error' &&
        (props.errorFallback !== undefined
          ? typeof props.errorFallback === 'function'
            ? props.errorFallback({ error: widget.error, retry: widget.retry })
            : props.errorFallback
          : panel(<ErrorText error={widget.error} errors={messages.errors} />, messages.retry, widget.retry))}
    </div>
  );
}
