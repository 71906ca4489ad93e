import { type ConnectedSource, ThryveConnectError, type ThryveFetcher } from '@thryve-connect/core';
import { SANDBOX_URL } from './sandbox.js';

// Deterministic fetchers for the states a live backend shows only by chance (slow, failing, expiring).
// Their widget URLs point at the sandbox, so a "ready" frame is still the real widget page.

let sequence = 1_000_000_000;
/** A widget URL in Thryve's format on the sandbox origin (its token is not a live session). */
export function sandboxWidgetUrl(locale = 'en'): string {
  sequence += 1;
  return `${SANDBOX_URL}/?connectionSessionToken=${sequence}X4247109939067552841&platform=web&lang=${locale}`;
}

/** Never answers: the loading state, for as long as you look at it. */
export const pendingFetcher: ThryveFetcher = () => new Promise(() => {});

/** Answers like a backend whose user is signed out. */
export const signedOutFetcher: ThryveFetcher = async () => {
  throw new ThryveConnectError('unauthorized', '/api/thryve/session answered HTTP 401.', { status: 401 });
};

/** Answers a URL on a foreign origin: what a compromised or misconfigured backend could send. */
export const untrustedUrlFetcher: ThryveFetcher = async () => ({
  url: 'https://evil.example/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en',
});

/**
 * First a session that lives just long enough to be used (15.5 s: the controller fetches its successor
 * after 5.5 s and retires it after 10.5 s), then 10-minute ones.
 */
export function expiringFetcher(): ThryveFetcher {
  let calls = 0;
  return async ({ locale }) => {
    calls += 1;
    return {
      url: sandboxWidgetUrl(locale),
      expiresAt: calls === 1 ? Date.now() + 15_500 : Date.now() + 600_000,
    };
  };
}

/** A picker backend in memory: sessions on the sandbox origin, connections and revoke as given. */
export function memoryPickerFetcher(
  options: { connected?: ConnectedSource[]; connections?: 'ok' | 'pending' | 'error' | 'none' } = {},
): ThryveFetcher {
  let connected = [...(options.connected ?? [])];
  const fetcher: ThryveFetcher = async ({ locale }) => ({ url: sandboxWidgetUrl(locale) });
  const mode = options.connections ?? 'ok';
  if (mode === 'none') return fetcher;
  fetcher.getConnections = async () => {
    if (mode === 'pending') return new Promise<never>(() => {});
    if (mode === 'error') throw new ThryveConnectError('unauthorized', 'HTTP 401', { status: 401 });
    return connected;
  };
  fetcher.revoke = async ({ dataSource }) => {
    connected = connected.filter((item) => item.dataSource !== dataSource);
  };
  return fetcher;
}
