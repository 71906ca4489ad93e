import { IS_DEVELOPMENT } from '#is-development';
import type { SessionPayload, ThryveFetcher } from './ConnectionSession.js';
import { parseConnectedSources } from './parseConnectedSources.js';
import { ThryveConnectError } from './ThryveConnectError.js';
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

async function request(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch | undefined,
): Promise<unknown> {
  let response: Response;
  try {
    response = await (fetchImpl ?? globalThis.fetch)(url, init);
  } catch (cause) {
    const aborted = init.signal?.aborted;
    throw new ThryveConnectError(
      aborted ? 'aborted' : 'network_error',
      IS_DEVELOPMENT
        ? aborted
          ? `The request to ${url} was aborted.`
          : `Could not reach ${url}: check that the backend proxy is running and reachable.`
        : '',
      { cause },
    );
  }
  if (!response.ok) {
    const { status } = response;
    // Read by a module of its own, loaded on the first error answer; one that cannot load (the network
    // went away since) is a network error: retried, as a failed request would be.
    const answer = await import('./internal/errorAnswer.js').then(
      (module) => module.readErrorAnswer(response),
      (cause: unknown) => {
        throw new ThryveConnectError(
          'network_error',
          IS_DEVELOPMENT
            ? `${url} answered HTTP ${status}, and the code that reads it could not be loaded.`
            : '',
          { cause, status },
        );
      },
    );
    throw new ThryveConnectError(
      answer.code,
      IS_DEVELOPMENT
        ? `${url} answered HTTP ${status}${typeof answer.message === 'string' && answer.message ? `: ${answer.message.slice(0, 300)}` : ''}.`
        : '',
      { status, retryAfterMs: answer.retryAfterMs },
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
  const base = opts.init ?? {};
  /** A route given, or `name` beside a `…/session` url; `false` or no such url: none. */
  const route = (given: string | false | undefined, name: string): string | undefined => {
    const beside = url.replace(/\/session\/?$/, `/${name}`);
    return given === false ? undefined : (given ?? (beside === url ? undefined : beside));
  };
  const send = (target: string, signal: AbortSignal | undefined, body?: object): Promise<unknown> => {
    const headers = new Headers(base.headers);
    headers.set('accept', 'application/json');
    if (body) headers.set('content-type', 'application/json');
    return request(
      target,
      {
        credentials: 'same-origin',
        cache: 'no-store',
        ...base,
        method: body ? 'POST' : 'GET',
        headers,
        ...(body && { body: JSON.stringify(body) }),
        ...(signal && { signal }),
      },
      opts.fetch,
    );
  };

  const fetcher: ThryveFetcher = async ({ locale, signal }): Promise<SessionPayload> =>
    normalizeSessionPayload(await send(url, signal, { locale }));
  const connectionsUrl = route(opts.connectionsUrl, 'connections');
  if (connectionsUrl) {
    fetcher.getConnections = async ({ signal } = {}) => {
      const list = parseConnectedSources(
        ((await send(connectionsUrl, signal)) as { connectedSources?: unknown } | null)?.connectedSources,
      );
      if (list) return list;
      throw new ThryveConnectError(
        'invalid_response',
        IS_DEVELOPMENT ? `${connectionsUrl} did not answer { "connectedSources": [...] }.` : '',
      );
    };
  }
  const revokeUrl = route(opts.revokeUrl, 'revoke');
  if (revokeUrl) {
    fetcher.revoke = async ({ dataSource, signal }) => {
      await send(revokeUrl, signal, { dataSource });
    };
  }
  return fetcher;
}
