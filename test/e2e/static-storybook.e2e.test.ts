import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { staticFiles } from '../support/staticFiles.js';

// `pnpm build-storybook` makes a site to publish as-is: no sandbox, no backend. Its stories fall back
// to the labelled in-browser fake. This builds it, serves the files statically and looks.

const root = 'storybook-static';
let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  const build = spawnSync('pnpm', ['exec', 'storybook', 'build', '--quiet', '-o', root], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`storybook build failed:\n${build.stderr.slice(-2000)}`);
  server = createServer(staticFiles(root));
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
  it('shows the widget story with the labelled offline stand-in in the frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/iframe.html?id=components-thryveconnectionwidget--default&viewMode=story`);
    await expect
      .poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('ready');
    expect(await page.getByRole('note').first().textContent()).toMatch(/Offline demo/);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByRole('button', { name: 'Connect Garmin' }).count()).toBe(1);
    await page.close();
  });

  it('shows the picker story with statuses and disconnects through the stand-in', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/iframe.html?id=components-datasourcepicker--default&viewMode=story`);
    const disconnect = page.getByRole('button', { name: 'Disconnect Fitbit' });
    await expect.poll(() => disconnect.count(), { timeout: 15_000 }).toBe(1);
    await disconnect.click();
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Connect Fitbit' }).count()).toBe(1);
    await page.close();
  });
});
