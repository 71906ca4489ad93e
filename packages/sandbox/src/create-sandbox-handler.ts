import type { SandboxContext, SandboxRequestLogEntry, SandboxUserRef } from './context.js';
import { CONTROL_CORS_HEADERS, controlRefusal } from './control-access.js';
import { DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.js';
import { FaultRegistry, parseFault, type SandboxFault, type SandboxRoute } from './faults.js';
import { HttpError, json, text } from './http.js';
import { DEFAULT_REDIRECT_ALLOW_LIST } from './redirect-allow-list.js';
import { CONTROL_PREFIX, ROUTES, type Route } from './routes/route-table.js';
import { SandboxStore, type SandboxUser } from './store.js';
import { sendWebhook } from './webhook.js';

/** How the simulated Thryve behaves; every field has a default. */
export interface SandboxSimulationOptions {
  /** The credentials both Basic headers must carry. Default {@link DEFAULT_SANDBOX_CREDENTIALS}. */
  credentials?: SandboxCredentials;
  /** How long a widget session token lives. Default 15 minutes. */
  sessionTtlMs?: number;
  /** Origins (optionally with a path) `redirect_uri` may point to. Default localhost and 127.0.0.1. */
  redirectAllowList?: string[];
  /** Delay added to every REST call. Default 0. */
  latencyMs?: number;
  /** Where to POST connect/disconnect webhooks. Default: none. */
  webhookUrl?: string;
}

/** Options of {@link createSandboxHandler}. */
export interface SandboxHandlerOptions extends SandboxSimulationOptions {
  /**
   * The URL the sandbox is reached at: an origin, optionally with a path below which every route
   * lives (`https://host/thryve` serves `/thryve/v5/accessToken`). Widget URLs and page links are
   * built from it. Default {@link DEFAULT_SANDBOX_URL}.
   */
  url?: string;
}

/** Where a sandbox without a server lives unless told otherwise (`.test` never resolves; https passes URL checks). */
export const DEFAULT_SANDBOX_URL = 'https://sandbox.thryve.test';

/** A live view of the sandbox's state, for assertions in tests. */
export interface SandboxState {
  /** Users by endUserId. */
  users: ReadonlyMap<string, SandboxUser>;
  /** How many widget sessions are still valid. */
  sessions: number;
  /** Every answered request, oldest first (capped at the latest 10,000). */
  requests: SandboxRequestLogEntry[];
}

/**
 * The sandbox as a Fetch-API handler: every route (REST, pages, control API) behind one
 * `fetch(request)`, plus the state and the controls tests use. It runs wherever `Request` and
 * `Response` do: in Node (see `startSandbox`), in a browser, in jsdom behind MSW.
 */
export interface SandboxHandler {
  /** The sandbox's base URL, without a trailing slash. */
  url: string;
  /** The three Thryve hosts; the sandbox serves all of them on {@link SandboxHandler.url}. */
  hosts: { api: string; widget: string; direct: string };
  /**
   * Answers one request. A `hang` fault never answers: the promise rejects (AbortError) only when
   * the request's signal aborts or the sandbox is closed.
   */
  fetch(request: Request): Promise<Response>;
  /** Users, live sessions and the request log. */
  state: SandboxState;
  /** Forgets users, sessions, faults and the request log. */
  reset(): void;
  /** Makes a route fail in a chosen way (see {@link SandboxFault}). */
  inject(fault: SandboxFault): void;
  /** Removes every injected fault. */
  clearFaults(): void;
  /**
   * Marks `dataSource` connected for a user, without the browser flow: by `endUserId` (must exist) or
   * by `alias` (created when missing). Sends no webhook.
   */
  connect(user: SandboxUserRef, dataSource: number): void;
  /** Marks `dataSource` disconnected for a user (found as for `connect`). Sends no webhook. */
  disconnect(user: SandboxUserRef, dataSource: number): void;
  /** Ends every delayed or hung request without an answer; later requests answer 503. */
  close(): void;
}

/** What `respond` answers for a request that must never be answered (a `hang` fault, or closed). */
export const HANG = Symbol('hang');

/**
 * The handler as adapters see it: `respond` is `fetch` without the waiting, so an adapter that owns a
 * socket decides what "never answer" means there (the Node server keeps the socket open).
 */
export interface SandboxCore extends SandboxHandler {
  respond(request: Request): Promise<Response | typeof HANG>;
}

const MAX_LOGGED_REQUESTS = 10_000;

function checkOptions(options: SandboxHandlerOptions): void {
  const { sessionTtlMs, latencyMs } = options;
  if (sessionTtlMs !== undefined && !(Number.isFinite(sessionTtlMs) && sessionTtlMs > 0)) {
    throw new RangeError('sessionTtlMs must be a positive number.');
  }
  if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new RangeError('latencyMs must be zero or more.');
  }
}

function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`The sandbox url must be an absolute http(s) URL (got ${JSON.stringify(url)}).`);
  }
  if (
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    parsed.search !== '' ||
    parsed.hash !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    throw new TypeError('The sandbox url must be http(s), without credentials, query or fragment.');
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

// Each malformed body breaks the promise its route makes: no token, HTML where JSON belongs, JSON
// where a page belongs.
function malformed(route: Exclude<SandboxRoute, '*'>): Response {
  if (route === 'accessToken') return text(200, '');
  if (route === 'connection' || route === 'userInformation') {
    return new Response('<html><body>502 Bad Gateway</body></html>', {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  return new Response('{"unexpected":', {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}

/** Creates a sandbox as a Fetch-API handler (see {@link SandboxHandler}). */
export function createSandboxHandler(options: SandboxHandlerOptions = {}): SandboxHandler {
  return createSandboxCore(options);
}

/** {@link createSandboxHandler} with the adapters' `respond`. */
export function createSandboxCore(options: SandboxHandlerOptions = {}): SandboxCore {
  checkOptions(options);
  const url = normalizeUrl(options.url ?? DEFAULT_SANDBOX_URL);
  const basePath = new URL(url).pathname.replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? 0;
  const store = new SandboxStore(options.sessionTtlMs ?? 15 * 60_000);
  const faults = new FaultRegistry();
  const requests: SandboxRequestLogEntry[] = [];
  const wakers = new Set<() => void>();
  let closed = false;

  // Delays end early on close(), so a test that closes mid-latency does not wait for the timer.
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  const findUser = (user: SandboxUserRef): SandboxUser => {
    if (user.endUserId !== undefined) {
      const found = store.users.get(user.endUserId);
      if (!found) throw new Error(`No sandbox user with endUserId ${user.endUserId}.`);
      return found;
    }
    if (user.alias !== undefined) return store.userFor(user.alias);
    throw new Error('Give an endUserId or an alias.');
  };

  const reset = (): void => {
    store.clear();
    faults.clear();
    requests.length = 0;
  };

  const ctx: SandboxContext = {
    url,
    basePath,
    credentials: options.credentials ?? DEFAULT_SANDBOX_CREDENTIALS,
    store,
    faults,
    redirectAllowList: options.redirectAllowList ?? DEFAULT_REDIRECT_ALLOW_LIST,
    ownOrigins: [new URL(url).origin],
    setConnected(user, dataSource, connected) {
      if (connected) user.connected.set(dataSource, new Date().toISOString());
      else user.connected.delete(dataSource);
      if (options.webhookUrl === undefined) return;
      sendWebhook(options.webhookUrl, {
        endUserId: user.endUserId,
        endUserAlias: user.alias ?? null,
        type: connected ? 'notification.source.connect' : 'notification.source.disconnect',
        data: { timestamp: Date.now(), dataSourceId: dataSource },
      });
    },
    reset,
    findUser,
    requests,
  };

  // The path below the base URL, or undefined for a request outside it.
  const routePath = (pathname: string): string | undefined => {
    if (basePath === '') return pathname;
    if (!pathname.startsWith(basePath)) return undefined;
    const rest = pathname.slice(basePath.length);
    return rest.startsWith('/') ? rest : undefined;
  };

  const lookup = (path: string): Route | undefined =>
    Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;

  async function control(request: Request, url: URL, path: string): Promise<Response> {
    const refusal = controlRefusal(request, ctx.url);
    // No CORS header: the refused page cannot even read why.
    if (refusal !== undefined) {
      return json(403, { error: { message: refusal } }, { Vary: 'Origin', 'Cache-Control': 'no-store' });
    }
    if (request.method === 'OPTIONS')
      return new Response(null, { status: 204, headers: CONTROL_CORS_HEADERS });
    const route = lookup(path);
    if (route?.kind !== 'control') {
      return json(404, { error: { message: `No control route ${path}.` } }, CONTROL_CORS_HEADERS);
    }
    if (!route.methods.includes(request.method)) {
      return json(
        405,
        { error: { message: `${request.method} is not allowed on ${path}.` } },
        {
          ...CONTROL_CORS_HEADERS,
          Allow: route.methods.join(', '),
        },
      );
    }
    return withHeaders(await route.handle(ctx, request, url), CONTROL_CORS_HEADERS);
  }

  async function dispatch(request: Request, url: URL, path: string): Promise<Response | typeof HANG> {
    if (path.startsWith(CONTROL_PREFIX)) return control(request, url, path);
    const route = lookup(path);
    if (route === undefined || route.kind === 'control') {
      return text(404, `Not found: the sandbox has no ${url.pathname}.`);
    }
    if (!route.methods.includes(request.method)) {
      return text(405, `Method ${request.method} is not allowed on ${url.pathname}.`, {
        Allow: route.methods.join(', '),
      });
    }
    if (route.kind === 'rest' && latencyMs > 0) await sleep(latencyMs);
    if (route.fault) {
      for (const fault of faults.take(route.fault)) {
        if (closed) return HANG;
        if (fault.type === 'latency') await sleep(fault.ms ?? 0);
        else if (fault.type === 'hang') return HANG;
        else if (fault.type === 'malformed') return malformed(route.fault);
        else {
          const status = fault.status ?? 500;
          return text(status, `Sandbox fault: injected ${status} on ${route.fault}.`);
        }
      }
    }
    if (closed) return HANG;
    return route.handle(ctx, request, url);
  }

  async function respond(request: Request): Promise<Response | typeof HANG> {
    if (closed) return text(503, 'The sandbox is closed.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'The request target is not a valid URL.');
    }
    const path = routePath(url.pathname);
    let result: Response | typeof HANG;
    if (path === undefined) {
      result = text(404, `Not found: the sandbox lives at ${ctx.url}/.`);
    } else {
      try {
        result = await dispatch(request, url, path);
      } catch (error) {
        const cors = path.startsWith(CONTROL_PREFIX) ? CONTROL_CORS_HEADERS : {};
        result =
          error instanceof HttpError
            ? text(error.status, error.message, cors)
            : text(500, 'Internal sandbox error.', cors);
      }
    }
    if (result === HANG || closed) return HANG;
    requests.push({ method: request.method, path: url.pathname, status: result.status });
    if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS);
    return result;
  }

  const hung = new Set<() => void>();

  return {
    url,
    hosts: { api: url, widget: url, direct: url },
    state: {
      get users() {
        return store.users;
      },
      get sessions() {
        return store.liveSessions();
      },
      requests,
    },
    respond,
    async fetch(request) {
      const result = await respond(request);
      if (result !== HANG) return result;
      // Never answered: settles only as an abort, when the caller gives up or the sandbox closes.
      return new Promise<Response>((_resolve, reject) => {
        const abort = (): void => {
          hung.delete(abort);
          request.signal.removeEventListener('abort', abort);
          reject(new DOMException('The sandbox never answered this request (a hang fault).', 'AbortError'));
        };
        if (request.signal.aborted || closed) return abort();
        hung.add(abort);
        request.signal.addEventListener('abort', abort, { once: true });
      });
    },
    reset,
    inject(fault) {
      const parsed = parseFault(fault);
      if (typeof parsed === 'string') throw new TypeError(`Invalid sandbox fault: ${parsed}`);
      faults.add(parsed);
    },
    clearFaults: () => faults.clear(),
    connect(user, dataSource) {
      findUser(user).connected.set(dataSource, new Date().toISOString());
    },
    disconnect(user, dataSource) {
      findUser(user).connected.delete(dataSource);
    },
    close() {
      closed = true;
      for (const wake of [...wakers]) wake();
      for (const abort of [...hung]) abort();
    },
  };
}
