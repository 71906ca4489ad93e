import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUTH, createSession, useSandbox } from './helpers.js';

const PATHS = [
  '/v5/accessToken',
  '/widget/v6/connection',
  '/v5/userInformation',
  '/',
  '/dataSourceDirectConnection.html',
  '/dataSourceDirectRevoke.html',
  '/dataSourceDirectConnectionResult.html',
  '/__consent',
  '/__sandbox/state',
  '/__sandbox/faults',
  '/__sandbox/connect',
  '/nope',
  '/%zz',
  '/v5/accessToken/extra',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const NASTY = [
  '',
  '%',
  '%00',
  '\u0000',
  '<x>',
  '"',
  '🙂',
  'a'.repeat(2000),
  '-1',
  '1e9',
  'null',
  '{',
  '[]',
  'true',
];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)] as T;

describe('robustness', () => {
  const sandbox = useSandbox();

  it('answers 404 on unknown paths', async () => {
    const response = await fetch(`${sandbox().url}/v6/accessToken`, { method: 'POST' });
    expect(response.status).toBe(404);
  });

  it('answers the browser favicon request with 204, not a 404 console error', async () => {
    const response = await fetch(`${sandbox().url}/favicon.ico`);
    expect(response.status).toBe(204);
  });

  it('answers 413 on a body over 1 MB', async () => {
    const response = await fetch(`${sandbox().url}/v5/accessToken`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: `partnerUserID=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${sandbox().url}/__sandbox/health`)).status).toBe(200);
  });

  it('survives 1,000 random requests with only 2xx/3xx/4xx answers', async () => {
    const { token } = await createSession(sandbox());
    const statuses = new Map<number, number>();
    const one = async (): Promise<void> => {
      const method = pick(METHODS);
      const params = new URLSearchParams();
      for (const key of [
        'token',
        'dataSource',
        'redirect_uri',
        'connectionSessionToken',
        'decision',
        'connected',
      ]) {
        if (randomInt(2) === 0)
          params.set(key, pick([...NASTY, token, '1', '5', 'allow', 'http://localhost:1/x']));
      }
      const body =
        method === 'GET' || method === 'HEAD'
          ? undefined
          : pick([...NASTY, `endUserId=${token}`, '{"endUserId":1}']);
      const headers: Record<string, string> = randomInt(2) === 0 ? { ...AUTH } : {};
      if (body !== undefined)
        headers['content-type'] = pick([
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
        ]);
      const response = await fetch(`${sandbox().url}${pick(PATHS)}?${params}`, {
        method,
        headers,
        body,
        redirect: 'manual',
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    };
    for (let batch = 0; batch < 50; batch += 1) await Promise.all(Array.from({ length: 20 }, one));
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(1000);
    for (const status of statuses.keys()) expect(status, `status ${status}`).toBeLessThan(500);
    expect(await (await fetch(`${sandbox().url}/__sandbox/health`)).json()).toEqual({ ok: true });
  });

  it('answers a raw malformed request line with 400 and keeps serving', async () => {
    const { connect } = await import('node:net');
    const url = new URL(sandbox().url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write('GARBAGE\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${sandbox().url}/__sandbox/health`)).status).toBe(200);
  });
});
