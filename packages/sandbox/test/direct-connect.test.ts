import { describe, expect, it } from 'vitest';
import { createSession, delay, get, qs, useSandbox } from './helpers.js';

describe('GET /dataSourceDirectConnection.html (consent) and /__consent', () => {
  const sandbox = useSandbox();

  it('shows a consent screen with Allow and Deny for a web source', async () => {
    const { token } = await createSession(sandbox());
    const response = await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1 })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const html = await response.text();
    expect(html).toContain('Fitbit wants to share your data with the app');
    expect(html).toMatch(/<button type="submit"[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).toContain('action="/__consent"');
  });

  it('on Allow (form POST) connects and redirects to the result page', async () => {
    const { token, endUserId } = await createSession(sandbox());
    const before = Date.now();
    const response = await fetch(`${sandbox().url}/__consent`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: qs({ token, dataSource: 18, decision: 'allow' }),
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '', sandbox().url);
    expect(location.pathname).toBe('/dataSourceDirectConnectionResult.html');
    expect(Object.fromEntries(location.searchParams)).toEqual({ token, dataSource: '18', connected: 'true' });
    const connectedAt = sandbox().state.users.get(endUserId)?.connected.get(18) ?? '';
    expect(Date.parse(connectedAt)).toBeGreaterThanOrEqual(before - 1000);
    const result = await get(sandbox(), `${location.pathname}${location.search}`);
    expect(result.status).toBe(200);
    const html = await result.text();
    expect(html).toContain('Oura connected');
    expect(html).toContain('close this tab');
  });

  it('on Deny leaves the source disconnected and reports connected=false', async () => {
    const { token, endUserId } = await createSession(sandbox());
    const response = await get(sandbox(), `/__consent?${qs({ token, dataSource: 1, decision: 'deny' })}`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '', sandbox().url);
    expect(location.searchParams.get('connected')).toBe('false');
    expect(sandbox().state.users.get(endUserId)?.connected.size).toBe(0);
    const html = await (await get(sandbox(), `${location.pathname}${location.search}`)).text();
    expect(html).toContain('Connection failed');
  });

  it('forwards the outcome to an allowed redirect_uri, keeping its own query', async () => {
    const { token } = await createSession(sandbox());
    const redirectUri = 'http://localhost:5173/settings/sources?tab=wearables&token=stale';
    const response = await get(
      sandbox(),
      `/__consent?${qs({ token, dataSource: 2, redirect_uri: redirectUri, decision: 'allow' })}`,
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe('http://localhost:5173');
    expect(location.pathname).toBe('/settings/sources');
    expect(location.searchParams.get('tab')).toBe('wearables');
    expect(location.searchParams.getAll('token')).toEqual([token]);
    expect(location.searchParams.get('dataSource')).toBe('2');
    expect(location.searchParams.get('connected')).toBe('true');
  });

  it('carries redirect_uri from the consent screen into its form', async () => {
    const { token } = await createSession(sandbox());
    const redirectUri = 'http://127.0.0.1:3000/back?x=1&y=2';
    const html = await (
      await get(
        sandbox(),
        `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: redirectUri })}`,
      )
    ).text();
    expect(html).toContain('name="redirect_uri" value="http://127.0.0.1:3000/back?x=1&amp;y=2"');
  });

  it.each([5, 6, 44, 47])('refuses native source %i with a mobile-app page', async (dataSource) => {
    const { token } = await createSession(sandbox());
    const response = await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource })}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('can only be connected in the mobile app');
  });

  it.each(['12', '40', '999', 'abc', '', '-1', '1.5'])(
    'refuses data source %j with 400',
    async (dataSource) => {
      const { token } = await createSession(sandbox());
      const response = await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource })}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/not available|numeric id/);
    },
  );

  it('refuses an unknown token with an expired-session page', async () => {
    const response = await get(
      sandbox(),
      `/dataSourceDirectConnection.html?${qs({ token: '1X2', dataSource: 1 })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('expired');
  });

  it('refuses a consent without a decision', async () => {
    const { token } = await createSession(sandbox());
    const response = await get(sandbox(), `/__consent?${qs({ token, dataSource: 1 })}`);
    expect(response.status).toBe(400);
  });

  it('re-checks the redirect_uri when the consent is submitted', async () => {
    const { token, endUserId } = await createSession(sandbox());
    const response = await get(
      sandbox(),
      `/__consent?${qs({ token, dataSource: 1, redirect_uri: 'https://evil.example/', decision: 'allow' })}`,
    );
    expect(response.status).toBe(400);
    expect(sandbox().state.users.get(endUserId)?.connected.size).toBe(0);
  });
});

describe('redirect_uri allow-list', () => {
  const sandbox = useSandbox({
    redirectAllowList: ['http://localhost', 'https://app.example.com:8443', 'https://partner.example/cb'],
  });

  it.each([
    'http://localhost:5173/x',
    'http://localhost/',
    'https://app.example.com:8443/anything?q=1',
    'https://partner.example/cb',
    'https://partner.example/cb/deeper',
  ])('allows %s', async (redirectUri) => {
    const { token } = await createSession(sandbox());
    const response = await get(
      sandbox(),
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: redirectUri })}`,
    );
    expect(response.status).toBe(200);
  });

  it('always allows the sandbox own origin', async () => {
    const { token } = await createSession(sandbox());
    const redirectUri = `${sandbox().url}/somewhere`;
    const response = await get(
      sandbox(),
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: redirectUri })}`,
    );
    expect(response.status).toBe(200);
  });

  it.each([
    'http://localhost.evil.com/x',
    'http://localhost.evil.com:5173/',
    'http://localhost@evil.com/',
    'http://user:pw@localhost/',
    'https://localhost/',
    'http://127.0.0.1:5173/',
    'https://app.example.com/',
    'https://app.example.com:9443/',
    'https://partner.example/cbx',
    'https://partner.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/relative/path',
    '//localhost/x',
    'not a url',
  ])('refuses %s with a 400 page', async (redirectUri) => {
    const { token } = await createSession(sandbox());
    const response = await get(
      sandbox(),
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: redirectUri })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri is not on the allow-list');
  });
});

describe('direct connect session expiry', () => {
  const sandbox = useSandbox({ sessionTtlMs: 50 });

  it('refuses the consent screen and the consent once the token expired', async () => {
    const { token, endUserId } = await createSession(sandbox());
    expect(
      (await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1 })}`)).status,
    ).toBe(200);
    await delay(80);
    const page = await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1 })}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('This session has expired');
    const consent = await get(sandbox(), `/__consent?${qs({ token, dataSource: 1, decision: 'allow' })}`);
    expect(consent.status).toBe(400);
    expect(sandbox().state.users.get(endUserId)?.connected.size).toBe(0);
  });
});
