import { DEFAULT_LOCALE, DEFAULT_THRYVE_HOSTS, type Locale, type SessionPayload } from '@thryve-connect/core';

let sequence = 1_000_000_000;

/** A session token in Thryve's format (`1060285265X4247109939067552841`), new on every call. */
export function buildToken(): string {
  sequence += 1;
  return `${sequence}X${String(Date.now()).padStart(19, '4').slice(-19)}`;
}

/** Options of {@link buildSession}. */
export interface BuildSessionOptions {
  locale?: Locale | undefined;
  /** The widget's origin. Default Thryve's (`https://connect.thryve.de`). */
  origin?: string | undefined;
  token?: string | undefined;
  /** Adds `expiresAt`, this many ms from now. */
  lifetimeMs?: number | undefined;
}

/**
 * What a backend proxy answers for a session (`{ url, expiresAt? }`), with a widget URL in Thryve's
 * format and a fresh token: for a fetcher of your own in tests, or for `initialSession`.
 */
export function buildSession(options: BuildSessionOptions = {}): SessionPayload {
  const origin = options.origin ?? DEFAULT_THRYVE_HOSTS.widget;
  const url = `${origin}/?connectionSessionToken=${options.token ?? buildToken()}&platform=web&lang=${options.locale ?? DEFAULT_LOCALE}`;
  return options.lifetimeMs === undefined ? { url } : { url, expiresAt: Date.now() + options.lifetimeMs };
}
