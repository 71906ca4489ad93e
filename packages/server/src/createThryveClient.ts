import {
  assertWebDataSource,
  buildRevokeUrl,
  type DataSourceId,
  DEFAULT_THRYVE_HOSTS,
  isDataSourceId,
  isLocale,
  isThryveConnectError,
  type Locale,
  parseWidgetUrl,
  type ThryveHosts,
} from '@thryve-connect/core';
import { hostPrefix, isAlias, isEndUserId, isObject } from './internal/validation.js';
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
  /** Override Thryve's hosts (QA, the local sandbox). Default: production. */
  hosts?: Partial<ThryveHosts> | undefined;
  /** A `fetch` implementation. Default: the global one, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Time limit of each request to Thryve, in milliseconds. Default 10 000. */
  timeoutMs?: number | undefined;
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
  getOrCreateEndUser(alias: string): Promise<string>;
  /** `POST /widget/v6/connection`: a Connection Widget session for the end user. */
  createConnectionSession(options: {
    endUserId: string;
    locale?: Locale | undefined;
  }): Promise<ThryveConnectionSession>;
  /** `POST /v5/userInformation`: the data sources the end user has connected. */
  getConnectedSources(endUserId: string): Promise<ThryveConnectedSource[]>;
  /** Gets a session and performs Thryve's direct revoke GET server-side. Native sources are refused. */
  revokeDataSource(options: { endUserId: string; dataSource: DataSourceId }): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`createThryveClient: "${name}" must be a non-empty string.`);
  }
  return value;
}

function codeForStatus(status: number): ThryveApiErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  return 'upstream';
}

function hintForStatus(status: number): string {
  if (status === 401) return ' Check username/password and authId/authSecret (the AppAuthorization header).';
  if (status === 403) return ' Thryve refused the end-user token.';
  if (status === 400) return ' Thryve reports invalid input parameters.';
  if (status >= 500) return ' Thryve had a server error; retry later.';
  return '';
}

function malformed(what: string, status: number): ThryveApiError {
  return new ThryveApiError(
    'upstream',
    `Thryve answered ${what} with a response that is not in the documented format.`,
    {
      status,
    },
  );
}

/**
 * Creates a server-side Thryve client holding the app's credentials. Every request carries both
 * Basic-auth headers and an `AbortSignal` timeout; errors are {@link ThryveApiError}s whose messages
 * never contain the secrets.
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
  const hosts: ThryveHosts = { ...DEFAULT_THRYVE_HOSTS, ...options.hosts };
  const api = hostPrefix(hosts.api, 'api');
  const direct = hostPrefix(hosts.direct, 'direct');
  const widgetOrigins = [new URL(hostPrefix(hosts.widget, 'widget')).origin];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError('createThryveClient: "timeoutMs" must be a positive number.');
  }
  const fetchImpl = options.fetch;

  /** Sends one request and reads its whole body under the same timeout. */
  async function send(
    what: string,
    url: string,
    init: RequestInit,
  ): Promise<{ status: number; text: string; url: string }> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await (fetchImpl ?? globalThis.fetch)(url, { ...init, signal, cache: 'no-store' });
      const text = await response.text();
      if (!response.ok) {
        throw new ThryveApiError(
          codeForStatus(response.status),
          `Thryve answered ${what} with HTTP ${response.status}.${hintForStatus(response.status)}`,
          { status: response.status },
        );
      }
      return { status: response.status, text, url: response.url };
    } catch (error) {
      if (error instanceof ThryveApiError) throw error;
      if (signal.aborted) {
        throw new ThryveApiError('timeout', `Thryve did not answer ${what} within ${timeoutMs} ms.`);
      }
      // The cause is the fetch failure (e.g. ECONNREFUSED); it never holds the request headers.
      throw new ThryveApiError('network', `Could not reach Thryve for ${what}.`, { cause: error });
    }
  }

  function post(path: string, body: string, contentType: string, accept: string) {
    return send(`POST ${path}`, `${api}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        AppAuthorization: appAuthorization,
        'Content-Type': contentType,
        Accept: accept,
      },
      body,
      redirect: 'error',
    });
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
    async getOrCreateEndUser(alias) {
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
      );
      const token = text.trim();
      if (!isEndUserId(token)) throw malformed(`POST ${path}`, status);
      return token;
    },

    async createConnectionSession({ endUserId, locale }) {
      assertEndUserId(endUserId);
      if (locale !== undefined && !isLocale(locale)) {
        throw new ThryveApiError(
          'bad_request',
          "The locale must be one of Thryve's widget languages (see LOCALES).",
        );
      }
      const path = '/widget/v6/connection';
      const { status, text } = await post(
        path,
        JSON.stringify(locale === undefined ? { endUserId } : { endUserId, locale }),
        'application/json',
        'application/json',
      );
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw malformed(`POST ${path}`, status);
      }
      const data = isObject(body) ? body.data : undefined;
      if (!isObject(data) || typeof data.url !== 'string') throw malformed(`POST ${path}`, status);
      let parsed: ReturnType<typeof parseWidgetUrl>;
      try {
        parsed = parseWidgetUrl(data.url, { allowedOrigins: widgetOrigins });
      } catch (error) {
        const detail = isThryveConnectError(error) ? ` (${error.code})` : '';
        throw new ThryveApiError(
          'upstream',
          `Thryve answered POST ${path} with a widget URL that is not valid for the configured widget host${detail}.`,
          { status },
        );
      }
      const session: ThryveConnectionSession = { url: parsed.url, token: parsed.token };
      const expiresAt = toIsoDate(data.expiresAt ?? (isObject(body) ? body.expiresAt : undefined));
      if (expiresAt !== undefined) session.expiresAt = expiresAt;
      return session;
    },

    async getConnectedSources(endUserId) {
      assertEndUserId(endUserId);
      const path = '/v5/userInformation';
      const { status, text } = await post(
        path,
        new URLSearchParams({ authenticationToken: endUserId }).toString(),
        'application/x-www-form-urlencoded',
        'application/json',
      );
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw malformed(`POST ${path}`, status);
      }
      if (!Array.isArray(body)) throw malformed(`POST ${path}`, status);
      const result: ThryveConnectedSource[] = [];
      for (const user of body) {
        if (!isObject(user)) throw malformed(`POST ${path}`, status);
        const list = user.connectedSources ?? [];
        if (!Array.isArray(list)) throw malformed(`POST ${path}`, status);
        for (const item of list) {
          if (!isObject(item)) continue;
          const dataSource = typeof item.dataSource === 'string' ? Number(item.dataSource) : item.dataSource;
          // Skip an entry we cannot read rather than hide the others; unknown ids flow through.
          if (!isDataSourceId(dataSource)) continue;
          result.push({
            dataSource,
            connectedAt: typeof item.connectedAt === 'string' ? item.connectedAt : null,
          });
        }
      }
      return result;
    },

    async revokeDataSource({ endUserId, dataSource }) {
      assertEndUserId(endUserId);
      try {
        assertWebDataSource(dataSource);
      } catch (error) {
        throw new ThryveApiError(
          'bad_request',
          isThryveConnectError(error) ? error.message : 'The data source must be a web data source id.',
        );
      }
      const { token } = await client.createConnectionSession({ endUserId });
      const url = buildRevokeUrl({ token, dataSource, hosts: { direct } });
      // A browser page of Thryve's: no credentials are sent to it.
      const result = await send('the direct revoke GET', url, {
        method: 'GET',
        headers: { Accept: 'text/html,application/json;q=0.9,*/*;q=0.8' },
        redirect: 'follow',
      });
      // Thryve ends on its result page; after a revoke, connected=true means the revoke failed.
      const finalUrl = URL.canParse(result.url) ? new URL(result.url) : undefined;
      if (finalUrl?.searchParams.get('connected') === 'true') {
        throw new ThryveApiError('upstream', 'Thryve reported that the revoke failed (connected=true).', {
          status: result.status,
        });
      }
    },
  };
  return client;
}

function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
