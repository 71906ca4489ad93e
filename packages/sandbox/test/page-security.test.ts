import { describe, expect, it } from 'vitest';
import { createSession, get, qs, useSandbox } from './helpers.js';

const PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

const expectNoInjection = (html: string): void => {
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<img');
  expect(html).not.toMatch(/"\s*>\s*<script/);
};

describe('HTML pages escape every reflected value', () => {
  const sandbox = useSandbox({ redirectAllowList: ['http://localhost'] });

  it('on the consent page (redirect_uri reflected into a form field)', async () => {
    const { token } = await createSession(sandbox());
    const redirectUri = `http://localhost:5173/x?q=${PAYLOAD}`;
    const response = await get(
      sandbox(),
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: redirectUri })}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expectNoInjection(html);
    expect(html).toContain('&lt;script&gt;');
  });

  it('on error pages (bad dataSource, bad token, bad redirect)', async () => {
    const { token } = await createSession(sandbox());
    for (const path of [
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: PAYLOAD })}`,
      `/dataSourceDirectConnection.html?${qs({ token: PAYLOAD, dataSource: 1 })}`,
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, redirect_uri: `javascript:${PAYLOAD}` })}`,
      `/?${qs({ connectionSessionToken: PAYLOAD })}`,
    ]) {
      const response = await get(sandbox(), path);
      expect(response.status, path).toBe(400);
      expectNoInjection(await response.text());
    }
  });

  it('on the result page and the widget notice', async () => {
    const result = await get(
      sandbox(),
      `/dataSourceDirectConnectionResult.html?${qs({ token: PAYLOAD, dataSource: PAYLOAD, connected: PAYLOAD })}`,
    );
    expect(result.status).toBe(200);
    expectNoInjection(await result.text());
    const { widgetUrl } = await createSession(sandbox());
    const url = new URL(widgetUrl);
    const widget = await get(
      sandbox(),
      `/${url.search}&${qs({ action: PAYLOAD, dataSource: PAYLOAD, connected: PAYLOAD, lang: PAYLOAD })}`,
    );
    expect(widget.status).toBe(200);
    expectNoInjection(await widget.text());
  });

  it('every page carries the HTML headers', async () => {
    const { token, widgetUrl } = await createSession(sandbox());
    const url = new URL(widgetUrl);
    for (const path of [
      `/${url.search}`,
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1 })}`,
      `/dataSourceDirectConnection.html?${qs({ token, dataSource: 5 })}`,
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`,
      `/dataSourceDirectConnectionResult.html?${qs({ token, dataSource: 1, connected: 'true' })}`,
    ]) {
      const response = await get(sandbox(), path);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBeNull();
    }
  });
});
