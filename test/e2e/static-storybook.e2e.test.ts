import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { staticFiles } from '../support/staticFiles.js';

// `pnpm build-storybook` makes a site to publish as-is: no sandbox process, no backend. Its stories run
// the sandbox in the browser: MSW answers the page's fetches (the real proxy fetcher's /api/thryve/*),
// a relay service worker hands the frame's navigations to the same in-page sandbox. This builds it,
// serves the files with a plain static server and looks.

const root = 'storybook-static';
let server: Server;
let origin = '';
let browser: Browser;
/** Every path the static server was asked for: none may be the sandbox's or the proxy's. */
const served: string[] = [];

beforeAll(async () => {
  const build = spawnSync('pnpm', ['exec', 'storybook', 'build', '--quiet', '-o', root], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`storybook build failed:\n${build.stderr.slice(-2000)}`);
  const files = staticFiles(root);
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    files(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('the static Storybook, with no sandbox running', () => {
  it('shows the widget story with the in-browser sandbox’s widget page in the frame, and connects in it', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/iframe.html?id=components-thryveconnectionwidget--default&viewMode=story`);
    await expect
      .poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('ready');
    expect(await page.getByRole('note').first().textContent()).toMatch(/Offline demo/);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByRole('button', { name: 'Connect Garmin' }).count()).toBe(1);

    // The page's requests go through MSW's worker; the frame is the sandbox's widget page, a URL below
    // thryve-sandbox/ that no file of the site answers.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}/mockServiceWorker.js`,
    );
    const src = new URL((await page.locator('iframe').getAttribute('src')) ?? '');
    expect(src.pathname).toMatch(/^\/thryve-sandbox\/[0-9a-f]{12}\/$/);
    expect(src.searchParams.get('connectionSessionToken')).toMatch(/^\d{10}X\d{19}$/);

    // Connect inside the frame: the sandbox's consent page, Allow, and back to the widget, connected.
    await frame.getByRole('button', { name: 'Connect Garmin' }).click();
    await frame.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => frame.getByRole('status').textContent()).toBe('Garmin connected.');
    expect(await frame.locator('#status-2').textContent()).toBe('Connected');
    await page.close();
  });

  it('shows the picker story with statuses, disconnects and connects through the in-browser sandbox', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/iframe.html?id=components-datasourcepicker--default&viewMode=story`);
    // A row's status text: while statuses are unknown a row offers both buttons, so they prove nothing.
    const status = (name: string) =>
      page
        .getByRole('listitem')
        .filter({ hasText: name })
        .getByText(/^(Connected|Not connected|Status unknown)$/)
        .textContent();
    const disconnect = page.getByRole('button', { name: 'Disconnect Fitbit' });
    await expect.poll(() => disconnect.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => status('Fitbit'), { timeout: 15_000 }).toBe('Connected');
    expect(await status('Oura')).toBe('Connected');
    expect(await status('Garmin')).toBe('Not connected');
    await disconnect.click();
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Connect Fitbit' }).count()).toBe(1);
    await expect.poll(() => status('Fitbit')).toBe('Not connected');

    // Connect opens the sandbox's consent page in a new tab: the relay worker serves it from this
    // page's sandbox, and the picker reads the new status when the user comes back.
    const connect = page.getByRole('button', { name: 'Connect Garmin' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    const [consent] = await Promise.all([page.context().waitForEvent('page'), connect.click()]);
    await consent.getByRole('button', { name: 'Allow' }).click();
    await expect
      .poll(() => consent.getByRole('heading', { level: 1 }).textContent())
      .toBe('Garmin connected');
    await consent.close();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.getByRole('button', { name: 'Disconnect Garmin' }).count()).toBe(1);
    await expect.poll(() => status('Garmin')).toBe('Connected');
    await page.close();
  });

  it('keeps answering as one browser moves between stories, into the manager and reloads', async () => {
    // MSW's worker unregisters itself when its last page closes: a page that loads meanwhile must
    // still end up mocked (the in-browser sandbox reloads it once into the worker's hands).
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const round of [1, 2]) {
      await page.goto(`${origin}/iframe.html?id=components-datasourcepicker--default&viewMode=story`);
      await page.getByRole('button', { name: 'Disconnect Fitbit' }).waitFor({ timeout: 15_000 });
      await page.goto(`${origin}/iframe.html?id=components-thryveconnectionwidget--default&viewMode=story`);
      await page
        .frameLocator('iframe')
        .getByRole('button', { name: 'Connect Garmin' })
        .waitFor({ timeout: 15_000 });
      await page.goto(`${origin}/index.html?path=/story/components-datasourcepicker--default`);
      if (round === 2) await page.reload();
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview.getByRole('button', { name: 'Disconnect Fitbit' }).waitFor({ timeout: 15_000 });
    }
    await context.close();
  });

  it('never asked the static server for the sandbox or the proxy routes', () => {
    expect(served.some((path) => path.startsWith('/iframe.html'))).toBe(true);
    expect(served.filter((path) => /^\/(api|thryve-sandbox)\//.test(path))).toEqual([]);
  });
});
