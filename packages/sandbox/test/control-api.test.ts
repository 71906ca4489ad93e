import { describe, expect, it } from 'vitest';
import { createSession, createUser, postForm, useSandbox } from './helpers.js';

const CORS = 'access-control-allow-origin';

describe('control API under /__sandbox/', () => {
  const sandbox = useSandbox();
  const control = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sandbox().url}/__sandbox/${path}`, init);
  const postControl = (path: string, body: unknown): Promise<Response> =>
    control(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('health answers { ok: true } with CORS for any origin', async () => {
    const response = await control('health', { headers: { origin: 'http://localhost:6006' } });
    expect(response.status).toBe(200);
    expect(response.headers.get(CORS)).toBe('*');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers the CORS preflight, allowing Content-Type', async () => {
    const response = await control('faults', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get(CORS)).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('connect creates the alias user if missing and shows up in state and userInformation', async () => {
    const response = await postControl('connect', { alias: 'story-user', dataSource: 3 });
    expect(response.status).toBe(200);
    expect(response.headers.get(CORS)).toBe('*');
    const endUserId = await createUser(sandbox(), 'story-user');
    const state = (await (await control('state')).json()) as {
      users: Array<{
        endUserId: string;
        alias: string | null;
        connectedSources: Array<{ dataSource: number }>;
      }>;
    };
    expect(state.users).toEqual([
      {
        endUserId,
        alias: 'story-user',
        connectedSources: [{ dataSource: 3, connectedAt: expect.any(String) }],
      },
    ]);
    const info = (await (
      await postForm(sandbox(), '/v5/userInformation', { authenticationToken: endUserId })
    ).json()) as Array<{
      connectedSources: unknown[];
    }>;
    expect(info[0]?.connectedSources).toHaveLength(1);
  });

  it('connect by endUserId works for an existing user and is refused for an unknown one', async () => {
    const endUserId = await createUser(sandbox());
    expect((await postControl('connect', { endUserId, dataSource: 1 })).status).toBe(200);
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
    expect((await postControl('connect', { endUserId: 'unknown', dataSource: 1 })).status).toBe(400);
  });

  it.each([
    ['no dataSource', { alias: 'a' }],
    ['no user', { dataSource: 1 }],
    ['a bad alias', { alias: 'a b', dataSource: 1 }],
    ['a string dataSource', { alias: 'a', dataSource: '1' }],
  ])('connect answers 400 for %s', async (_why, body) => {
    const response = await postControl('connect', body);
    expect(response.status).toBe(400);
    expect(response.headers.get(CORS)).toBe('*');
  });

  it('disconnect removes a source', async () => {
    await postControl('connect', { alias: 'x-user', dataSource: 1 });
    expect((await postControl('disconnect', { alias: 'x-user', dataSource: 1 })).status).toBe(200);
    expect([...sandbox().state.users.values()][0]?.connected.size).toBe(0);
  });

  it('faults: POST adds, DELETE clears, bad shapes get 400', async () => {
    expect((await postControl('faults', { route: 'accessToken', type: 'error', status: 503 })).status).toBe(
      201,
    );
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(503);
    const cleared = await control('faults', { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(cleared.headers.get(CORS)).toBe('*');
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(200);
    for (const bad of [
      { route: 'nope', type: 'error' },
      { route: 'widget', type: 'explode' },
      { route: 'widget', type: 'error', status: 99 },
      { route: 'widget', type: 'latency', ms: -1 },
      { route: 'widget', type: 'error', times: 1.5 },
      'not an object',
    ]) {
      expect((await postControl('faults', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const invalidJson = await control('faults', { method: 'POST', body: '{' });
    expect(invalidJson.status).toBe(400);
  });

  it('state lists sessions and the request log; reset clears everything', async () => {
    await createSession(sandbox(), { alias: 'logged' });
    const state = (await (await control('state')).json()) as {
      sessions: number;
      requests: Array<{ method: string; path: string; status: number }>;
    };
    expect(state.sessions).toBe(1);
    expect(state.requests).toEqual([
      { method: 'POST', path: '/v5/accessToken', status: 200 },
      { method: 'POST', path: '/widget/v6/connection', status: 200 },
    ]);
    expect(sandbox().state.requests).toHaveLength(3);
    expect((await postControl('reset', {})).status).toBe(200);
    expect(sandbox().state.users.size).toBe(0);
    expect(sandbox().state.sessions).toBe(0);
    expect(sandbox().state.requests).toEqual([{ method: 'POST', path: '/__sandbox/reset', status: 200 }]);
  });

  it('answers 404 for unknown control paths and 405 for wrong methods, with CORS', async () => {
    const missing = await control('nothing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get(CORS)).toBe('*');
    const wrong = await control('reset');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get(CORS)).toBe('*');
  });
});

describe('the Sandbox object', () => {
  const sandbox = useSandbox();

  it('exposes its origin as url and as all three hosts', () => {
    expect(sandbox().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox().hosts).toEqual({ api: sandbox().url, widget: sandbox().url, direct: sandbox().url });
  });

  it('connect() by alias creates the user; by unknown endUserId throws', () => {
    sandbox().connect({ alias: 'prog' }, 42);
    const user = [...sandbox().state.users.values()][0];
    expect(user?.alias).toBe('prog');
    expect(user?.connected.has(42)).toBe(true);
    expect(() => sandbox().connect({ endUserId: 'missing' }, 1)).toThrow();
    expect(() => sandbox().connect({}, 1)).toThrow();
  });
});
