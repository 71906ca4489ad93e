import { describe, expect, it } from 'vitest';
import { createSession, delay, get, qs, useSandbox } from './helpers.js';

describe('GET /dataSourceDirectRevoke.html', () => {
  const sandbox = useSandbox();

  it('revokes on a background GET and answers a 200 result page', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    // What a page on another origin does: a credential-less GET with its own Origin, following redirects.
    const response = await fetch(
      `${sandbox().url}/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`,
      { headers: { origin: 'http://localhost:5173' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Fitbit disconnected');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(false);
  });

  it('forwards connected=false to redirect_uri, keeping its query', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 11);
    const redirectUri = 'http://localhost:5173/sources?keep=me';
    const response = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 11, direct: 'true', redirect_uri: redirectUri })}`,
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:5173/sources');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      keep: 'me',
      token,
      dataSource: '11',
      connected: 'false',
    });
    expect(sandbox().state.users.get(endUserId)?.connected.has(11)).toBe(false);
  });

  it('succeeds for a source that was never connected', async () => {
    const { token } = await createSession(sandbox());
    const response = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 2, direct: 'true' })}`,
    );
    expect(response.status).toBe(200);
  });

  it('leaves other sources connected', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    sandbox().connect({ endUserId }, 2);
    await get(sandbox(), `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`);
    expect([...(sandbox().state.users.get(endUserId)?.connected.keys() ?? [])]).toEqual([2]);
  });

  it('refuses a native source, an unknown source and a foreign redirect_uri without revoking', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    const native = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 5, direct: 'true' })}`,
    );
    expect(native.status).toBe(400);
    expect(await native.text()).toContain('can only be connected in the mobile app');
    const unknown = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 12, direct: 'true' })}`,
    );
    expect(unknown.status).toBe(400);
    const foreign = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true', redirect_uri: 'http://localhost.evil.com/' })}`,
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('redirect_uri is not on the allow-list');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
  });

  it('refuses an unknown token', async () => {
    const response = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token: 'nope', dataSource: 1, direct: 'true' })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('expired');
  });

  it('answers 405 on POST', async () => {
    const response = await fetch(`${sandbox().url}/dataSourceDirectRevoke.html`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('direct revoke session expiry', () => {
  const sandbox = useSandbox({ sessionTtlMs: 50 });

  it('refuses to revoke with an expired token', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    await delay(80);
    const response = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This session has expired');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
  });
});
