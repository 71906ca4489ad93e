import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createUser, useSandbox } from './helpers.js';

const CORS = 'access-control-allow-origin';
const EVIL = 'https://evil.example';

// The control API can read every user, reset the sandbox and inject faults. Any web page a developer
// visits while the sandbox runs must not be able to: each test below is one way such a page tries.
describe('the control API refuses web pages that are not on loopback', () => {
  const sandbox = useSandbox();
  const control = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sandbox().url}/__sandbox/${path}`, init);

  it('a page on another site cannot read the users (403, no CORS allowance, no data)', async () => {
    const endUserId = await createUser(sandbox(), 'victim');
    const response = await control('state', { headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
    expect(response.headers.get(CORS)).toBeNull();
    expect(await response.text()).not.toContain(endUserId);
  });

  it('a cross-site form post cannot reset the sandbox (no preflight needed, still refused)', async () => {
    await createUser(sandbox(), 'kept');
    const response = await control('reset', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(response.status).toBe(403);
    expect(sandbox().state.users.size).toBe(1);
  });

  it('a page on another site cannot inject a fault', async () => {
    const response = await control('faults', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      body: JSON.stringify({ route: '*', type: 'error', status: 500 }),
    });
    expect(response.status).toBe(403);
    expect((await control('faults')).status).toBe(200);
    expect(((await (await control('faults')).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it('a page on another site cannot connect a source for a user', async () => {
    const response = await control('connect', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      body: JSON.stringify({ alias: 'victim', dataSource: 1 }),
    });
    expect(response.status).toBe(403);
    expect(sandbox().state.users.size).toBe(0);
  });

  it('a preflight from another site gets a 403 without any CORS allowance', async () => {
    const response = await control('faults', {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get(CORS)).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it.each([
    'http://localhost.evil.com',
    'http://127.0.0.1.evil.tld',
    'http://evil.localhost.example:4010',
    'http://0.0.0.0:6006',
    'http://192.168.1.20:6006',
    'file://',
    'null',
  ])('an origin that only looks local (%s) is refused', async (origin) => {
    const response = await control('state', { headers: { origin } });
    expect(response.status).toBe(403);
    expect(response.headers.get(CORS)).toBeNull();
  });

  it('a rebound domain (Host: evil.example, same-origin for the browser) cannot read the users', async () => {
    const endUserId = await createUser(sandbox(), 'victim');
    const { port } = new URL(sandbox().url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/__sandbox/state',
          headers: {
            host: `evil.example:${port}`,
            'sec-fetch-site': 'same-origin',
            'sec-fetch-mode': 'cors',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(endUserId);
  });
});

describe('the control API still answers loopback pages and tools', () => {
  const sandbox = useSandbox();

  it.each(['http://localhost:6006', 'http://127.0.0.1:5173', 'http://[::1]:3000', 'https://localhost:8443'])(
    'answers a page on %s, with CORS',
    async (origin) => {
      const response = await fetch(`${sandbox().url}/__sandbox/health`, {
        headers: { origin, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get(CORS)).toBe('*');
      expect(response.headers.get('vary')).toMatch(/origin/i);
    },
  );

  it('answers its own origin and requests without an Origin (curl, Node, test runners)', async () => {
    expect(
      (await fetch(`${sandbox().url}/__sandbox/health`, { headers: { origin: sandbox().url } })).status,
    ).toBe(200);
    expect((await fetch(`${sandbox().url}/__sandbox/health`)).status).toBe(200);
  });
});
