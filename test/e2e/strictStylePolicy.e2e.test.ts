import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import { createThryveClient, createThryveConnectHandler } from '@thryve-connect/server';
import type { Browser } from 'playwright-core';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { SANDBOX_CREDENTIALS } from '../support/ports.js';

// Security teams at health companies set `style-src 'self'`: no inline style attribute applies, with or
// without a nonce. The server's HTML of the widget and the picker, served under that policy with our
// stylesheet, must cause no violation and keep the widget at its height.

const stylesheet = readFileSync(
  fileURLToPath(new URL('../../packages/react/src/styles.css', import.meta.url)),
  'utf8',
);
let sandbox: Sandbox;
let server: Server;
let appUrl: string;
let browser: Browser;

/** The page a server renders for one signed-in user: widget and picker, seeded with what it fetched. */
async function renderPage(): Promise<string> {
  const hosts = { api: sandbox.url, widget: sandbox.url, direct: sandbox.url };
  const handler = createThryveConnectHandler({
    client: createThryveClient({ ...SANDBOX_CREDENTIALS, hosts }),
    getEndUser: () => ({ alias: 'csp-user' }),
  });
  const seeds = await handler.prefetch({ alias: 'csp-user' }, { userKey: 'csp-user', locale: 'en' });
  const fetcher = Object.assign(async () => seeds.initialSession, {
    getConnections: async () => [...(seeds.initialConnections?.connectedSources ?? [])],
  });
  return renderToString(
    h(
      ThryveConnectProvider,
      { userKey: 'csp-user', fetcher, hosts, allowedWidgetOrigins: [sandbox.url], ...seeds },
      h(ThryveConnectionWidget),
      h(DataSourcePicker, { include: [1, 2, 8, 18] }),
    ),
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS });
  const body = await renderPage();
  server = createServer((request, response) => {
    if (request.url === '/styles.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(stylesheet);
      return;
    }
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; style-src 'self'; frame-src ${sandbox.url}; form-action 'self' ${sandbox.url}`,
      })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Devices</title>` +
          `<link rel="stylesheet" href="/styles.css"></head><body><main>${body}</main></body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  appUrl = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await sandbox?.close();
});

describe("the server's HTML under style-src 'self'", () => {
  it('carries no style attribute, causes no violation, and keeps the widget at its height', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective}`);
      });
    });
    await page.goto(appUrl);
    await page.locator('iframe').waitFor();
    expect(await page.locator('[style]').count()).toBe(0);
    const height = await page.locator('.thryve-connect-widget').evaluate((element) => element.clientHeight);
    expect(height).toBeGreaterThanOrEqual(560);
    await expect.poll(() => page.locator('li.thryve-connect-source').count()).toBe(4);
    expect(violations).toEqual([]);
    await page.close();
  });
});
