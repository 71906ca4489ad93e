import type { DataSourceId } from './dataSources.js';
import type { Locale } from './locales.js';

/** Thryve's answer to `POST /widget/v6/connection`. */
export interface ConnectionWidgetResponse {
  type: 'enduser.widget.connection';
  data: { url: string };
}

/** What a backend proxy answers for a session: the widget URL and, when known, when it expires. */
export interface SessionPayload {
  url: string;
  /** Expiry as epoch milliseconds or an ISO 8601 string. Thryve does not publish the lifetime. */
  expiresAt?: number | string | undefined;
}

/** A validated Connection Widget session, ready for an iframe or for the direct URLs. */
export interface ConnectionSession {
  /** The widget URL, validated by `parseWidgetUrl`. */
  url: string;
  /** Its `connectionSessionToken`. Short-lived and sensitive: never log or persist it. */
  token: string;
  locale: Locale;
  /** Epoch milliseconds when the session was received. */
  fetchedAt: number;
  /** Epoch milliseconds after which it must not be used, when the backend said so. */
  expiresAt?: number | undefined;
  /**
   * True for a session handed over from a server render (`initialSession`): its widget page was in the
   * server's HTML, so it may have loaded before the page's script ran.
   */
  hydrated?: boolean | undefined;
}

/** What the fetcher is asked for. */
export interface SessionRequest {
  locale: Locale;
  signal?: AbortSignal | undefined;
}

/** One connected data source, as Thryve's `userInformation` reports it. */
export interface ConnectedSource {
  dataSource: DataSourceId;
  /** ISO 8601, or `null` when Thryve did not say. */
  connectedAt: string | null;
}

/**
 * Gets a widget session from the host's own backend. Any function of this shape works; the
 * optional methods let the picker read connections and revoke through the backend as well.
 */
export interface ThryveFetcher {
  (request: SessionRequest): Promise<SessionPayload | ConnectionWidgetResponse>;
  /** Reads the signed-in user's connected sources (the backend's `GET …/connections`). */
  getConnections?:
    | ((request: { signal?: AbortSignal | undefined }) => Promise<ConnectedSource[]>)
    | undefined;
  /** Revokes a source server-side (the backend's `POST …/revoke`). */
  revoke?:
    | ((request: { dataSource: DataSourceId; signal?: AbortSignal | undefined }) => Promise<void>)
    | undefined;
}
