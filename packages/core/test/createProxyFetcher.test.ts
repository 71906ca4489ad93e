import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProxyFetcher, isThryveConnectError, type ThryveConnectError } from '../src/index.js';

// A real HTTP server stands in for the host's backend, so the fetcher's own fetch, headers,
// status handling and aborts are what is tested, not a stub of them.

const WIDGET =
  'https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=de';
let server: Server;
let base = '';
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const [path, query] = (req.url ?? '').split('?');
      const status = Number(new URLSearchParams(query).get('status') ?? 200);
      res.setHeader('content-type', 'application/json');
      if (path === '/slow/session') return void setTimeout(() => res.end('{}'), 5_000);
      if (path === '/html/session') return void res.end('<html>');
      if (path === '/app-page/session') {
        // What an app's page route or a single-page app's index.html fallback answers at a wrong path.
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return void res.end('<!doctype html><html><body>My app</body></html>');
      }
      if (status !== 200) {
        res.statusCode = status;
        if (status === 429) res.setHeader('retry-after', '7');
        return void res.end(JSON.stringify({ error: { code: 'x', message: `failure ${status}` } }));
      }
      if (path?.endsWith('/session'))
        return void res.end(JSON.stringify({ url: WIDGET, expiresAt: '2030-01-01T00:00:00Z' }));
      if (path?.endsWith('/connections')) {
        return void res.end(
          JSON.stringify({
            connectedSources: [{ dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' }, { dataSource: 'bad' }],
          }),
        );
      }
      if (path?.endsWith('/revoke')) return void res.end(JSON.stringify({ revoked: true }));
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<ThryveConnectError> {
  try {
    await promise;
  } catch (error) {
    if (isThryveConnectError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('createProxyFetcher over real HTTP', () => {
  it('posts the locale as JSON and returns the session payload', async () => {
    const fetcher = createProxyFetcher({
      url: `${base}/api/thryve/session`,
      init: { headers: { 'x-csrf': 'abc' } },
    });
    await expect(fetcher({ locale: 'de' })).resolves.toEqual({
      url: WIDGET,
      expiresAt: '2030-01-01T00:00:00Z',
    });
    const request = seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual({ locale: 'de' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-csrf']).toBe('abc');
  });

  it('derives the connections and revoke routes beside /session', async () => {
    const fetcher = createProxyFetcher(`${base}/api/thryve/session`);
    await expect(fetcher.getConnections?.({})).resolves.toEqual([
      { dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' },
    ]);
    await fetcher.revoke?.({ dataSource: 8 });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/thryve/revoke' });
    expect(JSON.parse(seen.at(-1)?.body ?? '')).toEqual({ dataSource: 8 });
    expect(createProxyFetcher({ url: `${base}/x/session`, revokeUrl: false }).revoke).toBeUndefined();
  });

  it.each([
    [400, 'bad_request', false],
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [504, 'timeout', true],
  ])('maps HTTP %i to %s (retryable: %s) with the backend message', async (status, code, retryable) => {
    const error = await failure(
      createProxyFetcher(`${base}/api/thryve/session?status=${status}`)({ locale: 'en' }),
    );
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(`failure ${status}`);
  });

  it('reads a 429 as rate_limited with its Retry-After, which no plain retry may ignore', async () => {
    const error = await failure(
      createProxyFetcher(`${base}/api/thryve/session?status=429`)({ locale: 'en' }),
    );
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7_000, retryable: false });
  });

  it('reports a body that is not JSON as invalid_response', async () => {
    expect((await failure(createProxyFetcher(`${base}/html/session`)({ locale: 'en' }))).code).toBe(
      'invalid_response',
    );
  });

  it('names an HTML answer as a page where the backend proxy should be, in development', async () => {
    const error = await failure(createProxyFetcher(`${base}/app-page/session`)({ locale: 'en' }));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(`${base}/app-page/session answered an HTML page, not JSON`);
    expect(error.message).toContain('Mount the proxy there');
  });

  it('reports a refused connection as a retryable network_error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(
      createProxyFetcher(`http://127.0.0.1:${port}/api/thryve/session`)({ locale: 'en' }),
    );
    expect(error.code).toBe('network_error');
    expect(error.retryable).toBe(true);
  });

  it('honours the abort signal', async () => {
    const controller = new AbortController();
    const pending = createProxyFetcher(`${base}/slow/session`)({ locale: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('aborted');
  });
});

// The error answer's reader is a chunk of its own in an app's bundle, fetched on the first error
// answer. Its loading is the boundary faked here: a chunk that never loads, or one that is counted.
describe('the error answer reader, loaded on first use', () => {
  afterEach(() => {
    vi.doUnmock('../src/internal/errorAnswer.js');
    vi.resetModules();
  });

  // A fresh module graph has its own ThryveConnectError class: read the failure by its fields.
  const failed = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as ThryveConnectError,
    );

  async function freshFetcher(): Promise<typeof createProxyFetcher> {
    vi.resetModules();
    return (await import('../src/createProxyFetcher.js')).createProxyFetcher;
  }

  it('is not loaded while the backend answers', async () => {
    const loads = vi.fn();
    vi.doMock('../src/internal/errorAnswer.js', async (original) => {
      loads();
      return original();
    });
    const fetcher = (await freshFetcher())(`${base}/api/thryve/session`);
    await fetcher({ locale: 'de' });
    await fetcher.getConnections?.({});
    expect(loads).not.toHaveBeenCalled();
    const error = await failed(
      (await freshFetcher())(`${base}/api/thryve/session?status=403`)({ locale: 'en' }),
    );
    expect([error?.code, loads.mock.calls.length]).toEqual(['forbidden', 1]);
  });

  it('that cannot be loaded makes the answer a retryable network_error with its status', async () => {
    vi.doMock('../src/internal/errorAnswer.js', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const error = await failed(
      (await freshFetcher())(`${base}/api/thryve/session?status=401`)({ locale: 'en' }),
    );
    expect(error).toMatchObject({ code: 'network_error', status: 401, retryable: true });
    expect(error?.cause).toBeDefined();
    expect(error?.message).toContain('answered HTTP 401, and the code that reads it could not be loaded');
  });
});
