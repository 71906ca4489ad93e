import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxContext } from './context.js';
import { DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.js';
import { FaultRegistry, parseFault, type SandboxFault, type SandboxRoute } from './faults.js';
import { HttpError, sendText } from './http.js';
import { DEFAULT_REDIRECT_ALLOW_LIST } from './redirect-allow-list.js';
import { CONTROL_CORS_HEADERS, type ControlActions, handleControl } from './routes/control.js';
import {
  handleConsent,
  handleDirectConnect,
  handleDirectRevoke,
  handleResult,
  RESULT_PATH,
} from './routes/direct.js';
import { handleAccessToken, handleConnection, handleUserInformation } from './routes/rest.js';
import { handleWidgetPage } from './routes/widget-page.js';
import { SandboxStore, type SandboxUser } from './store.js';
import { sendWebhook } from './webhook.js';

/** How to start a sandbox; every field has a default. */
export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
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

/** A live view of the sandbox's state, for assertions in tests. */
export interface SandboxState {
  /** Users by endUserId. */
  users: ReadonlyMap<string, SandboxUser>;
  /** How many widget sessions are still valid. */
  sessions: number;
  /** Every answered request, oldest first (capped at the latest 10,000). */
  requests: Array<{ method: string; path: string; status: number }>;
}

/** A running sandbox. */
export interface Sandbox {
  /** The sandbox's origin, e.g. `http://127.0.0.1:4319` (no trailing slash). */
  url: string;
  /** The three Thryve hosts; the sandbox serves all of them on {@link Sandbox.url}. */
  hosts: { api: string; widget: string; direct: string };
  /** Users, live sessions and the request log. */
  state: SandboxState;
  /** Stops listening and drops every open connection, including keep-alive and hung ones. */
  close(): Promise<void>;
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
  connect(user: { endUserId?: string; alias?: string }, dataSource: number): void;
}

type FaultRoute = Exclude<SandboxRoute, '*'>;

interface Route {
  methods: readonly string[];
  fault: FaultRoute | undefined;
  rest: boolean;
  handle(ctx: SandboxContext, req: IncomingMessage, url: URL, res: ServerResponse): void | Promise<void>;
}

const PAGE_METHODS = ['GET', 'HEAD'] as const;

const ROUTES: Record<string, Route> = {
  '/v5/accessToken': {
    methods: ['POST'],
    fault: 'accessToken',
    rest: true,
    handle: (ctx, req, _url, res) => handleAccessToken(ctx, req, res),
  },
  '/widget/v6/connection': {
    methods: ['POST'],
    fault: 'connection',
    rest: true,
    handle: (ctx, req, _url, res) => handleConnection(ctx, req, res),
  },
  '/v5/userInformation': {
    methods: ['POST'],
    fault: 'userInformation',
    rest: true,
    handle: (ctx, req, _url, res) => handleUserInformation(ctx, req, res),
  },
  '/': {
    methods: PAGE_METHODS,
    fault: 'widget',
    rest: false,
    handle: (ctx, _req, url, res) => handleWidgetPage(ctx, url, res),
  },
  '/dataSourceDirectConnection.html': {
    methods: PAGE_METHODS,
    fault: 'directConnect',
    rest: false,
    handle: (ctx, _req, url, res) => handleDirectConnect(ctx, url, res),
  },
  '/__consent': {
    methods: ['GET', 'POST'],
    fault: 'directConnect',
    rest: false,
    handle: (ctx, req, url, res) => handleConsent(ctx, req, url, res),
  },
  '/dataSourceDirectRevoke.html': {
    methods: PAGE_METHODS,
    fault: 'directRevoke',
    rest: false,
    handle: (ctx, _req, url, res) => handleDirectRevoke(ctx, url, res),
  },
  [RESULT_PATH]: {
    methods: PAGE_METHODS,
    fault: undefined,
    rest: false,
    handle: (_ctx, _req, url, res) => handleResult(url, res),
  },
};

// Each malformed body breaks the promise its route makes: no token, HTML where JSON belongs, JSON
// where a page belongs.
function sendMalformed(res: ServerResponse, route: FaultRoute): void {
  if (route === 'accessToken') {
    sendText(res, 200, '');
  } else if (route === 'connection' || route === 'userInformation') {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end('<html><body>502 Bad Gateway</body></html>');
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('{"unexpected":');
  }
}

const MAX_LOGGED_REQUESTS = 10_000;

function originOf(host: string, port: number): string {
  // A wildcard bind is reachable on loopback; that is the address to hand out.
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

function checkOptions(options: SandboxOptions): void {
  const { port, sessionTtlMs, latencyMs } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new RangeError('port must be an integer from 0 to 65535.');
  }
  if (sessionTtlMs !== undefined && !(Number.isFinite(sessionTtlMs) && sessionTtlMs > 0)) {
    throw new RangeError('sessionTtlMs must be a positive number.');
  }
  if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new RangeError('latencyMs must be zero or more.');
  }
}

/** Starts a sandbox on its own origin and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  const latencyMs = options.latencyMs ?? 0;
  const store = new SandboxStore(options.sessionTtlMs ?? 15 * 60_000);
  const faults = new FaultRegistry();
  const requests: SandboxState['requests'] = [];
  const sleepers = new Set<() => void>();
  let closed = false;

  // Delays end early on close(), so a test that closes mid-latency does not wait for the timer.
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const ctx: SandboxContext = {
    url: '',
    credentials: options.credentials ?? DEFAULT_SANDBOX_CREDENTIALS,
    store,
    faults,
    redirectAllowList: options.redirectAllowList ?? DEFAULT_REDIRECT_ALLOW_LIST,
    ownOrigins: [],
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
  };

  const findUser = (user: { endUserId?: string; alias?: string }): SandboxUser => {
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

  const actions: ControlActions = {
    reset,
    connect(user, dataSource) {
      const found = findUser(user);
      found.connected.set(dataSource, new Date().toISOString());
      return found;
    },
    disconnect(user, dataSource) {
      const found = findUser(user);
      found.connected.delete(dataSource);
      return found;
    },
    requests: () => requests,
  };

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path.startsWith('/__sandbox/')) return handleControl(ctx, actions, req, path, res);
    // Browsers ask every top-level page's origin for one; a 404 would be a console error in users' tests.
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
      return void res.end();
    }
    const route = ROUTES[path];
    if (!route) return sendText(res, 404, `Not found: the sandbox has no ${path}.`);
    const method = req.method ?? 'GET';
    if (!route.methods.includes(method)) {
      return sendText(res, 405, `Method ${method} is not allowed on ${path}.`, {
        Allow: route.methods.join(', '),
      });
    }
    if (route.rest && latencyMs > 0) await sleep(latencyMs);
    if (route.fault) {
      for (const fault of faults.take(route.fault)) {
        if (closed) return;
        if (fault.type === 'latency') await sleep(fault.ms ?? 0);
        else if (fault.type === 'hang')
          return; // never answered; close() drops the socket
        else if (fault.type === 'malformed') return sendMalformed(res, route.fault);
        else {
          const status = fault.status ?? 500;
          return sendText(res, status, `Sandbox fault: injected ${status} on ${route.fault}.`);
        }
      }
    }
    if (closed) return;
    await route.handle(ctx, req, url, res);
  }

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(`http://sandbox.invalid${req.url ?? '/'}`);
    } catch {
      return sendText(res, 400, 'The request target is not a valid path.');
    }
    res.on('finish', () => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, status: res.statusCode });
      if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS);
    });
    dispatch(req, res, url).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const cors = url.pathname.startsWith('/__sandbox/') ? CONTROL_CORS_HEADERS : {};
      // After a refused oversized body the rest of it is still on the wire: close rather than reuse.
      const close: Record<string, string> =
        error instanceof HttpError && error.status === 413 ? { Connection: 'close' } : {};
      if (error instanceof HttpError)
        return sendText(res, error.status, error.message, { ...cors, ...close });
      sendText(res, 500, 'Internal sandbox error.', cors);
    });
  });
  // A client that sends garbage gets a 400 from Node itself; it must never take the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const url = originOf(host, address.port);
  ctx.url = url;
  ctx.ownOrigins = [url];

  const state: SandboxState = {
    get users() {
      return store.users;
    },
    get sessions() {
      return store.liveSessions();
    },
    requests,
  };

  let closing: Promise<void> | undefined;
  return {
    url,
    hosts: { api: url, widget: url, direct: url },
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const wake of [...sleepers]) wake();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
    reset,
    inject(fault) {
      const parsed = parseFault(fault);
      if (typeof parsed === 'string') throw new TypeError(`Invalid sandbox fault: ${parsed}`);
      faults.add(parsed);
    },
    clearFaults: () => faults.clear(),
    connect(user, dataSource) {
      actions.connect(user, dataSource);
    },
  };
}
