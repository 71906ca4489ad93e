import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  DEFAULT_SANDBOX_CREDENTIALS,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../src/index.js';

const basic = (user: string, secret: string): string =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** Both Basic headers for the default sandbox credentials. */
export const AUTH = {
  Authorization: basic(DEFAULT_SANDBOX_CREDENTIALS.username, DEFAULT_SANDBOX_CREDENTIALS.password),
  AppAuthorization: basic(DEFAULT_SANDBOX_CREDENTIALS.authId, DEFAULT_SANDBOX_CREDENTIALS.authSecret),
};

export { basic };

/** Starts one sandbox for the file (reset after each test) and returns an accessor for it. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
  });
  afterEach(() => sandbox?.reset());
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
}

/** POSTs a form to the sandbox with both auth headers. */
export function postForm(
  sandbox: Sandbox,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = AUTH,
): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

/** POSTs JSON to the sandbox with both auth headers. */
export function postJson(
  sandbox: Sandbox,
  path: string,
  body: unknown,
  headers: Record<string, string> = AUTH,
): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Creates (or finds) a user through the REST API and returns its endUserId. */
export async function createUser(sandbox: Sandbox, alias?: string): Promise<string> {
  const response = await postForm(
    sandbox,
    '/v5/accessToken',
    alias === undefined ? {} : { partnerUserID: alias },
  );
  if (response.status !== 200) throw new Error(`accessToken answered ${response.status}`);
  return response.text();
}

/** Opens a widget session for a new user; returns the widget URL, its token and the user's id. */
export async function createSession(
  sandbox: Sandbox,
  options: { alias?: string; locale?: string } = {},
): Promise<{ endUserId: string; widgetUrl: string; token: string }> {
  const endUserId = await createUser(sandbox, options.alias);
  const body = options.locale === undefined ? { endUserId } : { endUserId, locale: options.locale };
  const response = await postJson(sandbox, '/widget/v6/connection', body);
  if (response.status !== 200) throw new Error(`connection answered ${response.status}`);
  const json = (await response.json()) as { data: { url: string } };
  const token = new URL(json.data.url).searchParams.get('connectionSessionToken') ?? '';
  return { endUserId, widgetUrl: json.data.url, token };
}

/** GETs a sandbox path without following redirects. */
export function get(sandbox: Sandbox, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox.url}${pathAndQuery}`, { redirect: 'manual', ...init });
}

/** A query string from pairs (encoded). */
export function qs(params: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
}

/** Resolves after `ms`. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
