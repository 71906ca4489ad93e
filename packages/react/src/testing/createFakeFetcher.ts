import {
  type ConnectedSource,
  type DataSourceId,
  type SessionPayload,
  type SessionRequest,
  ThryveConnectError,
  type ThryveConnectErrorCode,
  type ThryveFetcher,
} from '@thryve-connect/core';
import { buildSession } from './buildSession.js';

/** The backend routes a fetcher stands for. */
export type FakeRoute = 'session' | 'connections' | 'revoke';

/** How a route fails: an error code (with the HTTP status a proxy would send), or your own error. */
export type FakeFailure = ThryveConnectErrorCode | Error;

/** Options of {@link createFakeFetcher}. */
export interface FakeFetcherOptions {
  /** Sources the user has connected at the start (ids, or full entries with `connectedAt`). */
  connected?: readonly (DataSourceId | ConnectedSource)[];
  /** Milliseconds each route waits before answering. Default 0. */
  delayMs?: Partial<Record<FakeRoute, number>>;
  /** `false`: the backend has no connections/revoke routes (statuses are then `unknown`). Default `true`. */
  routes?: boolean;
  /** Makes each session with this lifetime, in ms (`expiresAt`). Default: none (the library's max age). */
  sessionLifetimeMs?: number;
  /** The widget origin of its sessions. Default `https://connect.thryve.de` (allowed by default). */
  widgetOrigin?: string;
}

/** A fake backend for an app's tests: the fetcher, what it was asked, and controls. */
export interface FakeFetcher {
  /** Pass to `<ThryveConnectProvider fetcher>`. */
  fetcher: ThryveFetcher;
  /** Every call, oldest first: `{ route, locale?, dataSource? }`. */
  calls: Array<{ route: FakeRoute; locale?: string; dataSource?: DataSourceId }>;
  /** The sources connected now. */
  connected(): ConnectedSource[];
  /** Marks a source connected (as if the user connected it elsewhere). */
  connect(dataSource: DataSourceId, connectedAt?: string): void;
  /** Marks a source disconnected. */
  disconnect(dataSource: DataSourceId): void;
  /** Makes a route fail: every call, or the next `times` calls. */
  fail(route: FakeRoute, failure: FakeFailure, options?: { times?: number }): void;
  /** Makes a route wait before it answers. */
  delay(route: FakeRoute, ms: number): void;
  /** Makes a route never answer (until its signal aborts): a loading state that stays. */
  hang(route: FakeRoute): void;
  /** Clears failures, delays and hangs. */
  heal(): void;
}

const STATUS: Partial<Record<ThryveConnectErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  bad_request: 400,
  not_found: 404,
  server_error: 502,
  configuration_error: 502,
  timeout: 504,
};

function toError(failure: FakeFailure): Error {
  if (failure instanceof Error) return failure;
  return new ThryveConnectError(failure, `Fake backend: ${failure}`, { status: STATUS[failure] });
}

/**
 * A fake of your backend proxy for component tests without a network: sessions with fresh tokens,
 * connected sources you set, failures, delays and hangs per route, every call recorded. Failures are
 * `ThryveConnectError`s with the code and status the real proxy fetcher would throw, so the
 * components retry what they would retry.
 *
 * @example
 * const backend = createFakeFetcher({ connected: [1] });
 * render(<ThryveConnectProvider userKey="u1" fetcher={backend.fetcher}><DataSourcePicker /></ThryveConnectProvider>);
 * backend.fail('revoke', 'server_error', { times: 1 });
 */
export function createFakeFetcher(options: FakeFetcherOptions = {}): FakeFetcher {
  let connected: ConnectedSource[] = (options.connected ?? []).map((item) =>
    typeof item === 'number' ? { dataSource: item, connectedAt: null } : { ...item },
  );
  const calls: FakeFetcher['calls'] = [];
  const delays: Partial<Record<FakeRoute, number>> = { ...options.delayMs };
  const failures: Partial<Record<FakeRoute, { failure: FakeFailure; times: number }>> = {};
  const hangs = new Set<FakeRoute>();

  async function answer<T>(route: FakeRoute, signal: AbortSignal | undefined, value: () => T): Promise<T> {
    if (hangs.has(route)) {
      return new Promise<T>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    }
    const wait = delays[route] ?? 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const failing = failures[route];
    if (failing && failing.times !== 0) {
      failing.times -= 1;
      throw toError(failing.failure);
    }
    return value();
  }

  const fetcher: ThryveFetcher = (request: SessionRequest): Promise<SessionPayload> => {
    calls.push({ route: 'session', locale: request.locale });
    return answer('session', request.signal, () =>
      buildSession({
        locale: request.locale,
        origin: options.widgetOrigin,
        lifetimeMs: options.sessionLifetimeMs,
      }),
    );
  };
  if (options.routes !== false) {
    fetcher.getConnections = ({ signal } = {}) => {
      calls.push({ route: 'connections' });
      return answer('connections', signal, () => connected.map((item) => ({ ...item })));
    };
    fetcher.revoke = ({ dataSource, signal }) => {
      calls.push({ route: 'revoke', dataSource });
      return answer('revoke', signal, () => {
        connected = connected.filter((item) => item.dataSource !== dataSource);
      });
    };
  }

  return {
    fetcher,
    calls,
    connected: () => connected.map((item) => ({ ...item })),
    connect(dataSource, connectedAt = new Date().toISOString()) {
      connected = [
        ...connected.filter((item) => item.dataSource !== dataSource),
        { dataSource, connectedAt },
      ];
    },
    disconnect(dataSource) {
      connected = connected.filter((item) => item.dataSource !== dataSource);
    },
    fail(route, failure, { times = -1 } = {}) {
      failures[route] = { failure, times };
    },
    delay(route, ms) {
      delays[route] = ms;
    },
    hang(route) {
      hangs.add(route);
    },
    heal() {
      for (const route of ['session', 'connections', 'revoke'] as const) {
        delete failures[route];
        delete delays[route];
      }
      hangs.clear();
    },
  };
}
