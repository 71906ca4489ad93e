import {
  assertWebDataSource,
  isLocale,
  isThryveConnectError,
  type ThryveConnectErrorCode,
} from '@thryve-connect/core';
import type { ThryveClient } from './createThryveClient.js';
import { LruCache } from './internal/lruCache.js';
import { BodyTooLargeError, readBody } from './internal/readBody.js';
import { isAlias, isEndUserId, isObject } from './internal/validation.js';
import { isThryveApiError } from './ThryveApiError.js';

/** Who the signed-in user is, in Thryve's terms: the app's alias for them, or their Thryve end-user id. */
export type ThryveEndUser = { alias: string } | { endUserId: string };

/** Options of {@link createThryveConnectHandler}. */
export interface ThryveConnectHandlerOptions {
  /** The Thryve client holding the secrets (see `createThryveClient`). */
  client: ThryveClient;
  /**
   * The host app's own authentication: the signed-in user of `request` (from its session cookie or
   * token), or `null` when nobody is signed in (→ 401). Read headers and cookies only, not the body.
   */
  getEndUser: (request: Request) => ThryveEndUser | null | Promise<ThryveEndUser | null>;
  /** Where the routes live. Default `/api/thryve` (what `createProxyFetcher` calls). */
  basePath?: string | undefined;
  /**
   * Opt-in CORS for a frontend on another origin. Only the listed exact origins are echoed back;
   * without this option no CORS header is sent (same-origin use).
   */
  cors?: { origin: string | string[]; credentials?: boolean | undefined } | undefined;
  /** Called with every unexpected failure (Thryve errors, timeouts, a throwing `getEndUser`), for logging. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
}

/** A Fetch-API request handler: Next.js route handlers, Hono, Remix, Bun, Deno, or Node via `toNodeHandler`. */
export type ThryveConnectHandler = (request: Request) => Promise<Response>;

/** The largest request body the handler reads. */
export const MAX_BODY_BYTES = 16 * 1024;

type Route = 'session' | 'connections' | 'revoke';
const ROUTES: Record<Route, 'GET' | 'POST'> = { session: 'POST', connections: 'GET', revoke: 'POST' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ThryveConnectErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function normalizeBasePath(basePath: string): string {
  if (typeof basePath !== 'string' || !basePath.startsWith('/') || /[?#]/.test(basePath)) {
    throw new TypeError(
      'createThryveConnectHandler: "basePath" must be a path starting with "/", e.g. /api/thryve.',
    );
  }
  return basePath.replace(/\/+$/, '');
}

function normalizeCorsOrigins(origin: string | string[]): Set<string> {
  const list = Array.isArray(origin) ? origin : [origin];
  const result = new Set<string>();
  for (const entry of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(entry);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin === 'null' || parsed.origin !== entry.replace(/\/$/, '')) {
      throw new TypeError(
        `createThryveConnectHandler: cors.origin entries must be exact origins such as https://app.example.com (got ${JSON.stringify(String(entry)).slice(0, 60)}).`,
      );
    }
    result.add(parsed.origin);
  }
  return result;
}

/**
 * Creates the backend proxy's Fetch-API handler: the routes `createProxyFetcher` calls by default.
 *
 * - `POST {basePath}/session` `{ locale? }` → `{ url, expiresAt? }`
 * - `GET {basePath}/connections` → `{ connectedSources: [{ dataSource, connectedAt }] }`
 * - `POST {basePath}/revoke` `{ dataSource }` → `{ revoked: true }`
 *
 * The end user is always the one `getEndUser` returns: never an id from the body, query or headers.
 * Errors answer `{ error: { code, message } }` (400, 401, 404, 405, 502, 504) with safe messages;
 * every response is `Cache-Control: no-store`.
 *
 * @example
 * const handler = createThryveConnectHandler({
 *   client: thryve,
 *   getEndUser: async (request) => {
 *     const user = await getSignedInUser(request);
 *     return user ? { alias: user.thryveAlias } : null;
 *   },
 * });
 */
export function createThryveConnectHandler(options: ThryveConnectHandlerOptions): ThryveConnectHandler {
  const { client, getEndUser, onError } = options;
  if (client === null || typeof client !== 'object' || typeof getEndUser !== 'function') {
    throw new TypeError('createThryveConnectHandler: pass { client, getEndUser }.');
  }
  const basePath = normalizeBasePath(options.basePath ?? '/api/thryve');
  const corsOrigins = options.cors ? normalizeCorsOrigins(options.cors.origin) : undefined;
  const corsCredentials = options.cors?.credentials === true;
  const endUsers = new LruCache<string, string>(1000, 10 * 60_000);
  const pending = new Map<string, Promise<string>>();

  function headersFor(request: Request, extra?: Record<string, string>): Headers {
    const headers = new Headers({
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    if (corsOrigins) {
      headers.set('Vary', 'Origin');
      const origin = request.headers.get('origin');
      if (origin !== null && corsOrigins.has(origin)) {
        headers.set('Access-Control-Allow-Origin', origin);
        if (corsCredentials) headers.set('Access-Control-Allow-Credentials', 'true');
      }
    }
    return headers;
  }

  function json(request: Request, status: number, body: unknown, extra?: Record<string, string>): Response {
    return new Response(JSON.stringify(body), { status, headers: headersFor(request, extra) });
  }

  function fail(request: Request, error: HttpError, extra?: Record<string, string>): Response {
    return json(request, error.status, { error: { code: error.code, message: error.message } }, extra);
  }

  function report(error: unknown, request: Request): void {
    try {
      onError?.(error, request);
    } catch {
      // A failing logger must not change the answer.
    }
  }

  async function resolveEndUserId(user: ThryveEndUser): Promise<string> {
    if ('endUserId' in user) {
      if (!isEndUserId(user.endUserId)) throw new TypeError('getEndUser returned an invalid endUserId.');
      return user.endUserId;
    }
    const alias: unknown = (user as { alias?: unknown }).alias;
    if (!isAlias(alias)) {
      throw new TypeError('getEndUser returned an invalid alias (1 to 80 letters, digits or "-").');
    }
    const cached = endUsers.get(alias);
    if (cached !== undefined) return cached;
    let promise = pending.get(alias);
    if (promise === undefined) {
      promise = client.getOrCreateEndUser(alias).then(
        (id) => {
          endUsers.set(alias, id);
          pending.delete(alias);
          return id;
        },
        (error: unknown) => {
          pending.delete(alias);
          throw error;
        },
      );
      pending.set(alias, promise);
    }
    return promise;
  }

  async function readJsonObject(request: Request, required: boolean): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new HttpError(400, 'bad_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      }
      throw new HttpError(400, 'bad_request', 'The request body could not be read as UTF-8 text.');
    }
    if (text.trim() === '') {
      if (required) throw new HttpError(400, 'bad_request', 'The request needs a JSON body.');
      return {};
    }
    // Requiring JSON forces a CORS preflight on cross-site requests: a plain HTML form cannot post here.
    const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpError(400, 'bad_request', 'Send the body as JSON with Content-Type: application/json.');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'bad_request', 'The request body is not valid JSON.');
    }
    if (!isObject(body)) throw new HttpError(400, 'bad_request', 'The request body must be a JSON object.');
    return body;
  }

  async function handleRoute(
    route: Route,
    request: Request,
    endUserId: () => Promise<string>,
  ): Promise<Response> {
    if (route === 'connections') {
      const connectedSources = await client.getConnectedSources(await endUserId());
      return json(request, 200, {
        connectedSources: connectedSources.map(({ dataSource, connectedAt }) => ({
          dataSource,
          connectedAt,
        })),
      });
    }
    if (route === 'session') {
      const body = await readJsonObject(request, false);
      const locale = body.locale ?? undefined;
      if (locale !== undefined && !isLocale(locale)) {
        throw new HttpError(
          400,
          'invalid_locale',
          'Unknown locale: use one of Thryve\'s widget languages (e.g. "en", "de").',
        );
      }
      const session = await client.createConnectionSession({ endUserId: await endUserId(), locale });
      return json(
        request,
        200,
        session.expiresAt === undefined
          ? { url: session.url }
          : { url: session.url, expiresAt: session.expiresAt },
      );
    }
    const body = await readJsonObject(request, true);
    let dataSource: number;
    try {
      dataSource = assertWebDataSource(body.dataSource);
    } catch (error) {
      const code = isThryveConnectError(error) ? error.code : 'invalid_data_source';
      throw new HttpError(400, code, isThryveConnectError(error) ? error.message : 'Unknown data source.');
    }
    await client.revokeDataSource({ endUserId: await endUserId(), dataSource });
    return json(request, 200, { revoked: true });
  }

  function toHttpError(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    if (isThryveApiError(error)) {
      if (error.code === 'timeout')
        return new HttpError(504, 'timeout', 'Thryve did not answer in time. Try again.');
      return new HttpError(502, 'server_error', 'Thryve could not complete the request. Try again later.');
    }
    return new HttpError(500, 'server_error', 'The Thryve proxy failed unexpectedly.');
  }

  return async function thryveConnectHandler(request: Request): Promise<Response> {
    let pathname: string;
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return fail(request, new HttpError(400, 'bad_request', 'The request URL is not valid.'));
    }
    const name = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length + 1) : undefined;
    const route = name !== undefined && Object.hasOwn(ROUTES, name) ? (name as Route) : undefined;
    if (route === undefined) return fail(request, new HttpError(404, 'bad_request', 'Not found.'));
    const method = ROUTES[route];
    const allow = method === 'GET' ? 'GET, HEAD' : 'POST';

    if (request.method === 'OPTIONS' && corsOrigins) {
      const origin = request.headers.get('origin');
      const headers = headersFor(request, { Allow: `${allow}, OPTIONS` });
      if (origin !== null && corsOrigins.has(origin)) {
        headers.set('Access-Control-Allow-Methods', method);
        const requested = request.headers.get('access-control-request-headers');
        const safe =
          requested && /^[A-Za-z0-9!#$%&'*+.^_`|~, -]{1,500}$/.test(requested) ? requested : 'content-type';
        headers.set('Access-Control-Allow-Headers', safe);
        headers.set('Access-Control-Max-Age', '600');
        headers.append('Vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
      }
      return new Response(null, { status: 204, headers });
    }
    if (request.method !== method && !(method === 'GET' && request.method === 'HEAD')) {
      return fail(request, new HttpError(405, 'bad_request', `Use ${method} for ${basePath}/${route}.`), {
        Allow: corsOrigins ? `${allow}, OPTIONS` : allow,
      });
    }

    try {
      let user: ThryveEndUser | null;
      try {
        user = await getEndUser(request);
      } catch (error) {
        report(error, request);
        return fail(request, new HttpError(500, 'server_error', 'Could not determine the signed-in user.'));
      }
      if (user === null || user === undefined) {
        return fail(request, new HttpError(401, 'unauthorized', 'Sign in to connect your data sources.'));
      }
      const signedIn = user;
      const response = await handleRoute(route, request, () => resolveEndUserId(signedIn));
      return request.method === 'HEAD' ? new Response(null, response) : response;
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status >= 500) report(error, request);
      return fail(request, httpError);
    }
  };
}
