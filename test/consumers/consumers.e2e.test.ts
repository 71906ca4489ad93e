import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { SANDBOX_CREDENTIALS } from '../support/ports.js';

// Our users install tarballs into their own apps, with npm, and ship production builds. So do these:
// `pnpm pack` of each package, a Vite app and a Next.js App Router app outside the workspace,
// `npm install` from the tarballs, a production build, then Chromium against the sandbox.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'thryve-consumers-'));
let sandbox: Sandbox;
let browser: Browser;
const tarballs: Record<string, string> = {};

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`,
    );
  }
  return result.stdout + result.stderr;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const prepared = new Map<string, string>();

/** Copies an app outside the workspace and installs it from the tarballs (on another React, if asked). */
function prepare(name: string, react?: string): string {
  const key = `${name}@${react ?? 'default'}`;
  const done = prepared.get(key);
  if (done) return done;
  const dir = join(work, react ? `${name}-react-${react}` : name);
  cpSync(here(`./${name}`), dir, { recursive: true });
  const file = join(dir, 'package.json');
  let manifest = readFileSync(file, 'utf8')
    .replace('TARBALL_CORE', tarballs.core ?? '')
    .replace('TARBALL_REACT', tarballs.react ?? '')
    .replace('TARBALL_SERVER', tarballs.server ?? '')
    .replace('TARBALL_SANDBOX', tarballs.sandbox ?? '');
  if (react) manifest = manifest.replace(/"(react|react-dom)": "[^"]+"/g, `"$1": "${react}"`);
  writeFileSync(file, manifest);
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  prepared.set(key, dir);
  return dir;
}

async function startApp(
  command: string,
  args: string[],
  cwd: string,
  port: number,
  env: Record<string, string>,
) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).status < 500) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill();
  throw new Error(`${command} did not start:\n${output.slice(-2000)}`);
}

beforeAll(async () => {
  for (const name of ['core', 'react', 'server']) {
    // Packing an unbuilt package would test an old or empty dist: `pnpm test` builds first.
    readFileSync(resolve(`packages/${name}/dist/index.js`));
  }
  sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS });
  const packs = join(work, 'packs');
  mkdirSync(packs);
  for (const name of ['core', 'react', 'server', 'sandbox']) {
    sh('pnpm', ['pack', '--pack-destination', packs], resolve(`packages/${name}`));
    const tarball = readdirSync(packs).find((file) => file.startsWith(`thryve-connect-${name}-`));
    if (!tarball) throw new Error(`no tarball for ${name}`);
    tarballs[name] = join(packs, tarball);
  }
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The same user journey in both apps: widget page, then connect and disconnect on the picker page. */
async function journey(url: string) {
  const context = await browser.newContext();
  const alias = `consumer-${Math.random().toString(36).slice(2, 10)}`;
  await context.addCookies([{ name: 'demo-user', value: alias, url }]);
  const page = await context.newPage();
  const problems: string[] = [];
  const watch = (message: ConsoleMessage) => {
    const text = message.text();
    if (message.type() === 'error' || /hydrat/i.test(text))
      problems.push(`${message.type()}: ${text} (${message.location().url})`);
  };
  page.on('console', watch);
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Names the resource behind a "Failed to load resource" console error.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  await page.goto(url);
  await expect
    .poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state'), { timeout: 20_000 })
    .toBe('ready');
  expect(new URL((await page.locator('iframe').getAttribute('src')) ?? '').origin).toBe(sandbox.url);

  await page.goto(`${url}/devices`);
  const connect = page.getByRole('button', { name: 'Connect Fitbit' });
  await expect.poll(() => connect.isEnabled(), { timeout: 20_000 }).toBe(true);
  await connect.click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((next) => next.origin === url && next.pathname === '/devices');
  await expect
    .poll(() => page.getByRole('button', { name: 'Disconnect Fitbit' }).count(), { timeout: 20_000 })
    .toBe(1);
  // A server-rendered page shows the status before hydration; the token goes once the page's script runs,
  // which on a loaded 2-core machine can be seconds later (Vitest's default poll gives up after 1 s).
  await expect.poll(() => new URL(page.url()).searchParams.has('token'), { timeout: 20_000 }).toBe(false);

  await page.getByRole('button', { name: 'Disconnect Fitbit' }).click();
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect
    .poll(() => page.getByRole('button', { name: 'Connect Fitbit' }).count(), { timeout: 20_000 })
    .toBe(1);
  await context.close();
  return problems;
}

/** Every JavaScript file a production build sends to browsers, concatenated. */
function browserJavaScript(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

/** A production build ships our English texts and codes, not the developer explanations or German. */
function expectProductionTrimmed(code: string) {
  expect(code).toContain('Connect your health data sources');
  expect(code).not.toContain('is not an absolute URL'); // core's developer message
  expect(code).not.toContain('must be used within <ThryveConnectProvider>'); // react's
  expect(code).not.toContain('Verbinden Sie Ihre Gesundheitsdatenquellen'); // German is opt-in
}

describe('consumers installed from tarballs', () => {
  // The lowest React of our peer range, in a real browser: the jsdom suite alone would miss DOM behaviour.
  it.each([
    ['19', undefined],
    ['18', '18.3.1'],
  ])(
    'a Vite app on React %s with a Node backend builds and runs the whole journey, with no console error',
    async (_major, react) => {
      const dir = prepare('vite-app', react);
      if (react) {
        const installed = JSON.parse(readFileSync(join(dir, 'node_modules/react-dom/package.json'), 'utf8'));
        expect(installed.version).toBe(react);
      }
      // NODE_ENV as a CI machine has it: Vitest's `test` would make Vite compile React's development build.
      sh('npx', ['vite', 'build'], dir, { VITE_THRYVE_SANDBOX_URL: sandbox.url, NODE_ENV: 'production' });
      expectProductionTrimmed(browserJavaScript(join(dir, 'dist')));
      const app = await startApp('node', ['server.mjs'], dir, await freePort(), {
        THRYVE_SANDBOX_URL: sandbox.url,
      });
      try {
        expect(await journey(app.url)).toEqual([]);
      } finally {
        app.child.kill();
      }
    },
    600_000,
  );

  it("a Vite app's own Vitest + jsdom tests pass with the published test kit and the MSW sandbox", () => {
    const dir = prepare('vite-app');
    // Vitest's own process: NODE_ENV=test, as in the team's CI.
    const output = sh('npx', ['vitest', 'run'], dir, { NODE_ENV: 'test', NO_COLOR: '1', FORCE_COLOR: '0' });
    expect(output).toMatch(/Tests\s+2 passed \(2\)/);
  }, 600_000);

  it('a Next.js App Router app builds, server-renders both pages and runs the whole journey, with no hydration warning', async () => {
    const dir = prepare('next-app');
    sh('npx', ['next', 'build'], dir, {
      NEXT_PUBLIC_THRYVE_SANDBOX_URL: sandbox.url,
      NODE_ENV: 'production',
    });
    expectProductionTrimmed(browserJavaScript(join(dir, '.next', 'static')));
    const port = await freePort();
    const app: { child: ChildProcess; url: string } = await startApp(
      'npx',
      ['next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      dir,
      port,
      {
        THRYVE_SANDBOX_URL: sandbox.url,
      },
    );
    try {
      // As a signed-in user's browser asks for it: the page knows its user from the session cookie.
      sandbox.connect({ alias: 'ssr-check' }, 1);
      const signedIn = { headers: { cookie: 'demo-user=ssr-check' } };
      const widgetPage = await fetch(app.url, signedIn);
      expect(widgetPage.headers.get('cache-control')).toContain('no-store'); // it holds a session token
      const widgetHtml = await widgetPage.text();
      // The widget's frame is in the server's HTML, with a session URL: the browser asks for it at once.
      expect(widgetHtml).toMatch(
        new RegExp(
          `<iframe[^>]*src="${sandbox.url.replaceAll('.', '\\.')}/\\?connectionSessionToken=\\d+X\\d+`,
        ),
      );
      expect(widgetHtml).toContain('data-state="ready"');
      const html = await (await fetch(`${app.url}/devices`, signedIn)).text();
      expect(html).toContain('thryve-connect-picker'); // server-rendered, not an empty shell
      expect(html).toMatch(/>Fitbit<.*?>Connected</); // with the statuses
      expect(html).toMatch(/>Garmin<.*?>Not connected</);
      expect(html).not.toContain('aria-busy="true"');

      // In the browser: no session request on load, the same frame kept through hydration.
      const context = await browser.newContext();
      await context.addCookies([{ name: 'demo-user', value: 'ssr-check', url: app.url }]);
      const page = await context.newPage();
      const sessionRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/thryve/session')) sessionRequests.push(request.url());
      });
      await page.goto(app.url);
      await expect
        .poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state'))
        .toBe('ready');
      await page.waitForTimeout(500);
      expect(sessionRequests).toEqual([]);
      await context.close();
      expect(await journey(app.url)).toEqual([]);
    } finally {
      app.child.kill();
    }
  }, 900_000);
});
