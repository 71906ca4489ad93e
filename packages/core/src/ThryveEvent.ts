import type { DataSourceId } from './dataSources.js';
import type { Locale } from './locales.js';
import type { UnmatchedReason } from './parseConnectionResult.js';
import type { ThryveConnectErrorCode } from './ThryveConnectError.js';

/**
 * What happened, for a host's analytics (`onEvent` on the provider or the controller). A stable,
 * typed list; each event carries only metadata — a data source id, a duration, an error code — never
 * a token, a URL, the user's id or a message text. Connects made inside Thryve's widget iframe produce
 * no connect events: the widget sends the page no messages.
 */
export type ThryveEvent =
  /** A widget session arrived: fetched (`durationMs` of the request) or handed over by the server. */
  | { type: 'SESSION_READY'; locale: Locale; from: 'fetch' | 'server'; durationMs: number }
  /** The widget's page loaded in its iframe, `durationMs` after the iframe was shown. */
  | { type: 'WIDGET_LOADED'; durationMs: number }
  /** A connect left for Thryve's consent page: in this window, or in a new tab. */
  | { type: 'CONNECT_STARTED'; dataSource: DataSourceId; target: 'self' | 'tab' | 'popup' }
  /** Thryve's result of a connect this page started, read on the way back. */
  | { type: 'CONNECT_RESULT'; dataSource: DataSourceId; status: 'connected' | 'failed' }
  /** A disconnect started: in the background, or by leaving for Thryve's revoke page. */
  | { type: 'REVOKE_STARTED'; dataSource: DataSourceId; target: 'background' | 'self' }
  /** A disconnect's outcome. */
  | {
      type: 'REVOKE_RESULT';
      dataSource: DataSourceId;
      status: 'revoked' | 'failed';
      code?: ThryveConnectErrorCode | undefined;
    }
  /** The address carried a result this page did not start: ignored. */
  | { type: 'RESULT_UNMATCHED'; reason: UnmatchedReason }
  /** The session on screen grew too old; the widget offers a Reload. */
  | { type: 'EXPIRED' }
  /** The user reloaded the widget with a fresh session. */
  | { type: 'RELOADED' }
  /**
   * The user accepted the host's privacy notice (the `consent` prop of the picker or the widget), by the
   * click that continues. Only the notice's version: the host knows its own text.
   */
  | { type: 'CONSENT_ACCEPTED'; version: string }
  /** Something failed where the user can see it. */
  | { type: 'ERROR'; code: ThryveConnectErrorCode; dataSource?: DataSourceId | undefined };

/** Hears {@link ThryveEvent}s. Called synchronously: keep it quick, and never throw (a throw is ignored). */
export type ThryveEventListener = (event: ThryveEvent) => void;
