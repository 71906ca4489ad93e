/**
 * @thryve-connect/sandbox/msw — the sandbox inside an app's own tests: MSW 2 request handlers for
 * Thryve's REST API and pages (the same Fetch handler `startSandbox` serves) and for the host app's
 * proxy routes (`/api/thryve/*`, what `createProxyFetcher` calls), for a demo user the test chooses.
 * Works with `setupServer` (msw/node, jsdom tests) and `setupWorker` (msw/browser).
 */
import { type HttpHandler, http } from 'msw';
import type { SandboxUserRef } from './context.js';
import {
  createSandboxHandler,
  type SandboxHandler,
  type SandboxHandlerOptions,
} from './create-sandbox-handler.js';
import type { SandboxFault } from './faults.js';
import { createHostProxy, DEFAULT_DEMO_USER, type HostProxyEndUser } from './host-proxy.js';

export {
  createHostProxy,
  DEFAULT_DEMO_USER,
  type HostProxyEndUser,
  type HostProxyOptions,
} from './host-proxy.js';

/** Options of {@link createMswSandbox}. */
export interface MswSandboxOptions extends SandboxHandlerOptions {
  /**
   * Who is signed in to the app: an alias (default `'demo-user'`), or a function of the request
   * returning one, or `null` for "signed out" (the proxy answers 401).
   */
  endUser?: HostProxyEndUser;
  /**
   * Where the app's proxy routes live: a path on the page's own origin (default `/api/thryve`, what
   * `createProxyFetcher` calls; matched against jsdom's or the browser's `location`), or an absolute
   * URL (needed in Node without a DOM, where a path has no origin). `false`: only Thryve's handlers.
   */
  proxyUrl?: string | false;
  /** How long a proxy route waits for the sandbox before answering 504. Default 10 s. */
  proxyTimeoutMs?: number;
}

/** What the consent page led to: where Thryve sends the user, and the result parameters it added. */
export interface MswSandboxConsentResult {
  /** The `redirect_uri` with `token`, `dataSource` and `connected` added, or Thryve's result page. */
  url: string;
  connected: boolean;
  dataSource: number;
  token: string;
}

/** An MSW-backed sandbox: its handlers, and the controls a test needs. */
export interface MswSandbox {
  /** The request handlers: `setupServer(...thryve.handlers)` or `setupWorker(...thryve.handlers)`. */
  handlers: HttpHandler[];
  /** The sandbox behind them: state, request log, faults (see `SandboxHandler`). */
  sandbox: SandboxHandler;
  /** The sandbox's base URL (all three Thryve hosts). */
  url: string;
  /** For `<ThryveConnectProvider hosts>`. */
  hosts: SandboxHandler['hosts'];
  /** The sandbox's origin, for `allowedWidgetOrigins`. */
  origin: string;
  /** Connects `dataSource` for the demo user (or `user`), without the browser flow. */
  connect(dataSource: number, user?: string | SandboxUserRef): void;
  /** Disconnects `dataSource` for the demo user (or `user`). */
  disconnect(dataSource: number, user?: string | SandboxUserRef): void;
  /** The demo user's (or `user`'s) connected sources, sorted by id. */
  connectedSources(user?: string | SandboxUserRef): Array<{ dataSource: number; connectedAt: string }>;
  /** Makes a sandbox route fail: the proxy routes then fail as a real backend's would (502, 504). */
  inject(fault: SandboxFault): void;
  /** Forgets users, sessions, faults and the request log: call it after each test. */
  reset(): void;
  /**
   * Plays the user on a direct connect URL (what the picker opens): loads the consent page, answers
   * Allow or Deny, and resolves with where Thryve sends the user, as the browser would be sent.
   * Rejects with the page's reason when the sandbox refuses the URL (expired token, unknown source…).
   */
  consent(connectUrl: string, decision: 'allow' | 'deny'): Promise<MswSandboxConsentResult>;
}

function pageReason(html: string): string {
  const alert = /<p role="alert">([^<]*)<\/p>/.exec(html)?.[1];
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
  return [title, alert].filter(Boolean).join(': ') || 'the sandbox refused the page';
}

/**
 * Builds a sandbox and its MSW handlers.
 *
 * @example
 * const thryve = createMswSandbox({ endUser: 'user-1' });
 * const server = setupServer(...thryve.handlers);
 * thryve.connect(1); // Fitbit connected for user-1
 */
export function createMswSandbox(options: MswSandboxOptions = {}): MswSandbox {
  const { endUser, proxyUrl = '/api/thryve', proxyTimeoutMs, ...sandboxOptions } = options;
  const sandbox = createSandboxHandler(sandboxOptions);
  const demoUser = typeof endUser === 'string' ? endUser : DEFAULT_DEMO_USER;
  const toRef = (user: string | SandboxUserRef | undefined): SandboxUserRef =>
    user === undefined ? { alias: demoUser } : typeof user === 'string' ? { alias: user } : user;

  const handlers: HttpHandler[] = [];
  if (proxyUrl !== false) {
    const base = proxyUrl.replace(/\/+$/, '');
    const proxy = createHostProxy(sandbox, {
      // MSW matches the origin; the proxy only needs the path below it.
      basePath: new URL(base, 'http://path.invalid').pathname,
      ...(endUser === undefined ? {} : { endUser }),
      ...(sandboxOptions.credentials === undefined ? {} : { credentials: sandboxOptions.credentials }),
      ...(proxyTimeoutMs === undefined ? {} : { timeoutMs: proxyTimeoutMs }),
    });
    handlers.push(http.all(`${base}/*`, async ({ request }) => proxy(request)));
  }
  // Everything below the sandbox's URL is the sandbox's: REST, pages, control API.
  handlers.push(http.all(`${sandbox.url}/*`, ({ request }) => sandbox.fetch(request)));

  return {
    handlers,
    sandbox,
    url: sandbox.url,
    hosts: sandbox.hosts,
    origin: new URL(sandbox.url).origin,
    connect: (dataSource, user) => sandbox.connect(toRef(user), dataSource),
    disconnect: (dataSource, user) => sandbox.disconnect(toRef(user), dataSource),
    connectedSources(user) {
      const ref = toRef(user);
      const found = [...sandbox.state.users.values()].find((candidate) =>
        ref.endUserId === undefined ? candidate.alias === ref.alias : candidate.endUserId === ref.endUserId,
      );
      return [...(found?.connected ?? [])]
        .sort(([a], [b]) => a - b)
        .map(([dataSource, connectedAt]) => ({ dataSource, connectedAt }));
    },
    inject: (fault) => sandbox.inject(fault),
    reset: () => sandbox.reset(),
    async consent(connectUrl, decision) {
      const page = await sandbox.fetch(new Request(connectUrl));
      const html = await page.text();
      if (page.status !== 200) throw new Error(`The consent page refused: ${pageReason(html)}.`);
      const params = new URL(connectUrl).searchParams;
      const form = new URLSearchParams({
        token: params.get('token') ?? '',
        dataSource: params.get('dataSource') ?? '',
        decision,
      });
      const redirectUri = params.get('redirect_uri');
      if (redirectUri !== null && redirectUri !== '') form.set('redirect_uri', redirectUri);
      const answer = await sandbox.fetch(
        new Request(`${sandbox.url}/__consent`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form,
          redirect: 'manual',
        }),
      );
      const location = answer.headers.get('location');
      if (answer.status !== 302 || location === null) {
        throw new Error(`The consent was refused: ${pageReason(await answer.text())}.`);
      }
      const url = new URL(location, `${sandbox.url}/`);
      return {
        url: url.href,
        connected: url.searchParams.get('connected') === 'true',
        dataSource: Number(url.searchParams.get('dataSource')),
        token: url.searchParams.get('token') ?? '',
      };
    },
  };
}
