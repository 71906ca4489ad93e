import {
  buildRevokeUrl,
  type DataSource,
  type DataSourceId,
  isLocale,
  type Locale,
  parseConnectedSources,
  parseWidgetUrl,
  resolveHosts,
  type ThryveHosts,
} from '@thryve-connect/core';
import { BodyEncodingError, BodyTooLargeError, readBody } from './internal/readBody.js';
import { hostPrefix, isAlias, isEndUserId, isObject } from './internal/validation.js';
import { classifyDataSource, DATA_SOURCE_MESSAGES, extendCatalogue } from './internal/webDataSource.js';
import { ThryveApiError, type ThryveApiErrorCode } from './ThryveApiError.js';

/** Options of {@link createThryveClient}. Keep them on the server: they are the app's master secrets. */
export interface ThryveClientOptions {
  /** Basic-auth user of the `Authorization` header. */
  username: string;
  /** Basic-auth password of the `Authorization` header. */
  password: string;
  /** Basic-auth user of the `AppAuthorization` header. */
  authId: string;
  /** Basic-auth password of the `AppAuthorization` header. */
  authSecret: string;
  /**
   * Override Thryve's hosts (QA, the local sandbox). Default: production. https only, except for
   * loopback hosts (`localhost`, `127.0.0.1`, `[::1]`): the API host receives the credentials.
   */
  hosts?: Partial<ThryveHosts> | undefined;
  /** A `fetch` implementation. Default: the global one, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /**
   * Time limit of each method call in milliseconds, all of its requests together (a revoke is two).
   * The handler applies it to each route as a whole. Default 10 000.
   */
  timeoutMs?: number | undefined;
  /**
   * Entries that extend core's built-in `dataSources`: an entry with a built-in id replaces it (e.g.
   * to mark it `native`), a new id is added. Native sources are never revoked; a web one is. An id in
   * neither list is revoked only when Thryve lists it among the user's connections (Thryve adds
   * sources over time), so adding new ids here is optional. Default: the built-in list as it is.
   */
  catalogue?: readonly DataSource[] | undefined;
}

/** Per-call options of every {@link ThryveClient} method. */
export interface ThryveCallOptions {
  /** Aborts the call (it then fails with `timeout`), e.g. the handler's deadline for a whole route. */
  signal?: AbortSignal | undefined;
}

/** A widget session as {@link ThryveClient.createConnectionSession} returns it. */
export interface ThryveConnectionSession {
  /** The validated Connection Widget URL. */
  url: string;
  /** Its `connectionSessionToken` (also the token of the direct connect/revoke URLs). Sensitive. */
  token: string;
  /** ISO 8601 expiry, when Thryve said (it does not publish a lifetime). */
  expiresAt?: string;
}

/** One connected data source as Thryve's `userInformation` reports it. */
export interface ThryveConnectedSource {
  dataSource: DataSourceId;
  /** ISO 8601, or `null` when Thryve did not say. */
  connectedAt: string | null;
}

/** A server-side Thryve REST client. Every method throws {@link ThryveApiError} on failure. */
export interface ThryveClient {
  /** `POST /v5/accessToken`: the Thryve end-user id for the app's alias (same alias, same id). */
  getOrCreateEndUser(alias: string, options?: ThryveCallOptions): Promise<string>;
  /**
   * `POST /widget/v6/connection`: a Connection Widget session for the end user. An `expiresAt` from
   * Thryve is kept only when it is a future instant within 24 hours (ISO 8601 or epoch milliseconds);
   * otherwise it is dropped and `onError` hears about it (an `invalid_response` that did not fail the call).
   */
  createConnectionSession(
    options: {
      endUserId: string;
      locale?: Locale | undefined;
      onError?: ((error: ThryveApiError) => void) | undefined;
    } & ThryveCallOptions,
  ): Promise<ThryveConnectionSession>;
  /** `POST /v5/userInformation`: the data sources the end user has connected. */
  getConnectedSources(endUserId: string, options?: ThryveCallOptions): Promise<ThryveConnectedSource[]>;
  /**
   * Gets a session and performs Thryve's direct revoke GET server-side, under one deadline. A malformed
   * id or a native source is refused (`bad_request`) before any request. An id the catalogue does not
   * list is revoked only when the user's connections list it: `connectedSources` when given (as
   * `getConnectedSources` read them), otherwise read first under the same deadline; if not, it is
   * refused (`bad_request`) and no revoke is sent.
   */
  revokeDataSource(
    options: {
      endUserId: string;
      dataSource: DataSourceId;
      connectedSources?: readonly ThryveConnectedSource[] | undefined;
    } & ThryveCallOptions,
  ): Promise<void>;
  /** The catalogue the client (and a handler using it) checks data-source ids against: built-in plus the host's. */
  readonly catalogue?: readonly DataSource[] | undefined;
  /** The deadline of one call in milliseconds; the handler uses it for a whole route. */
  readonly timeoutMs?: number | undefined;
  /** Thryve's hosts the client uses; the handler's form route sends the browser to `direct`. */
  readonly hosts?: Readonly<ThryveHosts> | undefined;
}

/** The largest answer read from Thryve; a longer one fails with `invalid_response`, unread. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The furthest ahead an `expiresAt` from Thryve may lie (Thryve publishes no session lifetime). */
const MAX_EXPIRY_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Thryve's `expiresAt` as an ISO instant when it is a sane future one: a date string (ISO 8601) or epoch
 * milliseconds, after `now` and at most a day ahead. Epoch seconds (a date in 1970), a past instant or
 * one outside the Date range give `undefined`: an expired session would send the browser into a loop.
 */
function saneExpiry(value: unknown, now: number): string | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return ms > now && ms <= now + MAX_EXPIRY_AHEAD_MS ? new Date(ms).toISOString() : undefined;
}

/** The deadline of one client call, and of a handler route whose client does not say its own. */
export const DEFAULT_TIMEOUT_MS = 10_000;

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`createThryveClient: "${name}" must be a non-empty string.`);
  }
  return value;
}

/** The client's one Thryve HTTP status → code table, with what to check; any other status is a `server_error`. */
const THRYVE_STATUS: Readonly<Record<number, readonly [ThryveApiErrorCode, string]>> = {
  400: ['bad_request', ' Thryve reports invalid input parameters.'],
  401: [
    'configuration_error',
    ' Check username/password and authId/authSecret (the AppAuthorization header).',
  ],
  403: ['forbidden', ' Thryve refused the end-user token.'],
  404: ['not_found', ''],
};

function thryveFailure(status: number): readonly [ThryveApiErrorCode, string] {
  return (
    THRYVE_STATUS[status] ?? ['server_error', status >= 500 ? ' Thryve had a server error; retry later.' : '']
  );
}

function malformed(what: string, status: number): ThryveApiError {
  return new ThryveApiError(
    'invalid_response',
    `Thryve answered ${what} with a response that is not in the documented format.`,
    { status },
  );
}

function parseJson(text: string, what: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(what, status);
  }
}

/**
 * Creates a server-side Thryve client holding the app's credentials. Every request carries both
 * Basic-auth headers and a deadline; answers are read up to {@link MAX_RESPONSE_BYTES}; errors are
 * {@link ThryveApiError}s whose messages never contain the secrets.
 *
 * @example
 * const thryve = createThryveClient({
 *   username: process.env.THRYVE_USERNAME!, password: process.env.THRYVE_PASSWORD!,
 *   authId: process.env.THRYVE_AUTH_ID!, authSecret: process.env.THRYVE_AUTH_SECRET!,
 * });
 * const endUserId = await thryve.getOrCreateEndUser('user-42');
 */
export function createThryveClient(options: ThryveClientOptions): ThryveClient {
  if (!isObject(options))
    throw new TypeError('createThryveClient: pass { username, password, authId, authSecret }.');
  const authorization = basic(
    requireString(options.username, 'username'),
    requireString(options.password, 'password'),
  );
  const appAuthorization = basic(
    requireString(options.authId, 'authId'),
    requireString(options.authSecret, 'authSecret'),
  );
  const hosts: ThryveHosts = resolveHosts(options.hosts);
  const api = hostPrefix(hosts.api, 'api');
  const direct = hostPrefix(hosts.direct, 'direct');
  const widgetOrigins = [new URL(hostPrefix(hosts.widget, 'widget')).origin];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError('createThryveClient: "timeoutMs" must be a positive number.');
  }
  if (options.catalogue !== undefined && !Array.isArray(options.catalogue)) {
    throw new TypeError('createThryveClient: "catalogue" must be an array of data sources.');
  }
  const catalogue = extendCatalogue(options.catalogue);
  const fetchImpl = options.fetch;

  /** One deadline for a whole method call: the client's own, and the caller's signal when given. */
  function deadline(callOptions: ThryveCallOptions | undefined): AbortSignal {
    const own = AbortSignal.timeout(timeoutMs);
    return callOptions?.signal ? AbortSignal.any([own, callOptions.signal]) : own;
  }

  function transportError(what: string, error: unknown, signal: AbortSignal): ThryveApiError {
    if (signal.aborted) {
      return new ThryveApiError('timeout', `Thryve did not answer ${what} within ${timeoutMs} ms.`);
    }
    // The cause is the fetch failure (e.g. ECONNREFUSED); it never holds the request headers.
    return new ThryveApiError('network_error', `Could not reach Thryve for ${what}.`, { cause: error });
  }

  /** Sends one request and reads its body (capped) under the call's deadline. */
  async function send(
    what: string,
    url: string,
    init: RequestInit,
    signal: AbortSignal,
    read: boolean,
  ): Promise<{ status: number; text: string; url: string }> {
    let response: Response;
    try {
      response = await (fetchImpl ?? globalThis.fetch)(url, { ...init, signal, cache: 'no-store' });
    } catch (error) {
      throw transportError(what, error, signal);
    }
    const { status } = response;
    if (!response.ok || !read) {
      // Nothing in the body is used: release the connection instead of reading it.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) {
        const [code, hint] = thryveFailure(status);
        throw new ThryveApiError(code, `Thryve answered ${what} with HTTP ${status}.${hint}`, { status });
      }
      return { status, text: '', url: response.url };
    }
    try {
      return { status, text: await readBody(response, MAX_RESPONSE_BYTES), url: response.url };
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new ThryveApiError(
          'invalid_response',
          `Thryve answered ${what} with more than ${MAX_RESPONSE_BYTES} bytes; it was not read.`,
          { status },
        );
      }
      if (error instanceof BodyEncodingError) throw malformed(what, status);
      throw transportError(what, error, signal);
    }
  }

  function post(path: string, body: string, contentType: string, accept: string, signal: AbortSignal) {
    return send(
      `POST ${path}`,
      `${api}${path}`,
      {
        method: 'POST',
        headers: {
          Authorization: authorization,
          AppAuthorization: appAuthorization,
          'Content-Type': contentType,
          Accept: accept,
        },
        body,
        redirect: 'error',
      },
      signal,
      true,
    );
  }

  function assertEndUserId(endUserId: unknown): asserts endUserId is string {
    if (!isEndUserId(endUserId)) {
      throw new ThryveApiError(
        'bad_request',
        'The endUserId must be a Thryve end-user token (see getOrCreateEndUser).',
      );
    }
  }

  const client: ThryveClient = {
    catalogue,
    timeoutMs,
    hosts: Object.freeze({ ...hosts, direct }),

    async getOrCreateEndUser(alias, callOptions) {
      if (!isAlias(alias)) {
        throw new ThryveApiError(
          'bad_request',
          'The end-user alias must be 1 to 80 letters, digits or "-" (a stable, unguessable id of your user).',
        );
      }
      const path = '/v5/accessToken';
      const { status, text } = await post(
        path,
        new URLSearchParams({ partnerUserID: alias }).toString(),
        'application/x-www-form-urlencoded',
        'text/plain',
        deadline(callOptions),
      );
      const token = text.trim();
      if (!isEndUserId(token)) throw malformed(`POST ${path}`, status);
      return token;
    },

    async createConnectionSession(callOptions) {
      const { endUserId, locale, onError } = callOptions;
      assertEndUserId(endUserId);
      if (locale !== undefined && !isLocale(locale)) {
        throw new ThryveApiError(
          'bad_request',
          "The locale must be one of Thryve's widget languages (see LOCALES).",
        );
      }
      const path = '/widget/v6/connection';
      const what = `POST ${path}`;
      const { status, text } = await post(
        path,
        // JSON leaves out an undefined locale.
        JSON.stringify({ endUserId, locale }),
        'application/json',
        'application/json',
        deadline(callOptions),
      );
      const body = parseJson(text, what, status);
      const data = isObject(body) && isObject(body.data) ? body.data : {};
      if (typeof data.url !== 'string') throw malformed(what, status);
      let parsed: ReturnType<typeof parseWidgetUrl>;
      try {
        parsed = parseWidgetUrl(data.url, { allowedOrigins: widgetOrigins });
      } catch (error) {
        // parseWidgetUrl throws only ThryveConnectErrors: their code says why.
        throw new ThryveApiError(
          'invalid_response',
          `Thryve answered ${what} with a widget URL that is not valid for the configured widget host (${(error as { code?: string }).code}).`,
          { status },
        );
      }
      const session: ThryveConnectionSession = { url: parsed.url, token: parsed.token };
      const rawExpiry = data.expiresAt ?? (isObject(body) ? body.expiresAt : undefined);
      if (rawExpiry !== undefined && rawExpiry !== null) {
        const expiresAt = saneExpiry(rawExpiry, Date.now());
        if (expiresAt !== undefined) session.expiresAt = expiresAt;
        else {
          try {
            onError?.(
              new ThryveApiError(
                'invalid_response',
                `Thryve answered ${what} with an expiresAt that is not a future instant within 24 hours (ISO 8601 or epoch milliseconds); it was dropped.`,
                { status },
              ),
            );
          } catch {
            // A failing logger must not fail the call.
          }
        }
      }
      return session;
    },

    async getConnectedSources(endUserId, callOptions) {
      assertEndUserId(endUserId);
      const path = '/v5/userInformation';
      const what = `POST ${path}`;
      const { status, text } = await post(
        path,
        new URLSearchParams({ authenticationToken: endUserId }).toString(),
        'application/x-www-form-urlencoded',
        'application/json',
        deadline(callOptions),
      );
      const body = parseJson(text, what, status);
      if (!Array.isArray(body)) throw malformed(what, status);
      const result: ThryveConnectedSource[] = [];
      for (const user of body) {
        if (!isObject(user)) throw malformed(what, status);
        const list = parseConnectedSources(user.connectedSources ?? []);
        if (list === undefined) throw malformed(what, status);
        result.push(...list);
      }
      return result;
    },

    async revokeDataSource(callOptions) {
      const { endUserId, dataSource } = callOptions;
      assertEndUserId(endUserId);
      const kind = classifyDataSource(dataSource, catalogue);
      if (kind === 'malformed' || kind === 'native') {
        throw new ThryveApiError('bad_request', DATA_SOURCE_MESSAGES[kind]);
      }
      // One deadline for all requests: the connections (for an unlisted id), the session, the revoke GET.
      const signal = deadline(callOptions);
      if (kind === 'unlisted') {
        const connected =
          callOptions.connectedSources ?? (await client.getConnectedSources(endUserId, { signal }));
        if (!connected.some((source) => source.dataSource === dataSource)) {
          throw new ThryveApiError('bad_request', DATA_SOURCE_MESSAGES.unlisted);
        }
      }
      const { token } = await client.createConnectionSession({ endUserId, signal });
      // The token passed parseWidgetUrl and the id is a well-formed non-native one: this cannot throw.
      const url = buildRevokeUrl({ token, dataSource, hosts: { direct }, catalogue });
      // A browser page of Thryve's: no credentials are sent to it, and its HTML is not read.
      const result = await send(
        'the direct revoke GET',
        url,
        {
          method: 'GET',
          headers: { Accept: 'text/html,application/json;q=0.9,*/*;q=0.8' },
          redirect: 'follow',
        },
        signal,
        false,
      );
      // Thryve ends on its result page; after a revoke, connected=true means the revoke failed.
      // A duplicated parameter is ambiguous: read as a failure, never as success.
      const connected = URL.canParse(result.url) ? new URL(result.url).searchParams.getAll('connected') : [];
      if (connected.length > 1 || connected[0] === 'true') {
        throw new ThryveApiError('server_error', 'Thryve reported that the revoke failed (connected=true).', {
          status: result.status,
        });
      }
    },
  };
  return client;
}
