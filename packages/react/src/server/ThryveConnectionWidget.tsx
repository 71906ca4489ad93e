import {
  DEFAULT_LOCALE,
  DEFAULT_SESSION_MAX_AGE_MS,
  DEFAULT_SESSION_PATH,
  DEFAULT_THRYVE_HOSTS,
  type Locale,
  SESSION_EXPIRY_MARGIN_MS,
  type SessionSeed,
  sessionExpiry,
  toConnectionSession,
  toThryveConnectError,
} from '@thryve-connect/core';
import { IS_DEVELOPMENT } from '#is-development';
import { mergeMessages } from '../internal/mergeMessages.js';
import { rootAttributes } from '../internal/rootAttributes.js';
// All of the English texts: this runs on the server, where they cost the page nothing.
import {
  errorMessage,
  type MessageOverrides,
  type WidgetMessages,
  widgetMessagesEn,
} from '../widgetMessages.js';
import { DEFAULT_WIDGET_SANDBOX } from '../widgetSandbox.js';
import { type IslandFrame, WidgetIsland } from './WidgetIsland.js';

/**
 * How old a seed may be when it is rendered: far more than a request takes between `prefetch` and the
 * render, far less than a session lives. An older one was replayed (a `"use cache"` around the
 * prefetch, say) and may be another request's: the widget shows the expired panel instead.
 */
export const MAX_SERVER_SEED_AGE_MS = 60_000;

/** A session for the server widget: a seed (`seedSession`) or the server package's `prefetch` result. */
export type ServerWidgetSession = SessionSeed | { initialSession: SessionSeed };

/** Props of the server {@link ThryveConnectionWidget} (`@thryve-connect/react/server`). */
export interface ServerConnectionWidgetProps {
  /**
   * The session to frame: `handler.prefetch(…)`'s result or its `initialSession`, or a `seedSession(…)`,
   * or a promise of one (awaited at request time). `null` or `undefined`: nobody is signed in, nothing
   * is rendered. A rejected promise shows the error panel.
   */
  session: ServerWidgetSession | null | undefined | Promise<ServerWidgetSession | null | undefined>;
  /** The session route the browser asks for a fresh session on Reload/Retry. Default `/api/thryve/session`. */
  sessionUrl?: string;
  /** The widget's language, and the one asked of the session route. Default: the seed's, else `en`. */
  locale?: Locale;
  /** The iframe's accessible name. Default: the (overridden) `widgetTitle` text. */
  title?: string;
  /** The iframe's height (CSS length or px), set after hydration through the CSSOM. Default: at least 560 px. */
  height?: number | string;
  className?: string;
  /** Colour theme (`data-theme`). Default `system`. */
  theme?: 'light' | 'dark' | 'system';
  /** Writing direction. Default: from the locale. */
  dir?: 'ltr' | 'rtl';
  /** Texts: a locale's messages (`@thryve-connect/react/messages/de`) and/or overrides, over English. */
  messages?: MessageOverrides<WidgetMessages>;
  /** The iframe's `sandbox`. Default `DEFAULT_WIDGET_SANDBOX`. */
  sandbox?: string;
  /** Origins a widget URL may come from. Default: Thryve's widget host; add the sandbox's in development. */
  allowedWidgetOrigins?: readonly string[];
  /** How long a session without `expiresAt` is trusted. Default 10 minutes, as the provider's. */
  sessionMaxAgeMs?: number;
}

/**
 * Makes this render one that happens at request time, in both of Next.js's modes, without importing
 * Next: a `fetch` with `cache: 'no-store'` (here of an empty `data:` URL, answered without a network)
 * opts a route out of static prerendering when Cache Components are off, and a promise still pending
 * after the prerender's task (one timer tick) is uncached I/O when they are on, as `connection()` is.
 * Either way `next build` marks the route ƒ and every request renders its own session. Elsewhere it
 * costs one tick. It cannot reach into a `"use cache"` scope: never put the widget or its `prefetch` in one.
 */
async function atRequestTime(): Promise<void> {
  await fetch('data:,', { cache: 'no-store' });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function seedOf(value: ServerWidgetSession | null | undefined): SessionSeed | undefined {
  return value && 'initialSession' in value ? value.initialSession : (value ?? undefined);
}

/**
 * Thryve's Connection Widget as an async React Server Component (React 19): the iframe with the
 * prefetched session is in the first HTML, and no script of ours is needed to show it. Renders at
 * request time (see {@link atRequestTime}); never put it, or the `prefetch`, inside `"use cache"`.
 *
 * The session URL is validated on the server with core's `toConnectionSession` (the client widget's
 * validation): a URL off the allowed origins, an expired session or a seed older than
 * {@link MAX_SERVER_SEED_AGE_MS} is not rendered; an error panel (or the expired panel) with a plain
 * link that reloads the page takes its place. A small client island (`"use client"`) recognises a frame
 * that loaded before hydration, offers an announced Reload when the session ages, and fetches a fresh
 * session from `sessionUrl` only then (that code is loaded on demand).
 *
 * Not here, unlike the client `ThryveConnectionWidget`: the callbacks (`onLoad`, `onError`,
 * `onSessionRefresh`), the provider's `onEvent` events, the `consent` notice, `loadingFallback` and
 * `errorFallback`, `style`, `unstyled`, the load timeout, and following a user or locale that changes
 * in the browser (the page is rendered again for them). It takes texts (`messages`), `theme` and `dir`
 * as props instead of from a provider, and needs no provider.
 *
 * @example
 * <ThryveConnectionWidget session={thryve.prefetch({ alias }, { userKey, locale: 'en', connections: false })} />
 */
export async function ThryveConnectionWidget(props: ServerConnectionWidgetProps) {
  // Settled now, awaited after the tick: a rejection never goes unhandled in between.
  const settled = Promise.resolve(props.session).then(
    (value) => ({ seed: seedOf(value) }),
    (error: unknown) => ({ error }),
  );
  await atRequestTime();
  const outcome = await settled;
  if ('seed' in outcome && !outcome.seed) return null;
  const seed = 'seed' in outcome ? outcome.seed : undefined;
  const locale = props.locale ?? seed?.seededFor?.locale ?? DEFAULT_LOCALE;
  const messages = mergeMessages(widgetMessagesEn, props.messages);
  const allowedOrigins = [...(props.allowedWidgetOrigins ?? [DEFAULT_THRYVE_HOSTS.widget])];
  const maxAgeMs = props.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;

  let frame: IslandFrame | null = null;
  let problem: string | undefined;
  if (!seed) {
    problem = errorMessage(messages, toThryveConnectError('error' in outcome ? outcome.error : undefined));
  } else {
    const now = Date.now();
    const age = seed.fetchedAt === undefined ? 0 : now - seed.fetchedAt;
    if (age > MAX_SERVER_SEED_AGE_MS) {
      if (IS_DEVELOPMENT)
        console.warn(
          `ThryveConnectionWidget: the session was fetched ${Math.round(age / 1000)} s ago, so it was not rendered: ` +
            'was the prefetch cached ("use cache", a module-level promise)? Fetch it per request.',
        );
    } else if (seed.seededFor?.locale !== undefined && seed.seededFor.locale !== locale) {
      problem = errorMessage(messages, 'invalid_response');
      if (IS_DEVELOPMENT)
        console.error(
          `ThryveConnectionWidget: the session was fetched in ${seed.seededFor.locale}, the widget is in ${locale}.`,
        );
    } else {
      try {
        const session = toConnectionSession(seed, { allowedOrigins, locale, now: seed.fetchedAt ?? now });
        const until = sessionExpiry(session, maxAgeMs) - SESSION_EXPIRY_MARGIN_MS;
        if (until > now) frame = { src: session.url, until };
      } catch (error) {
        problem = errorMessage(messages, toThryveConnectError(error));
        if (IS_DEVELOPMENT) console.error('ThryveConnectionWidget: the session was not rendered.', error);
      }
    }
  }

  const { rateLimited, ...errors } = messages.errors;
  const css = typeof props.height === 'number' ? `${props.height}px` : props.height;
  return (
    <WidgetIsland
      frame={frame}
      problem={problem}
      sessionUrl={props.sessionUrl ?? DEFAULT_SESSION_PATH}
      locale={locale}
      allowedOrigins={allowedOrigins}
      maxAgeMs={maxAgeMs}
      title={props.title ?? messages.widgetTitle}
      sandbox={props.sandbox ?? DEFAULT_WIDGET_SANDBOX}
      height={css}
      root={{
        className: ['thryve-connect-widget', props.className].filter(Boolean).join(' '),
        ...rootAttributes({ dir: props.dir, theme: props.theme ?? 'system' }, locale),
      }}
      texts={{
        loading: messages.widgetLoading,
        ready: messages.widgetReady,
        expired: messages.widgetExpired,
        reload: messages.reload,
        retry: messages.retry,
        errors: {
          ...errors,
          rateLimited: errorMessage({ errors: { ...errors, rateLimited } }, 'rate_limited'),
        },
      }}
    />
  );
}
