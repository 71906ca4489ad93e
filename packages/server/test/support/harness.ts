import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '@thryve-connect/sandbox';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createThryveClient,
  createThryveConnectHandler,
  type ThryveClient,
  type ThryveClientOptions,
  type ThryveConnectHandler,
  type ThryveConnectHandlerOptions,
} from '../../src/index.js';
import { CREDENTIALS, recordError, recordResponse } from './secrets.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Starts the sandbox with the test's distinctive credentials. */
export function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({ port: 0, credentials: { ...CREDENTIALS } });
}

/**
 * For a test file: the sandbox, started once and with its faults cleared after every test, and `listen`
 * for servers of the file's own; all of them are closed after the file.
 */
export function useSandboxAndServers() {
  const servers: Server[] = [];
  const env = {
    sandbox: undefined as unknown as Sandbox,
    /** Listens on a free loopback port; returns the server's origin. */
    async listen(server: Server): Promise<string> {
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
  beforeAll(async () => {
    env.sandbox = await startTestSandbox();
  });
  afterEach(() => env.sandbox.clearFaults());
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await env.sandbox?.close();
  });
  return env;
}

/** A client of the sandbox; options override the defaults. */
export function clientFor(sandbox: Sandbox, options: Partial<ThryveClientOptions> = {}): ThryveClient {
  return createThryveClient({ ...CREDENTIALS, hosts: sandbox.hosts, timeoutMs: 5_000, ...options });
}

/** A handler whose every response (and thrown error) is recorded for the secret scan. */
export function recordingHandler(
  options: Partial<ThryveConnectHandlerOptions> & Pick<ThryveConnectHandlerOptions, 'client'>,
): ThryveConnectHandler {
  const handler = createThryveConnectHandler({ getEndUser: () => ({ alias: 'default-user' }), ...options });
  const recorded = async (request: Request) => {
    try {
      return await recordResponse(await handler(request));
    } catch (error) {
      recordError(error);
      throw error;
    }
  };
  return Object.assign(recorded, { prefetch: handler.prefetch, readResult: handler.readResult });
}

/** The host app's authentication in the tests: the alias is the `session` cookie's value. */
export const testUser: ThryveConnectHandlerOptions['getEndUser'] = (request) => {
  const match = /(?:^|;\s*)session=([A-Za-z0-9-]+)/.exec(request.headers.get('cookie') ?? '');
  return match?.[1] ? { alias: match[1] } : null;
};

/** A JSON request to the handler. */
export function jsonRequest(
  path: string,
  body?: unknown,
  init: RequestInit & { user?: string | undefined } = {},
): Request {
  const { user, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (user !== undefined) headers.set('cookie', `session=${user}`);
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Request(`http://app.test${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...rest,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
