import {
  buildConnectUrl,
  type ConnectionsSeed,
  type DataSourceId,
  DEFAULT_LOCALE,
  fingerprintToken,
  isLocale,
  type Locale,
  matchLocale,
  type SessionSeed,
  seedConnections,
  seedSession,
} from '@thryve-connect/core';
import { createMemoryStore } from './createMemoryStore.js';
import { DEFAULT_TIMEOUT_MS, type ThryveClient, type ThryveConnectedSource } from './createThryveClient.js';
import { parseFormBody } from './internal/formBody.js';
import {
  addClick,
  CLICK_MAX_AGE_MS,
  FLASH_MAX_AGE_MS,
  matchReturn,
  newFlash,
  openClicks,
  openFlash,
  sealClicks,
  sealFlash,
  type ThryveFormResult,
  userTag,
} from './internal/formState.js';
import { HttpError } from './internal/HttpError.js';
import { LruCache } from './internal/lruCache.js';
import { BodyTooLargeError, readBody } from './internal/readBody.js';
import { checkReturnAddress } from './internal/returnAddress.js';
import { MIN_STORE_SECRET_LENGTH, sealStore, storeSecretOf } from './internal/sealedStore.js';
import { readCookie, serializeCookie } from './internal/signedCookie.js';
import { isAlias, isEndUserId, isObject } from './internal/validation.js';
import { classifyDataSource, DATA_SOURCE_MESSAGES, extendCatalogue } from './internal/webDataSource.js';
import { isThryveApiError, ThryveApiError, type ThryveApiErrorCode } from './ThryveApiError.js';
import type { ThryveStore, ThryveTokenBucket } from './ThryveStore.js';

/** Who the signed-in user is, in Thryve's terms: the app's alias for them, or their Thryve end-user id. */
export type ThryveEndUser = { alias: string } | { endUserId: string };

/** Options of {@link createThryveConnectHandler}. */
export interface ThryveConnectHandlerOptions {
  /**
   * The Thryve client holding the secrets (see `createThryveClient`). Its `timeoutMs` bounds each
   * route as a whole, and its `catalogue` (extending core's) says which sources are web and which native.
   */
  client: ThryveClient;
  /**
   * The host app's own authentication: the signed-in user of `request` (from its session cookie or
   * token), or `null` when nobody is signed in (→ 401). Read headers and cookies only, not the body.
   */
  getEndUser: (request: Request) => ThryveEndUser | null | Promise<ThryveEndUser | null>;
  /** Where the routes live. Default `/api/thryve` (what `createProxyFetcher` calls). */
  basePath?: string | undefined;
  /**
   * Opt-in CORS for a frontend on another origin. Only the listed exact origins are echoed back and
   * let through the cross-origin check; without this option no CORS header is sent (same-origin use).
   * Behind a proxy that changes the scheme or host the handler sees, list your public origin here too.
   */
  cors?: { origin: string | string[]; credentials?: boolean | undefined } | undefined;
  /**
   * Called with every unexpected failure (Thryve errors, timeouts, a throwing `getEndUser`) and with
   * anomalies worked around (an `expiresAt` from Thryve that was dropped), for logging.
   */
  onError?: ((error: unknown, request: Request) => void) | undefined;
  /**
   * Where the end-user id cache and the rate limits live. Default: this process's memory, bounded
   * (`createMemoryStore()`). With many instances, a shared store (`createRedisStore()` from
   * `@thryve-connect/server/redis`) gives them one cache and one limit; it then needs `storeSecret`.
   */
  store?: ThryveStore | undefined;
  /**
   * The secret that keys (HMAC) and encrypts (AES-256-GCM) everything the handler keeps in `store`:
   * at least 32 random characters, the same on every instance, never a Thryve credential. Required
   * with a `store`; the default memory store uses a random one.
   */
  storeSecret?: string | undefined;
  /**
   * Token buckets in front of every route that calls Thryve, and `prefetch`: one per signed-in user
   * and one for the whole app (the Thryve quota all users share). A request costs its calls to Thryve
   * (session and connections 1, revoke 2, prefetch 2 or 1). Over a limit: `429` with `Retry-After` and
   * the code `rate_limited`, before any call to Thryve. Default {@link DEFAULT_RATE_LIMITS}; `false`
   * (or `user: false`, `app: false`) turns them off.
   */
  limits?: ThryveRateLimits | false | undefined;
  /**
   * Turns on the form routes, so that the picker's Connect and Disconnect work before JavaScript (and
   * without it): `POST {basePath}/connect`, `GET {basePath}/return` (Thryve's way back) and form posts
   * to `{basePath}/revoke`. Without it they answer 404 and the picker's buttons wait for hydration.
   * They need cookie-based sign-in: a form cannot send an `Authorization` header.
   */
  forms?: ThryveFormsOptions | undefined;
}

/** The form routes' settings (see {@link ThryveConnectHandlerOptions.forms}). */
export interface ThryveFormsOptions {
  /**
   * Signs (HMAC-SHA256) the cookies that bind Thryve's return to the click and the user, and the
   * result flash: at least 32 random characters, the same on every instance, never a Thryve credential.
   */
  secret: string;
  /**
   * The return route's public address, the one address to put on Thryve's redirect allow-list, e.g.
   * `https://app.example.com/api/thryve/return`. Default: `{basePath}/return` on the origin the browser
   * posted from. Set it when a proxy in front changes the host or scheme the handler sees.
   */
  returnUrl?: string | undefined;
  /** Origins other than this one whose pages the routes may send the user back to. Default none. */
  returnOrigins?: string[] | undefined;
  /**
   * `Secure` cookies with the `__Host-` prefix. Default: when `returnUrl` (or else the request) is
   * https. Behind TLS termination the request says `http`: set `true` (or an https `returnUrl`).
   */
  secureCookies?: boolean | undefined;
}

/**
 * Where {@link ThryveConnectHandler.readResult} reads the cookies: Next.js's `await cookies()`, a
 * `Request`, its `Headers`, or a `Cookie` header.
 */
export type ThryveCookieSource =
  | { get(name: string): { value: string } | string | undefined }
  | Request
  | Headers
  | string
  | null
  | undefined;

export type { ThryveFormResult };

/** The codes a form's failure flash can carry. */
type ThryveFormFailureCode = Extract<ThryveFormResult, { code: unknown }>['code'];

/** The handler's rate limits (see {@link ThryveConnectHandlerOptions.limits}). */
export interface ThryveRateLimits {
  /** Each signed-in user's bucket, shared by every route and `prefetch`. `false` for none. */
  user?: ThryveTokenBucket | false | undefined;
  /** The whole app's bucket, across users (and instances, with a shared store). `false` for none. */
  app?: ThryveTokenBucket | false | undefined;
}

/**
 * The default limits.
 *
 * One bucket per user for all routes, not one per route: every route spends the same Thryve quota,
 * and per-route buckets would give a script three budgets. A request costs its calls to Thryve.
 *
 * `user`: a burst of 40, refilled at one call every 2 s (30 a minute). A real journey costs far less:
 * a server render (prefetch, 2), a second tab (2), a refresh before each expiry (1 per tab every
 * ~10 minutes), a connect and its return (a session, a server render and a connections read: 4), a
 * revoke and the connections read after it (3): about 12 in its first minutes. A script sending 200
 * at once gets about 40 through; reloading a server-rendered page in a loop, 20 renders, then one
 * every 4 s.
 *
 * `app`: a burst of 1,000 calls, refilled at 50 a second (3,000 a minute), a guard for the shared
 * Thryve quota, not a fairness tool: set it from your Thryve contract and your traffic.
 */
export const DEFAULT_RATE_LIMITS: {
  readonly user: Readonly<ThryveTokenBucket>;
  readonly app: Readonly<ThryveTokenBucket>;
} = Object.freeze({
  user: Object.freeze({ capacity: 40, refillPerSecond: 0.5 }),
  app: Object.freeze({ capacity: 1_000, refillPerSecond: 50 }),
});

/** A Fetch-API request handler: Next.js route handlers, Hono, Remix, Bun, Deno, or Node via `toNodeHandler`. */
export type ThryveConnectHandler = ((request: Request) => Promise<Response>) & {
  /**
   * What the session and connections routes would answer for `endUser`, without an HTTP hop: for a
   * Server Component or a loader that renders the widget (and the picker's statuses) into the first
   * HTML. The same validation, end-user cache, deadline and errors as the routes (a `ThryveApiError`;
   * a `TypeError` for an identity that is not one, or a missing `userKey`). The result is tagged with
   * whose it is (`userKey`, and the session's locale): pass it to `<ThryveConnectProvider>` as
   * `initialSession` and `initialConnections` with the same `userKey` and `locale`, which apply it
   * only when both match. The page then holds a session token: render it per request and never cache
   * it (`Cache-Control: no-store`).
   *
   * @example
   * const seeds = await handler.prefetch({ alias: user.thryveAlias }, { userKey: user.id, locale: 'de' });
   * return <ThryveConnectProvider userKey={user.id} locale="de" {...seeds}>…</ThryveConnectProvider>;
   */
  prefetch(endUser: ThryveEndUser, options: ThryvePrefetchOptions): Promise<ThryvePrefetchResult>;
  /**
   * The result of a connect or disconnect made with a form post (before JavaScript), for the page it
   * came back to: `none` when there is none, else core's `ConnectionResult` (a failure the proxy met
   * carries its `code`). Read once: a reload finds `none`. A forged, tampered, expired or other-user
   * flash is `unmatched`. Pass the signed-in user (`null` when nobody is) so that a result is only
   * shown to whom it belongs. Works where cookies cannot be set (a Server Component). A result of a
   * click after hydration is not here: the picker reads it from the address, as before.
   *
   * @example
   * const result = await handler.readResult(await cookies(), { alias: user.thryveAlias });
   * return <DataSourcePicker result={result} />;
   */
  readResult(cookies: ThryveCookieSource, endUser?: ThryveEndUser | null): Promise<ThryveFormResult>;
};

/** Options of {@link ThryveConnectHandler.prefetch}. */
export interface ThryvePrefetchOptions {
  /**
   * Your id for the signed-in user: the same string you give `<ThryveConnectProvider userKey>`. The
   * seeds carry only a fingerprint of it, never the key itself.
   */
  userKey: string;
  /**
   * The widget's language, the same as the provider's `locale`. `'auto'`: the best match of
   * `acceptLanguage` among Thryve's 28 (as the provider's `locale="auto"` picks from the browser's
   * languages; the seed's locale then wins on the client, so hydration never mismatches). Default
   * `'en'` (core's `DEFAULT_LOCALE`).
   */
  locale?: Locale | 'auto' | undefined;
  /** With `locale: 'auto'`: the request's `Accept-Language` header, e.g. `(await headers()).get('accept-language')`. */
  acceptLanguage?: string | null | undefined;
  /** Also read the connected sources (one more call to Thryve). Default `true`. */
  connections?: boolean | undefined;
}

/** What {@link ThryveConnectHandler.prefetch} returns: the routes' JSON tagged with whose it is, named as the provider's props. */
export interface ThryvePrefetchResult {
  initialSession: SessionSeed;
  initialConnections?: ConnectionsSeed;
}

/** The largest request body the handler reads. */
export const MAX_BODY_BYTES = 16 * 1024;

type Route = 'session' | 'connections' | 'revoke' | 'connect' | 'return';
const ROUTES: Record<Route, 'GET' | 'POST'> = {
  session: 'POST',
  connections: 'GET',
  revoke: 'POST',
  connect: 'POST',
  return: 'GET',
};
/**
 * What each route costs in the rate limits' tokens: its calls to Thryve (a revoke is a session and a
 * GET). The return route calls nobody, and refusing it would lose a result Thryve already applied.
 */
const ROUTE_COST: Record<Exclude<Route, 'return'>, number> = {
  session: 1,
  connections: 1,
  revoke: 2,
  connect: 1,
};

const FORM_TYPE = 'application/x-www-form-urlencoded';
const CLICKS_COOKIE = 'thryve-connect-clicks';
const RESULT_COOKIE = 'thryve-connect-result';

function checkedForms(forms: ThryveFormsOptions) {
  const { secret, returnUrl, returnOrigins, secureCookies } = forms ?? ({} as Partial<ThryveFormsOptions>);
  if (typeof secret !== 'string' || secret.length < MIN_STORE_SECRET_LENGTH) {
    throw new TypeError(
      `createThryveConnectHandler: "forms.secret" must be a random string of at least ${MIN_STORE_SECRET_LENGTH} characters, the same on every instance (it signs the form routes' cookies).`,
    );
  }
  if (returnUrl !== undefined) {
    const parsed = URL.canParse(returnUrl) ? new URL(returnUrl) : undefined;
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hash || parsed.username || parsed.password) {
      throw new TypeError(
        'createThryveConnectHandler: "forms.returnUrl" must be an absolute http(s) URL of the return route, e.g. https://app.example.com/api/thryve/return.',
      );
    }
  }
  return {
    secret,
    returnUrl,
    returnOrigins:
      returnOrigins === undefined
        ? new Set<string>()
        : normalizeCorsOrigins(returnOrigins, 'forms.returnOrigins'),
    secureCookies,
  };
}

/** A store failure reaches `onError` at most this often: an outage must not flood the logs. */
const STORE_REPORT_INTERVAL_MS = 5_000;

/** How long a resolved end-user id is reused before it is looked up again. */
const END_USER_CACHE_MS = 10 * 60_000;

/**
 * How long the connections the handler read for a user (the connections route, prefetch) vouch for
 * revoking a source the catalogue does not list. Used only to allow: a source missing from them is
 * read again, never refused on the cache's word.
 */
const CONNECTIONS_CACHE_MS = 30_000;

/** Thryve's refusals of an end-user id: a cached id that earns one is dropped and resolved again. */
const REFUSALS: ReadonlySet<ThryveApiErrorCode> = new Set(['forbidden', 'bad_request', 'not_found']);

function checkedBucket(bucket: unknown, name: string): ThryveTokenBucket | undefined {
  if (bucket === false) return undefined;
  const { capacity, refillPerSecond } = (bucket ?? {}) as Partial<ThryveTokenBucket>;
  if (
    typeof capacity !== 'number' ||
    !(capacity >= 1) ||
    typeof refillPerSecond !== 'number' ||
    !(refillPerSecond > 0) ||
    !Number.isFinite(capacity + refillPerSecond)
  ) {
    throw new TypeError(
      `createThryveConnectHandler: "limits.${name}" must be false or { capacity: ≥ 1, refillPerSecond: > 0 }.`,
    );
  }
  return { capacity, refillPerSecond };
}

function normalizeBasePath(basePath: string): string {
  if (typeof basePath !== 'string' || !basePath.startsWith('/') || /[?#]/.test(basePath)) {
    throw new TypeError(
      'createThryveConnectHandler: "basePath" must be a path starting with "/", e.g. /api/thryve.',
    );
  }
  return basePath.replace(/\/+$/, '');
}

function normalizeCorsOrigins(origin: string | string[], what = 'cors.origin'): Set<string> {
  const list = Array.isArray(origin) ? origin : [origin];
  const result = new Set<string>();
  for (const entry of list) {
    const parsed = URL.canParse(entry) ? new URL(entry) : undefined;
    // An opaque origin serialises as "null", which matches no entry: refused like any non-origin.
    if (parsed?.origin !== String(entry).replace(/\/$/, '')) {
      throw new TypeError(
        `createThryveConnectHandler: ${what} entries must be exact origins such as https://app.example.com (got ${JSON.stringify(String(entry)).slice(0, 60)}).`,
      );
    }
    result.add(parsed.origin);
  }
  return result;
}

/**
 * One deadline for a whole route. Cleared when the route answers: `AbortSignal.timeout` would keep
 * every request's objects alive for the full timeout after its answer went out (the load bench saw
 * the heap hold them under 500 concurrent requests).
 */
function startDeadline(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The route took too long.', 'TimeoutError')),
    ms,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** The signed-in user as `getEndUser` gave it, checked: anything else is the host's bug (500). */
function checkedIdentity(user: unknown): ThryveEndUser {
  if (isObject(user) && 'endUserId' in user) {
    if (isEndUserId(user.endUserId)) return { endUserId: user.endUserId };
    throw new TypeError('getEndUser returned an invalid endUserId.');
  }
  if (isObject(user) && isAlias(user.alias)) return { alias: user.alias };
  throw new TypeError(
    'getEndUser must return { alias } (1 to 80 letters, digits or "-"), { endUserId } or null.',
  );
}
/**
 * Creates the backend proxy's Fetch-API handler: the routes `createProxyFetcher` calls by default.
 *
 * - `POST {basePath}/session` `{ locale? }` → `{ url, expiresAt? }`
 * - `GET {basePath}/connections` → `{ connectedSources: [{ dataSource, connectedAt }] }`
 * - `POST {basePath}/revoke` `{ dataSource }` → `{ revoked: true }`
 *
 * The end user is always the one `getEndUser` returns: never an id from the body, query or headers.
 * A request from a foreign origin (neither this one nor listed in `cors.origin`) is refused with 403
 * before `getEndUser` runs. Errors answer `{ error: { code, message } }` with core's error codes
 * (400, 401, 403, 404, 405, 429, 500, 502, 504) and safe messages; every response is `Cache-Control: no-store`.
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
  const routeTimeoutMs = client.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const catalogue = extendCatalogue(client.catalogue);
  const store = sealStore(
    options.store ?? createMemoryStore(),
    storeSecretOf(options.storeSecret, options.store !== undefined, 'createThryveConnectHandler'),
  );
  const limits = options.limits === false ? { user: false, app: false } : (options.limits ?? {});
  const userLimit = checkedBucket(limits.user ?? DEFAULT_RATE_LIMITS.user, 'user');
  const appLimit = checkedBucket(limits.app ?? DEFAULT_RATE_LIMITS.app, 'app');
  const appLimitKey = store.key('rl', 'app');
  const forms = options.forms === undefined ? undefined : checkedForms(options.forms);
  /** Where limits are checked while the store is unavailable: this process only, never unlimited. */
  const fallback = createMemoryStore();
  let storeReportedAt = Number.NEGATIVE_INFINITY;
  /** The connections last read per Thryve end-user id: see {@link CONNECTIONS_CACHE_MS}. */
  const recentConnections = new LruCache<string, readonly ThryveConnectedSource[]>(
    1000,
    CONNECTIONS_CACHE_MS,
  );
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

  function fail(request: Request, error: HttpError): Response {
    return error.toResponse(headersFor(request));
  }

  function report(error: unknown, request: Request): void {
    try {
      onError?.(error, request);
    } catch {
      // A failing logger must not change the answer.
    }
  }

  function reportStore(error: unknown, request: Request): void {
    const now = Date.now();
    if (now - storeReportedAt < STORE_REPORT_INTERVAL_MS) return;
    storeReportedAt = now;
    report(
      new Error('The thryve-connect store is unavailable; serving without it.', { cause: error }),
      request,
    );
  }

  /**
   * Takes `cost` from one bucket. While the store fails, the bucket is this process's own: each
   * instance then limits on its own (a fleet of n lets n times through) rather than refusing everyone
   * (a store outage turned into a full outage) or nobody (the quota unguarded).
   */
  async function takeFrom(key: string, bucket: ThryveTokenBucket, cost: number, request: Request) {
    try {
      return await store.take(key, bucket, cost);
    } catch (error) {
      reportStore(error, request);
      return fallback.take(key, bucket, cost);
    }
  }

  /** Refuses (`rate_limited`) a request over the user's or the app's limit, before any call to Thryve. */
  async function admit(user: ThryveEndUser, cost: number, request: Request): Promise<void> {
    const buckets: [string, ThryveTokenBucket | undefined][] = [
      // The user's first: a user over their own limit does not drain the app's.
      [store.key('rl', 'alias' in user ? `a:${user.alias}` : `u:${user.endUserId}`), userLimit],
      [appLimitKey, appLimit],
    ];
    for (const [key, bucket] of buckets) {
      if (bucket === undefined) continue;
      const { allowed, retryAfterMs } = await takeFrom(key, bucket, cost, request);
      if (!allowed) {
        throw new HttpError('rate_limited', 'Too many requests: try again later.', { retryAfterMs });
      }
    }
  }

  async function cachedEndUserId(key: string, request: Request): Promise<string | undefined> {
    try {
      const id = await store.get(key);
      return id !== undefined && isEndUserId(id) ? id : undefined;
    } catch (error) {
      reportStore(error, request);
      return undefined;
    }
  }

  /**
   * True when a browser sent `request` from a page this handler does not serve. `Origin` is what
   * browsers put on every cross-origin request and on same-origin POSTs; `Sec-Fetch-Site` also covers
   * the GETs and `no-cors` requests without it. Both are set by the browser, never by the page.
   */
  function isForeign(request: Request, ownOrigin: string): boolean {
    const origin = request.headers.get('origin');
    const site = request.headers.get('sec-fetch-site');
    if (origin !== null && corsOrigins?.has(origin)) return false;
    // A proxy in front may change the scheme or host this handler sees; the browser knows better.
    if (origin !== null) return origin !== ownOrigin && site !== 'same-origin';
    return site === 'cross-site' || site === 'same-site';
  }

  function lookUp(alias: string, key: string, signal: AbortSignal, request: Request): Promise<string> {
    let promise = pending.get(alias);
    if (promise === undefined) {
      promise = client.getOrCreateEndUser(alias, { signal }).then(
        async (id) => {
          await store.set(key, id, END_USER_CACHE_MS).catch((error: unknown) => reportStore(error, request));
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

  /**
   * Runs `action` with the user's Thryve id. An id from the cache that Thryve refuses (it no longer
   * knows the user) is dropped, resolved again, and the action retried once — never a stale 502.
   */
  async function withEndUserId<T>(
    user: ThryveEndUser,
    signal: AbortSignal,
    request: Request,
    action: (endUserId: string) => Promise<T>,
  ): Promise<T> {
    if ('endUserId' in user) return action(user.endUserId);
    const key = store.key('eu', user.alias);
    const cached = await cachedEndUserId(key, request);
    const id = cached ?? (await lookUp(user.alias, key, signal, request));
    try {
      return await action(id);
    } catch (error) {
      if (!isThryveApiError(error) || !REFUSALS.has(error.code)) throw error;
      await store.delete(key).catch((failure: unknown) => reportStore(failure, request));
      if (cached === undefined) throw error;
      return action(await lookUp(user.alias, key, signal, request));
    }
  }

  async function readText(request: Request): Promise<string> {
    try {
      return await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new HttpError('bad_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      }
      throw new HttpError('bad_request', 'The request body could not be read as UTF-8 text.');
    }
  }

  async function readJsonObject(request: Request, required: boolean): Promise<Record<string, unknown>> {
    const text = await readText(request);
    if (text.trim() === '') {
      if (required) throw new HttpError('bad_request', 'The request needs a JSON body.');
      return {};
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError('bad_request', 'The request body is not valid JSON.');
    }
    if (!isObject(body)) throw new HttpError('bad_request', 'The request body must be a JSON object.');
    return body;
  }

  async function readConnections(endUserId: string, signal: AbortSignal) {
    const connectedSources = await client.getConnectedSources(endUserId, { signal });
    recentConnections.set(endUserId, connectedSources);
    return connectedSources;
  }

  async function connectionsOf(user: ThryveEndUser, signal: AbortSignal, request: Request) {
    const connectedSources = await withEndUserId(user, signal, request, (endUserId) =>
      readConnections(endUserId, signal),
    );
    return {
      connectedSources: connectedSources.map(({ dataSource, connectedAt }) => ({ dataSource, connectedAt })),
    };
  }

  /**
   * Revokes `dataSource` for the user. An id the catalogue does not list goes to Thryve only when the
   * user's connections list it (recently read ones, else read now under the route's deadline).
   */
  async function revoke(
    user: ThryveEndUser,
    dataSource: unknown,
    signal: AbortSignal,
    request: Request,
  ): Promise<void> {
    const kind = classifyDataSource(dataSource, catalogue);
    if (kind === 'malformed') throw new HttpError('invalid_data_source', DATA_SOURCE_MESSAGES.malformed);
    if (kind === 'native') throw new HttpError('native_data_source', DATA_SOURCE_MESSAGES.native);
    const id = dataSource as number;
    await withEndUserId(user, signal, request, async (endUserId) => {
      let connectedSources: readonly ThryveConnectedSource[] | undefined;
      if (kind === 'unlisted') {
        const listed = (list: readonly ThryveConnectedSource[] | undefined) =>
          list?.some((source) => source.dataSource === id) === true;
        connectedSources = recentConnections.get(endUserId);
        if (!listed(connectedSources)) connectedSources = await readConnections(endUserId, signal);
        if (!listed(connectedSources)) {
          throw new HttpError('invalid_data_source', DATA_SOURCE_MESSAGES.unlisted);
        }
      }
      try {
        await client.revokeDataSource({ endUserId, dataSource: id, signal, connectedSources });
      } finally {
        // Whatever the outcome, what was read before no longer says what is connected.
        recentConnections.remove(endUserId);
      }
    });
  }

  async function sessionOf(
    user: ThryveEndUser,
    locale: Locale | undefined,
    signal: AbortSignal,
    request: Request,
  ): Promise<{ url: string; expiresAt?: string }> {
    const onError = (error: unknown) => report(error, request);
    const session = await withEndUserId(user, signal, request, (endUserId) =>
      client.createConnectionSession({ endUserId, locale, signal, onError }),
    );
    return session.expiresAt === undefined
      ? { url: session.url }
      : { url: session.url, expiresAt: session.expiresAt };
  }

  async function handleRoute(
    route: Route,
    request: Request,
    user: ThryveEndUser,
    signal: AbortSignal,
  ): Promise<Response> {
    if (route === 'connections') return json(request, 200, await connectionsOf(user, signal, request));
    if (route === 'session') {
      const body = await readJsonObject(request, false);
      const locale = body.locale ?? undefined;
      if (locale !== undefined && !isLocale(locale)) {
        throw new HttpError(
          'invalid_locale',
          'Unknown locale: use one of Thryve\'s widget languages (e.g. "en", "de").',
        );
      }
      return json(request, 200, await sessionOf(user, locale, signal, request));
    }
    const body = await readJsonObject(request, true);
    if (route === 'connect' && forms !== undefined) {
      const returnTo = pageAddress(forms, body.returnTo, request);
      const dataSource = connectable(body.dataSource);
      const { url, cookie } = await startConnect(forms, user, dataSource, returnTo, signal, request);
      return json(request, 200, { url }, { 'Set-Cookie': cookie });
    }
    await revoke(user, body.dataSource, signal, request);
    return json(request, 200, { revoked: true });
  }

  type Forms = NonNullable<typeof forms>;

  /** The origin the browser posted from, when it is this handler's own (a proxy may rewrite the URL). */
  function publicOrigin(request: Request): string {
    const own = new URL(request.url).origin;
    const origin = request.headers.get('origin');
    const sameOrigin = origin === own || request.headers.get('sec-fetch-site') === 'same-origin';
    return origin !== null && origin !== 'null' && sameOrigin ? origin : own;
  }

  function returnUrlOf(settings: Forms, request: Request): string {
    return settings.returnUrl ?? `${publicOrigin(request)}${basePath}/return`;
  }

  function cookieNames(secure: boolean) {
    const prefix = secure ? '__Host-' : '';
    return { clicks: `${prefix}${CLICKS_COOKIE}`, result: `${prefix}${RESULT_COOKIE}` };
  }

  /**
   * One answer for every route of a request's kind: the setting, else the configured return address's
   * scheme, else the scheme the handler sees (never the `Origin` header, which the return lacks).
   */
  function isSecure(settings: Forms, request: Request): boolean {
    return settings.secureCookies ?? (settings.returnUrl ?? request.url).startsWith('https:');
  }

  /** A signed cookie's value under either name: the setting may have changed since it was set. */
  function signedCookie(header: string | null | undefined, name: 'clicks' | 'result'): string | undefined {
    return readCookie(header, cookieNames(true)[name]) ?? readCookie(header, cookieNames(false)[name]);
  }

  /**
   * The page to come back to, checked (see `checkReturnAddress`): the form's `returnTo`, else the
   * `Referer` the browser sent. Any origin but this one and `forms.returnOrigins` is a 400.
   */
  function pageAddress(settings: Forms, given: unknown, request: Request): string {
    const value = given ?? request.headers.get('referer') ?? undefined;
    if (typeof value !== 'string' || value === '') {
      throw new HttpError('bad_request', 'Say which page to come back to: the form\'s "returnTo" field.');
    }
    const origins = new Set(settings.returnOrigins);
    origins.add(new URL(request.url).origin);
    origins.add(publicOrigin(request));
    return checkReturnAddress(value, origins);
  }

  /** A source a form may connect: a web source of the catalogue (a new one is added to the catalogue). */
  function connectable(dataSource: unknown): DataSourceId {
    const kind = classifyDataSource(dataSource, catalogue);
    if (kind === 'native') throw new HttpError('native_data_source', DATA_SOURCE_MESSAGES.native);
    if (kind !== 'web') {
      throw new HttpError(
        'invalid_data_source',
        kind === 'malformed' ? DATA_SOURCE_MESSAGES.malformed : DATA_SOURCE_MESSAGES.unlistedConnect,
      );
    }
    return dataSource as DataSourceId;
  }

  /**
   * A fresh session, Thryve's direct connect URL (core's `buildConnectUrl`, with the return route as
   * `redirect_uri`), and the clicks cookie with this click added.
   */
  async function startConnect(
    settings: Forms,
    user: ThryveEndUser,
    dataSource: DataSourceId,
    returnTo: string,
    signal: AbortSignal,
    request: Request,
  ): Promise<{ url: string; cookie: string }> {
    const onError = (error: unknown) => report(error, request);
    const session = await withEndUserId(user, signal, request, (endUserId) =>
      client.createConnectionSession({ endUserId, signal, onError }),
    );
    const direct = client.hosts?.direct;
    const url = buildConnectUrl({
      token: session.token,
      dataSource,
      redirectUri: returnUrlOf(settings, request),
      hosts: direct === undefined ? undefined : { direct },
      catalogue,
    });
    const now = Date.now();
    const clicks = addClick(
      openClicks(settings.secret, signedCookie(request.headers.get('cookie'), 'clicks'), now),
      {
        fingerprint: fingerprintToken(session.token),
        dataSource,
        user: userTag(settings.secret, user),
        returnTo,
        startedAt: now,
      },
    );
    const secure = isSecure(settings, request);
    const cookie = serializeCookie(cookieNames(secure).clicks, sealClicks(settings.secret, clicks), {
      secure,
      maxAgeSeconds: CLICK_MAX_AGE_MS / 1000,
    });
    return { url, cookie };
  }

  function seeOther(request: Request, location: string, cookies: string[]): Response {
    // The return route's address held Thryve's token: no Referer from here on.
    const headers = headersFor(request, { Location: location, 'Referrer-Policy': 'no-referrer' });
    headers.delete('Content-Type');
    for (const cookie of cookies) headers.append('Set-Cookie', cookie);
    return new Response(null, { status: 303, headers });
  }

  function flashCookie(settings: Forms, request: Request, result: ThryveFormResult, user: string): string {
    const secure = isSecure(settings, request);
    return serializeCookie(
      cookieNames(secure).result,
      sealFlash(settings.secret, newFlash(result, user, Date.now())),
      { secure, maxAgeSeconds: FLASH_MAX_AGE_MS / 1000 },
    );
  }

  /**
   * A form post to connect or revoke. What a forged form gets wrong (the page address, the source) is a
   * 400; everything after is a 303 back to the page, with the result or the error as a flash.
   */
  async function handleForm(
    settings: Forms,
    route: 'connect' | 'revoke',
    request: Request,
  ): Promise<Response> {
    const fields = parseFormBody(await readText(request));
    const returnTo = pageAddress(settings, fields.returnTo, request);
    const dataSource = route === 'connect' ? connectable(fields.dataSource) : fields.dataSource;
    if (route === 'revoke') {
      const kind = classifyDataSource(dataSource, catalogue);
      if (kind === 'malformed') throw new HttpError('invalid_data_source', DATA_SOURCE_MESSAGES.malformed);
      if (kind === 'native') throw new HttpError('native_data_source', DATA_SOURCE_MESSAGES.native);
    }
    const id = dataSource as DataSourceId;
    let tag = '';
    const back = (result: ThryveFormResult) =>
      seeOther(request, returnTo, [flashCookie(settings, request, result, tag)]);
    const failed = (error: HttpError) =>
      back({
        status: 'failed',
        action: route,
        dataSource: id,
        code: error.code as ThryveFormFailureCode,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      });

    let user: ThryveEndUser;
    try {
      const given = await getEndUser(request);
      if (given === null || given === undefined) {
        return failed(new HttpError('unauthorized', 'Sign in to connect your data sources.'));
      }
      user = checkedIdentity(given);
    } catch (error) {
      report(error, request);
      return failed(new HttpError('server_error', 'Could not determine the signed-in user.'));
    }
    tag = userTag(settings.secret, user);
    try {
      await admit(user, ROUTE_COST[route], request);
      const deadline = startDeadline(routeTimeoutMs);
      try {
        if (route === 'connect') {
          const { url, cookie } = await startConnect(settings, user, id, returnTo, deadline.signal, request);
          return seeOther(request, url, [cookie]);
        }
        await revoke(user, id, deadline.signal, request);
      } finally {
        deadline.clear();
      }
      return back({ status: 'revoked', action: 'revoke', dataSource: id });
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status >= 500) report(error, request);
      return failed(httpError);
    }
  }

  /**
   * Thryve's way back (a top-level navigation from Thryve's site, so no Origin check: the signed
   * cookie is what binds it). The return is read against this user's click, the click is cleared,
   * and the browser goes on to the page with the result as a flash; the token stays behind.
   */
  async function handleReturn(settings: Forms, request: Request, url: URL): Promise<Response> {
    let user: string | undefined;
    try {
      const given = await getEndUser(request);
      user =
        given === null || given === undefined ? undefined : userTag(settings.secret, checkedIdentity(given));
    } catch (error) {
      report(error, request);
    }
    const now = Date.now();
    const clicks = openClicks(settings.secret, signedCookie(request.headers.get('cookie'), 'clicks'), now);
    const match = matchReturn(url, clicks, user, now);
    let { result } = match;
    const { click, remaining } = match;
    if (remaining.length !== clicks.length && click !== undefined) {
      // The same return sent again with the cookie it first came with: the store remembers the click.
      const key = store.key('fr', `return\0${click.user}\0${click.fingerprint}\0${click.dataSource}`);
      try {
        if ((await store.get(key)) !== undefined) {
          result = { status: 'unmatched', reason: 'no_pending_action', dataSource: click.dataSource };
        } else {
          await store.set(key, '1', CLICK_MAX_AGE_MS);
        }
      } catch (error) {
        reportStore(error, request);
      }
    }
    const cookies = [flashCookie(settings, request, result, user ?? '')];
    if (remaining.length !== clicks.length) {
      const secure = isSecure(settings, request);
      cookies.push(
        serializeCookie(cookieNames(secure).clicks, sealClicks(settings.secret, remaining), {
          secure,
          maxAgeSeconds: remaining.length === 0 ? 0 : CLICK_MAX_AGE_MS / 1000,
        }),
      );
    }
    return seeOther(request, click?.returnTo ?? '/', cookies);
  }

  function cookieOf(source: ThryveCookieSource, name: 'clicks' | 'result'): string | undefined {
    if (typeof source === 'string') return signedCookie(source, name);
    if (source instanceof Request) return signedCookie(source.headers.get('cookie'), name);
    if (source instanceof Headers) return signedCookie(source.get('cookie'), name);
    if (source === null || source === undefined || typeof source.get !== 'function') return undefined;
    for (const secure of [true, false]) {
      const found = source.get(cookieNames(secure)[name]);
      const value = typeof found === 'string' ? found : found?.value;
      if (value !== undefined) return value;
    }
    return undefined;
  }

  async function readResult(
    cookies: ThryveCookieSource,
    endUser?: ThryveEndUser | null,
  ): Promise<ThryveFormResult> {
    if (forms === undefined || endUser === null) return { status: 'none' };
    const opened = openFlash(forms.secret, cookieOf(cookies, 'result'));
    if (opened.state === 'missing') return { status: 'none' };
    if (opened.state === 'invalid') return { status: 'unmatched', reason: 'malformed' };
    const { flash } = opened;
    if (!(flash.expiresAt >= Date.now())) return { status: 'unmatched', reason: 'stale' };
    if (
      endUser !== undefined &&
      flash.user !== '' &&
      flash.user !== userTag(forms.secret, checkedIdentity(endUser))
    ) {
      return { status: 'unmatched', reason: 'no_pending_action' };
    }
    // Once: the page cannot clear the cookie (a Server Component), so the store remembers it was read.
    const key = store.key('fr', flash.id);
    try {
      if ((await store.get(key)) !== undefined) return { status: 'none' };
      await store.set(key, '1', FLASH_MAX_AGE_MS);
    } catch (error) {
      reportStore(error, new Request('http://read-result.invalid/'));
    }
    return flash.result;
  }

  function toHttpError(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    if (isThryveApiError(error)) {
      if (error.code === 'timeout') {
        return new HttpError('timeout', 'Thryve did not answer in time. Try again.');
      }
      if (error.code === 'configuration_error') {
        return new HttpError(
          'configuration_error',
          "Thryve refused this server's configuration: the Thryve proxy needs fixing, not a retry.",
        );
      }
      return new HttpError('server_error', 'Thryve could not complete the request. Try again later.', {
        status: 502,
      });
    }
    return new HttpError('server_error', 'The Thryve proxy failed unexpectedly.');
  }

  async function prefetch(
    endUser: ThryveEndUser,
    prefetchOptions: ThryvePrefetchOptions,
  ): Promise<ThryvePrefetchResult> {
    const userKey = (prefetchOptions as Partial<ThryvePrefetchOptions> | undefined)?.userKey;
    if (typeof userKey !== 'string' || userKey === '') {
      throw new TypeError(
        'prefetch: pass { userKey }, your id for the signed-in user — the same string you give <ThryveConnectProvider userKey> — so the seeds are shown only to that user.',
      );
    }
    const user = checkedIdentity(endUser);
    const locale =
      prefetchOptions.locale === 'auto'
        ? matchLocale(prefetchOptions.acceptLanguage)
        : (prefetchOptions.locale ?? DEFAULT_LOCALE);
    const withConnections = prefetchOptions.connections !== false;
    const noRequest = new Request('http://prefetch.invalid/');
    try {
      await admit(user, withConnections ? 2 : 1, noRequest);
    } catch (error) {
      // The routes' refusal as the typed error of every other prefetch failure.
      const { message, retryAfterMs } = error as HttpError;
      throw new ThryveApiError('rate_limited', message, { retryAfterMs });
    }
    const deadline = startDeadline(routeTimeoutMs);
    const { signal } = deadline;
    const [session, connections] = await Promise.all([
      sessionOf(user, locale, signal, noRequest),
      withConnections ? connectionsOf(user, signal, noRequest) : undefined,
    ]).finally(deadline.clear);
    const initialSession = seedSession(session, { userKey, locale });
    return connections
      ? { initialSession, initialConnections: seedConnections(connections, { userKey }) }
      : { initialSession };
  }

  return Object.assign(
    async function thryveConnectHandler(request: Request): Promise<Response> {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return fail(request, new HttpError('bad_request', 'The request URL is not valid.'));
      }
      const { pathname } = url;
      const name = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length + 1) : undefined;
      const route = name !== undefined && Object.hasOwn(ROUTES, name) ? (name as Route) : undefined;
      if (route === undefined) return fail(request, new HttpError('not_found', 'Not found.'));
      if ((route === 'connect' || route === 'return') && forms === undefined) {
        return fail(
          request,
          new HttpError('not_found', 'Not found: the form routes need the handler\'s "forms" option.'),
        );
      }
      if (route === 'return' && forms !== undefined) {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          const headers = { Allow: 'GET, HEAD' };
          return fail(
            request,
            new HttpError('bad_request', `Use GET for ${basePath}/return.`, { status: 405, headers }),
          );
        }
        const response = await handleReturn(forms, request, url);
        return request.method === 'HEAD' ? new Response(null, response) : response;
      }
      if (isForeign(request, url.origin)) {
        return fail(
          request,
          new HttpError('forbidden', 'Cross-origin requests are refused unless listed in cors.origin.'),
        );
      }
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
        const headers = { Allow: corsOrigins ? `${allow}, OPTIONS` : allow };
        return fail(
          request,
          new HttpError('bad_request', `Use ${method} for ${basePath}/${route}.`, { status: 405, headers }),
        );
      }
      // Whatever the body's length: a JSON content type cannot be sent cross-site without a preflight.
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      const formRoute = route === 'connect' || route === 'revoke';
      if (forms !== undefined && formRoute && type === FORM_TYPE) {
        // A form can be posted from anywhere: with neither header there is no telling where from.
        if (request.headers.get('origin') === null && request.headers.get('sec-fetch-site') === null) {
          return fail(
            request,
            new HttpError('forbidden', 'A form post without Origin or Sec-Fetch-Site is refused.'),
          );
        }
        try {
          return await handleForm(forms, route, request);
        } catch (error) {
          const httpError = toHttpError(error);
          if (httpError.status >= 500) report(error, request);
          return fail(request, httpError);
        }
      }
      if (method === 'POST' && type !== 'application/json') {
        return fail(
          request,
          new HttpError(
            'bad_request',
            forms !== undefined && formRoute
              ? 'Send the request with Content-Type: application/json, or as a form (application/x-www-form-urlencoded).'
              : 'Send the request with Content-Type: application/json.',
          ),
        );
      }

      let user: ThryveEndUser;
      try {
        const given = await getEndUser(request);
        if (given === null || given === undefined) {
          return fail(request, new HttpError('unauthorized', 'Sign in to connect your data sources.'));
        }
        user = checkedIdentity(given);
      } catch (error) {
        report(error, request);
        return fail(request, new HttpError('server_error', 'Could not determine the signed-in user.'));
      }
      try {
        await admit(user, ROUTE_COST[route as Exclude<Route, 'return'>], request);
        // One deadline for the whole route, however many calls to Thryve it takes.
        const deadline = startDeadline(routeTimeoutMs);
        const response = await handleRoute(route, request, user, deadline.signal).finally(deadline.clear);
        return request.method === 'HEAD' ? new Response(null, response) : response;
      } catch (error) {
        const httpError = toHttpError(error);
        if (httpError.status >= 500) report(error, request);
        return fail(request, httpError);
      }
    },
    { prefetch, readResult },
  );
}
