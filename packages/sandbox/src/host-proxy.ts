import type { SandboxHandler } from './create-sandbox-handler.js';
import { basicHeader, DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.js';
import { findDataSource } from './data-sources.js';
import { isLocale } from './locales.js';
import { ALIAS_PATTERN } from './store.js';

/**
 * Who is signed in to the host app: an alias for every request, or a function of the request
 * (`null`: nobody, answered 401).
 */
export type HostProxyEndUser = string | ((request: Request) => string | null | Promise<string | null>);

/** Options of {@link createHostProxy}. */
export interface HostProxyOptions {
  /** Where the routes live on the app's origin. Default `/api/thryve` (what `createProxyFetcher` calls). */
  basePath?: string;
  /** The signed-in user. Default `'demo-user'`. */
  endUser?: HostProxyEndUser;
  /** The credentials the proxy sends to the sandbox. Default {@link DEFAULT_SANDBOX_CREDENTIALS}. */
  credentials?: SandboxCredentials;
  /** How long one route may wait for the sandbox before answering 504. Default 10 s. */
  timeoutMs?: number;
}

/** The alias the host proxy signs in when no `endUser` is given. */
export const DEFAULT_DEMO_USER = 'demo-user';

type ErrorCode =
  | 'bad_request'
  | 'invalid_locale'
  | 'invalid_data_source'
  | 'native_data_source'
  | 'unauthorized'
  | 'not_found'
  | 'server_error'
  | 'timeout';

class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ROUTES = { session: 'POST', connections: 'GET', revoke: 'POST' } as const;

function answer(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...extra },
  });
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ProxyError(400, 'bad_request', 'Send the body as JSON with Content-Type: application/json.');
  }
  const text = await request.text();
  if (text.length > 16 * 1024) throw new ProxyError(400, 'bad_request', 'The request body is too large.');
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ProxyError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProxyError(400, 'bad_request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * The host app's backend proxy, re-implemented simply on top of a sandbox: the three routes
 * `createProxyFetcher` calls, with the contract of `@thryve-connect/server` (which this package does
 * not import: it is an independent implementation, so a shared mistake cannot hide):
 *
 * - `POST {basePath}/session` `{ locale? }` → `{ url }`
 * - `GET {basePath}/connections` → `{ connectedSources: [{ dataSource, connectedAt }] }`
 * - `POST {basePath}/revoke` `{ dataSource }` → `{ revoked: true }`
 *
 * Errors answer `{ error: { code, message } }`: 400 bad input, 401 nobody signed in, 404, 405, 502 when
 * the sandbox (Thryve) failed — faults injected there show up here as they would in production — and
 * 504 after `timeoutMs`. It talks to the sandbox in-process, through its Fetch handler, with the
 * REST credentials, exactly the calls a real backend makes; revoke GETs the direct revoke page.
 * Returns `undefined` for a request outside `basePath`.
 */
export function createHostProxy(
  sandbox: SandboxHandler,
  options: HostProxyOptions = {},
): (request: Request) => Promise<Response | undefined> {
  const basePath = (options.basePath ?? '/api/thryve').replace(/\/+$/, '');
  const endUser = options.endUser ?? DEFAULT_DEMO_USER;
  const credentials = options.credentials ?? DEFAULT_SANDBOX_CREDENTIALS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const auth = {
    Authorization: basicHeader(credentials.username, credentials.password),
    AppAuthorization: basicHeader(credentials.authId, credentials.authSecret),
  };

  async function upstream(path: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await sandbox.fetch(new Request(`${sandbox.url}${path}`, { ...init, signal }));
    } catch (error) {
      if (signal.aborted) throw new ProxyError(504, 'timeout', 'Thryve did not answer in time. Try again.');
      throw error;
    }
    if (!response.ok && !(response.status >= 300 && response.status < 400)) {
      throw new ProxyError(502, 'server_error', 'Thryve could not complete the request. Try again later.');
    }
    return response;
  }

  async function readJson(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new ProxyError(502, 'server_error', 'Thryve answered something that is not JSON.');
    }
  }

  async function endUserId(alias: string, signal: AbortSignal): Promise<string> {
    const response = await upstream(
      '/v5/accessToken',
      {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ partnerUserID: alias }),
      },
      signal,
    );
    const token = (await response.text()).trim();
    if (!/^[A-Za-z0-9]{8,128}$/.test(token)) {
      throw new ProxyError(502, 'server_error', 'Thryve answered no user token.');
    }
    return token;
  }

  async function widgetSession(id: string, locale: unknown, signal: AbortSignal): Promise<string> {
    const response = await upstream(
      '/widget/v6/connection',
      {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(locale === undefined ? { endUserId: id } : { endUserId: id, locale }),
      },
      signal,
    );
    const url = ((await readJson(response)) as { data?: { url?: unknown } } | null)?.data?.url;
    if (typeof url !== 'string') throw new ProxyError(502, 'server_error', 'Thryve answered no widget URL.');
    return url;
  }

  async function route(name: keyof typeof ROUTES, request: Request, alias: string, signal: AbortSignal) {
    if (name === 'connections') {
      const id = await endUserId(alias, signal);
      const response = await upstream(
        '/v5/userInformation',
        {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ authenticationToken: id }),
        },
        signal,
      );
      const body = await readJson(response);
      const list = Array.isArray(body) ? (body[0] as { connectedSources?: unknown } | undefined) : undefined;
      const sources = Array.isArray(list?.connectedSources) ? list.connectedSources : [];
      return answer(200, {
        connectedSources: sources.map((item: { dataSource?: unknown; connectedAt?: unknown }) => ({
          dataSource: item.dataSource,
          connectedAt: typeof item.connectedAt === 'string' ? item.connectedAt : null,
        })),
      });
    }
    const body = await readJsonObject(request);
    if (name === 'session') {
      const locale = body.locale ?? undefined;
      if (locale !== undefined && !isLocale(locale)) {
        throw new ProxyError(400, 'invalid_locale', 'Unknown locale: use one of the widget languages.');
      }
      return answer(200, { url: await widgetSession(await endUserId(alias, signal), locale, signal) });
    }
    const { dataSource } = body;
    const source = typeof dataSource === 'number' ? findDataSource(dataSource) : undefined;
    if (source === undefined) {
      throw new ProxyError(400, 'invalid_data_source', 'dataSource must be the id of a known data source.');
    }
    if (source.type !== 'Web') {
      throw new ProxyError(400, 'native_data_source', `${source.name} connects only in the mobile app.`);
    }
    const widgetUrl = new URL(await widgetSession(await endUserId(alias, signal), undefined, signal));
    const token = widgetUrl.searchParams.get('connectionSessionToken') ?? '';
    const query = new URLSearchParams({ token, dataSource: String(source.id), direct: 'true' });
    await upstream(`/dataSourceDirectRevoke.html?${query}`, { method: 'GET', redirect: 'manual' }, signal);
    return answer(200, { revoked: true });
  }

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${basePath}/`)) return undefined;
    const name = pathname.slice(basePath.length + 1);
    if (!Object.hasOwn(ROUTES, name))
      return answer(404, { error: { code: 'not_found', message: 'Not found.' } });
    const routeName = name as keyof typeof ROUTES;
    const method = ROUTES[routeName];
    if (request.method !== method) {
      return answer(
        405,
        { error: { code: 'bad_request', message: `Use ${method} for ${basePath}/${name}.` } },
        { Allow: method },
      );
    }
    const signal = AbortSignal.timeout(timeoutMs);
    // The deadline bounds the whole route, latency faults included, not each call to the sandbox.
    const deadline = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () =>
        reject(new ProxyError(504, 'timeout', 'Thryve did not answer in time. Try again.')),
      );
    });
    deadline.catch(() => undefined);
    try {
      const alias = typeof endUser === 'string' ? endUser : await endUser(request);
      if (alias === null) throw new ProxyError(401, 'unauthorized', 'Sign in to connect your data sources.');
      if (!ALIAS_PATTERN.test(alias)) throw new TypeError('endUser must be 1 to 80 letters, digits or "-".');
      return await Promise.race([route(routeName, request, alias, signal), deadline]);
    } catch (error) {
      if (error instanceof ProxyError) {
        return answer(error.status, { error: { code: error.code, message: error.message } });
      }
      return answer(500, {
        error: { code: 'server_error', message: 'The Thryve proxy failed unexpectedly.' },
      });
    }
  };
}
