import { IS_DEVELOPMENT } from '#is-development';
import type { ConnectedSource, SessionPayload, ThryveFetcher } from './ConnectionSession.js';
import { parseConnectedSources } from './parseConnectedSources.js';
import { ThryveConnectError, type ThryveConnectErrorCode } from './ThryveConnectError.js';
import { normalizeSessionPayload } from './toConnectionSession.js';

/** Options of {@link createProxyFetcher}. */
export interface ProxyFetcherOptions {
  /** The backend's session route. Default `/api/thryve/session`. */
  url?: string;
  /** The connections route, or `false` for none. Default: `connections` beside a `…/session` url. */
  connectionsUrl?: string | false;
  /** The revoke route, or `false` for none. Default: `revoke` beside a `…/session` url. */
  revokeUrl?: string | false;
  /** Extra request settings (e.g. a CSRF header); method, body and signal are set by the fetcher. */
  init?: RequestInit;
  /** A `fetch` implementation. Default: the global one, looked up at call time. */
  fetch?: typeof fetch;
}

/** The default route of the backend proxy (`@thryve-connect/server`). */
export const DEFAULT_SESSION_PATH = '/api/thryve/session';

/**
 * The browser's one HTTP status → code table: what an error answer of the backend means when its body
 * names no code of {@link PROXY_CODES}. The server's answers use the same codes (its own table).
 */
function codeForStatus(status: number): ThryveConnectErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

// The backend proxy's codes (`{ error: { code } }`) that its HTTP status alone does not tell: adopted,
// so the browser shows the code the server sent (a `configuration_error` is not retried). The proxy's
// other codes are the ones `codeForStatus` gives; an unknown code is ignored.
const PROXY_CODES = ' invalid_locale invalid_data_source native_data_source configuration_error not_found ';

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

async function readError(response: Response): Promise<{ code?: unknown; message?: unknown } | undefined> {
  try {
    return ((await response.json()) as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  } catch {
    return undefined;
  }
}

async function request(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch | undefined,
): Promise<unknown> {
  let response: Response;
  try {
    response = await (fetchImpl ?? globalThis.fetch)(url, init);
  } catch (cause) {
    if (init.signal?.aborted) {
      throw new ThryveConnectError('aborted', IS_DEVELOPMENT ? `The request to ${url} was aborted.` : '', {
        cause,
      });
    }
    throw new ThryveConnectError(
      'network_error',
      IS_DEVELOPMENT ? `Could not reach ${url}: check that the backend proxy is running and reachable.` : '',
      { cause },
    );
  }
  if (!response.ok) {
    const error = await readError(response);
    const code = error?.code;
    throw new ThryveConnectError(
      typeof code === 'string' && PROXY_CODES.includes(` ${code} `)
        ? (code as ThryveConnectErrorCode)
        : codeForStatus(response.status),
      IS_DEVELOPMENT
        ? `${url} answered HTTP ${response.status}${typeof error?.message === 'string' && error.message ? `: ${error.message.slice(0, 300)}` : ''}.`
        : '',
      { status: response.status, retryAfterMs: retryAfterMs(response) },
    );
  }
  if (response.status === 204) return undefined;
  try {
    return await response.json();
  } catch (cause) {
    throw new ThryveConnectError(
      init.signal?.aborted ? 'aborted' : 'invalid_response',
      IS_DEVELOPMENT
        ? /html/i.test(response.headers.get('content-type') ?? '')
          ? `${url} answered an HTML page, not JSON: no backend proxy answers at that path (an app's ` +
            'page or index.html fallback did). Mount the proxy there (@thryve-connect/server), or pass ' +
            "its real path: createProxyFetcher('/your/route/session')."
          : `${url} did not answer JSON. Is the route the thryve-connect backend proxy?`
        : '',
      { cause, status: response.status },
    );
  }
}

function sibling(url: string, name: string): string | undefined {
  return /\/session\/?$/.test(url) ? url.replace(/\/session\/?$/, `/${name}`) : undefined;
}

function parseConnections(body: unknown, url: string): ConnectedSource[] {
  const list = parseConnectedSources((body as { connectedSources?: unknown } | null)?.connectedSources);
  if (list === undefined) {
    throw new ThryveConnectError(
      'invalid_response',
      IS_DEVELOPMENT ? `${url} did not answer { "connectedSources": [...] }.` : '',
    );
  }
  return list;
}

/**
 * The default fetcher: asks the host's backend proxy for a widget session (`POST {url}` with
 * `{ locale }`), and, when the routes exist, for the user's connections and to revoke a source.
 * Honours the `AbortSignal`; turns HTTP errors, non-JSON and wrong shapes into {@link ThryveConnectError}s.
 *
 * @example createProxyFetcher('/api/thryve/session')
 */
export function createProxyFetcher(options: string | ProxyFetcherOptions = {}): ThryveFetcher {
  const opts: ProxyFetcherOptions = typeof options === 'string' ? { url: options } : options;
  const url = opts.url ?? DEFAULT_SESSION_PATH;
  const connectionsUrl =
    opts.connectionsUrl === false ? undefined : (opts.connectionsUrl ?? sibling(url, 'connections'));
  const revokeUrl = opts.revokeUrl === false ? undefined : (opts.revokeUrl ?? sibling(url, 'revoke'));
  const base = opts.init ?? {};
  const headers = (extra: Record<string, string>): Headers => {
    const merged = new Headers(base.headers);
    for (const [name, value] of Object.entries(extra)) merged.set(name, value);
    return merged;
  };
  const init = (method: string, signal: AbortSignal | undefined, body?: unknown): RequestInit => ({
    credentials: 'same-origin',
    cache: 'no-store',
    ...base,
    method,
    headers: headers(
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    ),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  });

  const fetcher: ThryveFetcher = async ({ locale, signal }): Promise<SessionPayload> =>
    normalizeSessionPayload(await request(url, init('POST', signal, { locale }), opts.fetch));
  if (connectionsUrl) {
    fetcher.getConnections = async ({ signal } = {}) =>
      parseConnections(await request(connectionsUrl, init('GET', signal), opts.fetch), connectionsUrl);
  }
  if (revokeUrl) {
    fetcher.revoke = async ({ dataSource, signal }) => {
      await request(revokeUrl, init('POST', signal, { dataSource }), opts.fetch);
    };
  }
  return fetcher;
}
