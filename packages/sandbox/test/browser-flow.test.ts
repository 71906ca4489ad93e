import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { createSession, qs, useSandbox } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A real browser proves what fetch cannot: forms, redirects and frames across two origins. The host
// app lives on http://localhost:<port>, the sandbox on http://127.0.0.1:<port> — two sites.
describe.skipIf(!existsSync(CHROMIUM))('in Chromium, from a page on another origin', () => {
  const sandbox = useSandbox();
  let browser: Browser;
  let app: Server;
  let appOrigin: string;

  beforeAll(async () => {
    app = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const target = url.searchParams.get('target') ?? '';
      const frame = url.searchParams.get('frame') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>Host app</title><h1>Host app ${url.pathname}</h1>
${target ? `<a id="go" href="${target.replace(/"/g, '&quot;')}">Connect</a>` : ''}
${frame ? `<iframe title="Thryve" src="${frame.replace(/"/g, '&quot;')}" width="600" height="800"></iframe>` : ''}`);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appOrigin = `http://localhost:${(app.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    app?.closeAllConnections();
    await new Promise((resolve) => app?.close(resolve));
  });

  const startPage = async (s: Sandbox, decision: 'Allow' | 'Deny') => {
    const { token, endUserId } = await createSession(s);
    const back = `${appOrigin}/back?from=app`;
    const connectUrl = `${s.url}/dataSourceDirectConnection.html?${qs({ token, dataSource: 1, redirect_uri: back })}`;
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/start?${qs({ target: connectUrl })}`);
    await page.click('#go');
    await page.getByRole('button', { name: decision }).click();
    await page.waitForURL(`${appOrigin}/back?**`);
    const landed = new URL(page.url());
    await page.close();
    return { landed, token, endUserId };
  };

  it('Allow lands back on the app URL with dataSource and connected=true', async () => {
    const { landed, token, endUserId } = await startPage(sandbox(), 'Allow');
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      from: 'app',
      token,
      dataSource: '1',
      connected: 'true',
    });
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
  });

  it('Deny lands back with connected=false', async () => {
    const { landed, endUserId } = await startPage(sandbox(), 'Deny');
    expect(landed.searchParams.get('connected')).toBe('false');
    expect(sandbox().state.users.get(endUserId)?.connected.size).toBe(0);
  });

  it('a background no-cors GET of the revoke URL from the app origin disconnects', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/settings`);
    const revokeUrl = `${sandbox().url}/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`;
    const type = await page.evaluate(async (url) => (await fetch(url, { mode: 'no-cors' })).type, revokeUrl);
    expect(type).toBe('opaque');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(false);
    await page.close();
  });

  it('the widget connects a source from inside a cross-origin iframe', async () => {
    const { widgetUrl, endUserId } = await createSession(sandbox());
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/widget?${qs({ frame: widgetUrl })}`);
    const frame = page.frameLocator('iframe[title="Thryve"]');
    await frame.getByRole('button', { name: 'Connect Fitbit' }).click();
    await frame.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(async () => frame.getByRole('status').textContent()).toBe('Fitbit connected.');
    await frame.getByRole('button', { name: 'Disconnect Fitbit' }).waitFor();
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
    expect(page.url().startsWith(appOrigin)).toBe(true);
    await page.close();
  });
});
