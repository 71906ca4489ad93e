import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { SANDBOX_CREDENTIALS } from '../support/ports.js';
import { startFixtureApp } from '../support/startFixtureApp.js';
import { DEMO_USER_COOKIE } from '../support/thryveDevProxy.js';

// The whole custom-screen flow as a user lives it: a host app on one origin, the sandbox (Thryve) on
// another, real redirects, a real new tab, Debian Chromium driven by Playwright.

let sandbox: Sandbox;
let app: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let alias: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS, sessionTtlMs: 12_000 });
  app = await startFixtureApp(fileURLToPath(new URL('./picker-app', import.meta.url)), sandbox.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  await context?.close();
  // A fresh demo user per test: tests never see each other's connections.
  alias = `e2e-${randomUUID().slice(0, 8)}`;
  context = await browser.newContext();
  await context.addCookies([{ name: DEMO_USER_COOKIE, value: alias, url: app.url }]);
  page = await context.newPage();
});

const row = (name: string) => page.locator('li.thryve-connect-source', { hasText: name });
const connectedIds = () => {
  const user = [...sandbox.state.users.values()].find((candidate) => candidate.alias === alias);
  return user ? [...user.connected.keys()] : [];
};

describe('DataSourcePicker end to end', () => {
  it('connects Fitbit through the consent page and comes back Connected, with no token in the address bar', async () => {
    await page.goto(`${app.url}/?mode=redirect`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();

    await page.waitForURL(
      (url) => url.origin === sandbox.url && url.pathname.includes('dataSourceDirectConnection'),
    );
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL((url) => url.origin === app.url);
    await expect.poll(() => row('Fitbit').locator('.thryve-connect-badge').textContent()).toBe('Connected');
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('redirect');
    await expect.poll(() => page.locator('#events').textContent()).toBe('connected:1');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Fitbit connected.');
    expect(connectedIds()).toEqual([1]);
    // What the host's analytics heard across both pages, in order; metadata only.
    const events = await page.evaluate(() => sessionStorage.getItem('tc-events') ?? '[]');
    expect(
      (JSON.parse(events) as Array<{ type: string }>)
        .map((event) => event.type)
        .filter((type) => type !== 'SESSION_READY'),
    ).toEqual(['CONNECT_STARTED', 'CONNECT_RESULT']);
    expect(JSON.parse(events)).toContainEqual({ type: 'CONNECT_RESULT', dataSource: 1, status: 'connected' });
    expect(events).not.toMatch(/token|http|e2e-/);
  });

  it('connects in a popup: the consent page there, the popup closes itself, the row shows Connected', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${app.url}/?mode=popup-window`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    const [popup] = await Promise.all([context.waitForEvent('page'), connect.click()]);
    popup.on('pageerror', (error) => errors.push(error.message));
    await popup.waitForURL((url) => url.origin === sandbox.url);
    // The opener link is cut before Thryve's page runs any script.
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForEvent('close');
    await expect.poll(() => row('Fitbit').locator('.thryve-connect-badge').textContent()).toBe('Connected');
    await expect.poll(() => page.locator('#events').textContent()).toBe('connected:1');
    expect(new URL(page.url()).search).toBe('?mode=popup-window');
    expect(connectedIds()).toEqual([1]);
    expect(errors).toEqual([]);
  });

  it('hands the exact connect URL to a navigate adapter, and the page itself goes nowhere', async () => {
    await page.goto(`${app.url}/?mode=redirect&navigate=record`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    const navigations = await page.evaluate(
      () => (window as unknown as { __navigations?: Array<{ url: string; target: string }> }).__navigations,
    );
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations?.[0]?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/dataSourceDirectConnection.html`);
    expect(url.searchParams.get('dataSource')).toBe('1');
    expect(url.searchParams.get('redirect_uri')).toBe(`${app.url}/?mode=redirect`);
    expect(navigations?.[0]?.target).toBe('self');
    // Had the library navigated itself (location.assign), the page would be on the sandbox by now.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).origin).toBe(app.url);
  });

  it('shows a connect finished in another tab of the same user at once, without focus', async () => {
    const other = await context.newPage();
    // What could otherwise make it read the statuses again: focus, or the page becoming visible.
    await other.addInitScript(() => {
      const seen = { count: 0 };
      (window as unknown as { __refocused: typeof seen }).__refocused = seen;
      window.addEventListener('focus', () => seen.count++);
      document.addEventListener('visibilitychange', () => seen.count++);
    });
    await other.goto(`${app.url}/?mode=redirect`);
    const otherBadge = () =>
      other.locator('li.thryve-connect-source', { hasText: 'Fitbit' }).locator('.thryve-connect-badge');
    await expect.poll(() => otherBadge().textContent()).toBe('Not connected');

    await page.goto(`${app.url}/?mode=redirect`);
    await page.bringToFront();
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.origin === app.url);
    await expect.poll(() => row('Fitbit').locator('.thryve-connect-badge').textContent()).toBe('Connected');
    // The other tab never had focus back: only the message from this tab can have told it.
    const started = Date.now();
    await expect.poll(() => otherBadge().textContent()).toBe('Connected');
    console.log(`other tab showed Connected ${Date.now() - started} ms after this tab did`);
    expect(
      await other.evaluate(() => (window as unknown as { __refocused: { count: number } }).__refocused.count),
    ).toBe(0);
    await other.close();
  });

  it('reports Deny as a failed connect, and the source stays not connected', async () => {
    await page.goto(`${app.url}/?mode=redirect`);
    const connect = page.getByRole('button', { name: 'Connect Garmin' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await page.getByRole('button', { name: 'Deny' }).click();

    await page.waitForURL((url) => url.origin === app.url);
    await expect.poll(() => page.locator('#events').textContent()).toBe('failed:connect:2');
    await expect
      .poll(() => row('Garmin').locator('.thryve-connect-badge').textContent())
      .toBe('Not connected');
    expect(connectedIds()).toEqual([]);
  });

  it('disconnects in the background without leaving the page', async () => {
    sandbox.connect({ alias }, 18);
    await page.goto(`${app.url}/?mode=redirect`);
    const before = page.url();
    await page.getByRole('button', { name: 'Disconnect Oura' }).click();
    await expect.poll(() => row('Oura').locator('.thryve-connect-badge').textContent()).toBe('Not connected');
    await expect.poll(() => page.locator('#events').textContent()).toBe('revoked:18');
    expect(page.url()).toBe(before);
    expect(connectedIds()).toEqual([]);
  });

  it('opens the consent page in a new tab without a redirectUri', async () => {
    await page.goto(`${app.url}/?mode=popup`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    const [tab] = await Promise.all([context.waitForEvent('page'), connect.click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).origin).toBe(sandbox.url);
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.getByRole('button', { name: 'Allow' }).click();
    await tab.waitForURL(/dataSourceDirectConnectionResult/);
    await tab.close();

    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => row('Fitbit').locator('.thryve-connect-badge').textContent()).toBe('Connected');
  });

  it('offers the fallback when the browser blocks the new tab', async () => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto(`${app.url}/?mode=popup`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await expect.poll(() => page.locator('#events').textContent()).toBe('popup-blocked');
    const link = page.getByRole('link', { name: 'Open the Fitbit connection page' });
    expect(await link.getAttribute('href')).toContain(
      `${sandbox.url}/dataSourceDirectConnection.html?token=`,
    );
    // No redirectUri in popup mode: continuing in this window would strand the user on Thryve's page.
    expect(await page.getByRole('button', { name: 'Continue in this window' }).count()).toBe(0);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForURL((url) => url.origin === sandbox.url);
    await tab.close();
  });

  it('with locale="auto", speaks the browser\'s language: fr-CA gives French texts and a widget in French', async () => {
    const french = await browser.newContext({ locale: 'fr-CA' });
    await french.addCookies([{ name: DEMO_USER_COOKIE, value: alias, url: app.url }]);
    const frenchPage = await french.newPage();
    await frenchPage.goto(`${app.url}/?mode=widget&locale=auto`);
    await expect.poll(() => frenchPage.locator('iframe').getAttribute('src')).toContain('lang=fr');
    await frenchPage.goto(`${app.url}/?mode=redirect&locale=auto`);
    await expect
      .poll(() =>
        frenchPage
          .getByRole('button', { name: /Fitbit/ })
          .first()
          .textContent(),
      )
      .toBe('Connecter');
    await french.close();
  });

  it('claims nothing for a crafted result URL with nothing pending', async () => {
    await page.goto(`${app.url}/?mode=redirect&token=x1234&dataSource=1&connected=true`);
    await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
    await expect
      .poll(() => row('Fitbit').locator('.thryve-connect-badge').textContent())
      .toBe('Not connected');
    expect(await page.locator('#events').textContent()).toBe('');
  });

  it('refreshes an expired session before it builds a connect URL', async () => {
    // Sessions live 12 s in this sandbox; the app trusts them 20 s minus a 5 s margin = 15 s, and fetches
    // a fresh one 5 s before that. After 13 s the first token is dead at the sandbox while the app would
    // still trust it: only the session refreshed in between gets the consent screen.
    await page.goto(`${app.url}/?mode=redirect&maxAge=20000`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await page.waitForTimeout(13_000);
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await page.waitForURL((url) => url.origin === sandbox.url);
    // A stale token would get the sandbox's "expired" page instead of the consent screen.
    await expect.poll(() => page.getByRole('button', { name: 'Allow' }).count()).toBe(1);
  });
});

describe('ThryveConnectionWidget end to end', () => {
  it('shows the sandbox widget cross-origin, lists the sources and connects from inside the frame', async () => {
    await page.goto(`${app.url}/?mode=widget`);
    await expect.poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state')).toBe('ready');
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByText('Fitbit').first().count()).toBeGreaterThan(0);
    const frameUrl = new URL((await page.locator('iframe').getAttribute('src')) ?? '');
    expect(frameUrl.origin).toBe(sandbox.url);
    expect(frameUrl.origin).not.toBe(app.url);

    // Inside the frame, as a user would: Connect → the provider's consent → Allow → back in the widget.
    await frame.getByRole('button', { name: 'Connect Withings' }).click();
    await frame.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => frame.getByRole('button', { name: 'Disconnect Withings' }).count()).toBe(1);
    expect(connectedIds()).toEqual([8]);
    expect(new URL(page.url()).origin).toBe(app.url); // the host page never navigated
  });
});
