import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script module of the bench, no declarations
import { measureRscPage, RSC_PAGE_BUDGET_BYTES } from '../../scripts/bench/rscPage.mjs';
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

const running: ChildProcess[] = [];
const served = new Map<string, Promise<{ dir: string; url: string }>>();

/** Each app is built and started once per file: the journeys and the scenarios below share it. */
function serve(key: string, start: () => Promise<{ dir: string; url: string }>) {
  let app = served.get(key);
  if (!app) {
    app = start();
    served.set(key, app);
  }
  return app;
}

/**
 * The Vite app's production build (on another React, if asked), served by its Node backend; or its
 * development build, where React's StrictMode runs every effect twice.
 */
function viteApp(react?: string, mode: 'production' | 'development' = 'production') {
  return serve(`vite-app@${react ?? 'default'}:${mode}`, async () => {
    const dir = prepare('vite-app', react);
    const outDir = mode === 'production' ? 'dist' : 'dist-development';
    // NODE_ENV as a CI machine has it: Vitest's `test` would make Vite compile React's development build.
    sh('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir], dir, {
      VITE_THRYVE_SANDBOX_URL: sandbox.url,
      NODE_ENV: mode,
    });
    const app = await startApp('node', ['server.mjs'], dir, await freePort(), {
      THRYVE_SANDBOX_URL: sandbox.url,
      STATIC_DIR: outDir,
      NODE_ENV: mode,
    });
    running.push(app.child);
    return { dir, url: app.url };
  });
}

/** What `next build` printed: its route table marks each route static or dynamic. */
let nextBuildOutput = '';

/** The Next.js app's production build, served by `next start`. */
function nextApp() {
  return serve('next-app', async () => {
    const dir = prepare('next-app');
    nextBuildOutput = sh('npx', ['next', 'build'], dir, {
      NEXT_PUBLIC_THRYVE_SANDBOX_URL: sandbox.url,
      NODE_ENV: 'production',
    });
    const port = await freePort();
    const app = await startApp('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], dir, port, {
      THRYVE_SANDBOX_URL: sandbox.url,
    });
    running.push(app.child);
    return { dir, url: app.url };
  });
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
  for (const child of running) child.kill();
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

/**
 * A production build ships our English texts and codes, not the developer explanations, and no
 * language the app does not import (the Next app imports German for its language menu).
 */
function expectProductionTrimmed(code: string, imports: { german?: boolean } = {}) {
  expect(code).toContain('Connect your health data sources');
  expect(code).not.toContain('is not an absolute URL'); // core's developer message
  expect(code).not.toContain('must be used within <ThryveConnectProvider>'); // react's
  expect(code.includes('Verbinden Sie Ihre Gesundheitsdatenquellen')).toBe(imports.german === true); // opt-in
  expect(code).not.toContain('Connectez vos sources de données de santé'); // French: never imported
}

describe('consumers installed from tarballs', () => {
  // The lowest React of our peer range, in a real browser: the jsdom suite alone would miss DOM behaviour.
  it.each([
    ['19', undefined],
    ['18', '18.3.1'],
  ])(
    'a Vite app on React %s with a Node backend builds and runs the whole journey, with no console error',
    async (_major, react) => {
      const { dir, url } = await viteApp(react);
      if (react) {
        const installed = JSON.parse(readFileSync(join(dir, 'node_modules/react-dom/package.json'), 'utf8'));
        expect(installed.version).toBe(react);
      }
      expectProductionTrimmed(browserJavaScript(join(dir, 'dist')));
      expect(await journey(url)).toEqual([]);
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
    const { dir, url } = await nextApp();
    expectProductionTrimmed(browserJavaScript(join(dir, '.next', 'static')), { german: true });
    // As a signed-in user's browser asks for it: the page knows its user from the session cookie.
    sandbox.connect({ alias: 'ssr-check' }, 1);
    const signedIn = { headers: { cookie: 'demo-user=ssr-check' } };
    const widgetPage = await fetch(url, signedIn);
    expect(widgetPage.headers.get('cache-control')).toContain('no-store'); // it holds a session token
    const widgetHtml = await widgetPage.text();
    // The widget's frame is in the server's HTML, with a session URL: the browser asks for it at once.
    expect(widgetHtml).toMatch(
      new RegExp(
        `<iframe[^>]*src="${sandbox.url.replaceAll('.', '\\.')}/\\?connectionSessionToken=\\d+X\\d+`,
      ),
    );
    expect(widgetHtml).toContain('data-state="ready"');
    const html = await (await fetch(`${url}/devices`, signedIn)).text();
    expect(html).toContain('thryve-connect-picker'); // server-rendered, not an empty shell
    expect(html).toMatch(/>Fitbit<.*?>Connected</); // with the statuses
    expect(html).toMatch(/>Garmin<.*?>Not connected</);
    expect(html).not.toContain('aria-busy="true"');

    // In the browser: no session request on load, the same frame kept through hydration.
    const context = await browser.newContext();
    await context.addCookies([{ name: 'demo-user', value: 'ssr-check', url: url }]);
    const page = await context.newPage();
    const sessionRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/thryve/session')) sessionRequests.push(request.url());
    });
    await page.goto(url);
    await expect.poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state')).toBe('ready');
    await page.waitForTimeout(500);
    expect(sessionRequests).toEqual([]);
    await context.close();
    expect(await journey(url)).toEqual([]);
  }, 900_000);
});

/** What the page shows at each DOM change: who is signed in, the language, every frame's address, Fitbit's status. */
interface Snapshot {
  user: string | null;
  locale: string | null;
  frames: string[];
  fitbit: string | null;
}

/** Records a {@link Snapshot} into `window.__seen` whenever the page's DOM changes, from its first byte. */
function recordSnapshots() {
  const seen: Snapshot[] = [];
  (window as unknown as { __seen: Snapshot[] }).__seen = seen;
  let last = '';
  const take = () => {
    const fitbit = [...document.querySelectorAll('li.thryve-connect-source')].find((row) =>
      row.textContent?.includes('Fitbit'),
    );
    const snapshot: Snapshot = {
      user: document.getElementById('signed-in')?.textContent ?? null,
      locale: document.querySelector('select')?.value ?? null,
      frames: [...document.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src') ?? ''),
      fitbit: fitbit?.querySelector('.thryve-connect-badge')?.textContent ?? null,
    };
    const key = JSON.stringify(snapshot);
    if (key !== last) {
      last = key;
      seen.push(snapshot);
    }
  };
  new MutationObserver(take).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

const tokenOf = (src: string | null) =>
  new URL(src ?? '', 'http://x').searchParams.get('connectionSessionToken');
const demoUserOf = (cookie: string | undefined) =>
  /(?:^|;\s*)demo-user=([A-Za-z0-9-]+)/.exec(cookie ?? '')?.[1];
const newAlias = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** A signed-in browser that records what it shows and which user each proxy call was made for. */
async function openAs(url: string, alias: string) {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'demo-user', value: alias, url }]);
  const page = await context.newPage();
  await page.addInitScript(recordSnapshots);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const sessions: { user: string | undefined; token: string | null }[] = [];
  const connections: (string | undefined)[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    const user = demoUserOf((await response.request().headerValue('cookie')) ?? undefined);
    if (path === '/api/thryve/connections') connections.push(user);
    if (path === '/api/thryve/session' && response.ok()) {
      sessions.push({ user, token: tokenOf(((await response.json()) as { url: string }).url) });
    }
  });
  const seen = () => page.evaluate(() => (window as unknown as { __seen: Snapshot[] }).__seen);
  const frameSrc = () => page.locator('.thryve-connect-widget iframe').getAttribute('src');
  const widgetState = () => page.locator('.thryve-connect-widget').getAttribute('data-state');
  const badge = (name: string) =>
    page
      .locator('li.thryve-connect-source', { hasText: name })
      .locator('.thryve-connect-badge')
      .textContent();
  const signIn = async (next: string) => {
    await page.getByLabel('User').fill(next);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  /** Closes the browser: no page error, console error or failed request along the way (but the `known` ones). */
  const close = async (known: RegExp[] = []) => {
    await context.close();
    expect(problems.filter((problem) => !known.some((pattern) => pattern.test(problem)))).toEqual([]);
  };
  return { page, sessions, connections, seen, frameSrc, widgetState, badge, signIn, close };
}

describe('the widget as a Server Component (@thryve-connect/react/server)', () => {
  const frameIn = (html: string) =>
    new RegExp(`<iframe src="(${sandbox.url.replaceAll('.', '\\.')}/\\?connectionSessionToken=[^"]+)"`)
      .exec(html)?.[1]
      ?.replaceAll('&amp;', '&');

  it('renders at request time without Cache Components too: a page that reads no request data is ƒ in next build, answered no-store, never prerendered with a token', async () => {
    const dir = prepare('next-classic-app');
    const output = sh('npx', ['next', 'build'], dir, {
      NEXT_PUBLIC_THRYVE_SANDBOX_URL: sandbox.url,
      NODE_ENV: 'production',
    });
    expect(output).toMatch(/ƒ \/\s*$/m);
    // Nothing prerendered carries a token: the build prerendered no page of the route.
    const prerendered = JSON.parse(readFileSync(join(dir, '.next/prerender-manifest.json'), 'utf8'));
    expect(Object.keys(prerendered.routes)).not.toContain('/');
    const port = await freePort();
    const app = await startApp(
      'npx',
      ['next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      dir,
      port,
      {},
    );
    running.push(app.child);
    const response = await fetch(app.url);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(frameIn(await response.text())).toContain('connectionSessionToken=');
  });

  it('renders at request time: next build marks its routes dynamic (one that reads no request data too), each user’s HTML holds their own frame, and the page’s script grows by at most 1.5 kB gzip', async () => {
    const { dir, url } = await nextApp();
    expect(nextBuildOutput).toMatch(/ƒ \/server-widget\s*$/m);
    // The widget alone makes this one dynamic: the page reads no cookie and calls no connection().
    expect(nextBuildOutput).toMatch(/ƒ \/server-widget-fixed\s*$/m);
    expect((await fetch(`${url}/server-widget-fixed`)).headers.get('cache-control')).toContain('no-store');

    const as = (alias: string) =>
      fetch(`${url}/server-widget`, { headers: { cookie: `demo-user=${alias}` } });
    const [a, b] = await Promise.all([as(newAlias('rsc-a')), as(newAlias('rsc-b'))]);
    expect(a.headers.get('cache-control')).toContain('no-store');
    const [aHtml, bHtml] = [await a.text(), await b.text()];
    const [aSrc, bSrc] = [frameIn(aHtml), frameIn(bHtml)];
    expect(tokenOf(aSrc ?? null)).toMatch(/^\d+X\d+$/);
    expect(tokenOf(bSrc ?? null)).toMatch(/^\d+X\d+$/);
    expect(tokenOf(aSrc ?? null)).not.toBe(tokenOf(bSrc ?? null));
    expect(aHtml).toContain('data-state="ready"');

    const bytes = measureRscPage({ dir });
    console.info(`server widget: +${bytes.addedBytes} B gzip on load, ${bytes.onDemandBytes} B on Reload`);
    expect(bytes.addedBytes).toBeGreaterThan(0);
    expect(bytes.addedBytes).toBeLessThanOrEqual(RSC_PAGE_BUDGET_BYTES);
  }, 900_000);

  it('in Chromium: a frame loaded before hydration is ready with no session request and no hydration warning; at the session’s age an announced Reload gets a fresh session through the route and swaps the frame', async () => {
    const { url } = await nextApp();
    const context = await browser.newContext();
    await context.addCookies([{ name: 'demo-user', value: newAlias('rsc-browser'), url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /hydrat/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const sessions: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/thryve/session')) sessions.push(request.method());
    });
    // Every data-state the widget shows, from the first byte.
    await page.addInitScript(() => {
      const states: string[] = [];
      (window as unknown as { __states: string[] }).__states = states;
      new MutationObserver(() => {
        const state = document.querySelector('.thryve-connect-widget')?.getAttribute('data-state');
        if (state && states.at(-1) !== state) states.push(state);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    // The page's script waits until the server's frame has loaded: its load event is gone by hydration.
    let release = () => {};
    const held = new Promise<void>((go) => {
      release = go;
    });
    await page.route('**/_next/static/chunks/**', async (route) => {
      await held;
      await route.continue();
    });
    const framed = page.waitForEvent('framenavigated', (frame) => frame.url().startsWith(sandbox.url));
    const navigation = page.goto(`${url}/server-widget`);
    await (await framed).waitForLoadState('load');
    release();
    await navigation;
    await page.waitForLoadState('networkidle');
    const widget = page.locator('.thryve-connect-widget');
    const firstSrc = await page.locator('iframe').getAttribute('src');
    expect(await widget.getAttribute('data-state')).toBe('ready');
    expect(await page.evaluate(() => (window as unknown as { __states: string[] }).__states)).toEqual([
      'ready',
    ]);
    expect(sessions).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // The session's age, on a clock the test moves. (Playwright's fake clock also fakes `performance`,
    // so this page cannot tell that its frame loaded: it is on screen, loading, when the session ages.)
    const aged = await browser.newContext();
    await aged.addCookies([{ name: 'demo-user', value: newAlias('rsc-aged'), url }]);
    const agedPage = await aged.newPage();
    agedPage.on('console', (message) => {
      if (message.type() === 'error' || /hydrat/i.test(message.text())) problems.push(message.text());
    });
    agedPage.on('request', (request) => {
      if (request.url().includes('/api/thryve/session')) sessions.push(request.method());
    });
    await agedPage.clock.install();
    await agedPage.goto(`${url}/server-widget`);
    await agedPage.waitForLoadState('networkidle');
    const agedWidget = agedPage.locator('.thryve-connect-widget');
    const agedSrc = await agedPage.locator('iframe').getAttribute('src');
    expect(sessions).toEqual([]);
    await agedPage.clock.fastForward('10:00');
    await expect.poll(() => agedWidget.getAttribute('data-state')).toBe('expired');
    expect(await agedPage.getByRole('status').textContent()).toBe(
      'This connection session has expired. Reload it to continue.',
    );
    expect(await agedPage.locator('iframe').getAttribute('src')).toBe(agedSrc); // the page stays until asked
    await agedPage.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => agedWidget.getAttribute('data-state')).toBe('ready');
    const freshSrc = await agedPage.locator('iframe').getAttribute('src');
    expect(new URL(freshSrc ?? '').origin).toBe(sandbox.url);
    expect(tokenOf(freshSrc)).not.toBe(tokenOf(agedSrc));
    expect(tokenOf(freshSrc)).not.toBe(tokenOf(firstSrc));
    expect(sessions).toEqual(['POST']);
    expect(problems).toEqual([]);
    await aged.close();
  }, 900_000);
});

describe('under a strict style policy', () => {
  it("given a Next page served with style-src 'self', the widget and the picker cause no violation and the widget keeps its height", async () => {
    const { url } = await nextApp();
    const response = await fetch(`${url}/strict`, { headers: { cookie: 'demo-user=csp-check' } });
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self'");
    const context = await browser.newContext();
    await context.addCookies([{ name: 'demo-user', value: 'csp-check', url }]);
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        );
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${url}/strict`);
    await expect.poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state')).toBe('ready');
    await expect.poll(() => page.locator('li.thryve-connect-source').count()).toBe(2);
    const height = await page.locator('.thryve-connect-widget').evaluate((element) => element.clientHeight);
    expect(height).toBeGreaterThanOrEqual(300);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('whose data: the built packages in Chromium, the sandbox behind the real proxy', () => {
  it('given a Next page server-rendered for A, when B signs in without a reload, B never holds A’s session token and gets a session of their own', async () => {
    const { url } = await nextApp();
    const [a, b] = [newAlias('seed-a'), newAlias('seed-b')];
    const browserOf = await openAs(url, a);
    const { page, sessions, seen, frameSrc, widgetState } = browserOf;
    await page.goto(url);
    await expect.poll(widgetState).toBe('ready');
    const aToken = tokenOf(await frameSrc());
    expect(aToken).toMatch(/\d+X\d+/);
    expect(sessions).toEqual([]); // A's frame came with the server's HTML

    await browserOf.signIn(b);
    await expect.poll(() => page.locator('#signed-in').textContent()).toBe(`Signed in as ${b}`);
    await expect.poll(() => sessions.some((session) => session.user === b)).toBe(true);
    await expect.poll(widgetState).toBe('ready');
    const bToken = tokenOf(await frameSrc());
    expect(bToken).not.toBe(aToken);
    expect(sessions.filter((session) => session.user === b).map((session) => session.token)).toContain(
      bToken,
    );
    expect(sessions.filter((session) => session.user !== b)).toEqual([]);

    const snapshots = await seen();
    // The recorder saw A's frame arrive with the HTML, so it would have seen it again under B.
    expect(
      snapshots.some((s) => s.user === `Signed in as ${a}` && s.frames.some((f) => tokenOf(f) === aToken)),
    ).toBe(true);
    const underB = snapshots.filter((s) => s.user === `Signed in as ${b}`);
    expect(underB.length).toBeGreaterThan(0);
    expect(underB.filter((s) => s.frames.some((f) => tokenOf(f) === aToken))).toEqual([]);
    await browserOf.close();
  }, 600_000);

  it('given a Next devices page server-rendered with A’s statuses, when B signs in without a reload, B’s connections are asked and A’s Connected is never shown to B', async () => {
    const { url } = await nextApp();
    const [a, b] = [newAlias('status-a'), newAlias('status-b')];
    sandbox.connect({ alias: a }, 1);
    const browserOf = await openAs(url, a);
    const { page, connections, seen, badge } = browserOf;
    await page.goto(`${url}/devices`);
    await expect.poll(() => badge('Fitbit')).toBe('Connected');
    await expect.poll(() => page.getByRole('button', { name: 'Disconnect Fitbit' }).isEnabled()).toBe(true);
    expect(connections).toEqual([]); // A's statuses came with the server's HTML

    await browserOf.signIn(b);
    await expect.poll(() => connections.includes(b)).toBe(true);
    await expect.poll(() => badge('Fitbit')).toBe('Not connected');
    await expect.poll(() => page.getByRole('button', { name: 'Connect Fitbit' }).isEnabled()).toBe(true);
    expect(connections.filter((user) => user !== b)).toEqual([]);

    const snapshots = await seen();
    expect(snapshots.some((s) => s.user === `Signed in as ${a}` && s.fitbit === 'Connected')).toBe(true);
    const underB = snapshots.filter((s) => s.user === `Signed in as ${b}`);
    expect(underB.length).toBeGreaterThan(0);
    expect(underB.filter((s) => s.fitbit === 'Connected')).toEqual([]);
    await browserOf.close();
  }, 600_000);

  it('given a Next page seeded in English, when the language menu switches to German, the frame is a German session of its own', async () => {
    const { url } = await nextApp();
    const browserOf = await openAs(url, newAlias('locale'));
    const { page, sessions, seen, frameSrc, widgetState } = browserOf;
    await page.goto(url);
    await expect.poll(widgetState).toBe('ready');
    const englishSrc = await frameSrc();
    expect(new URL(englishSrc ?? '').searchParams.get('lang')).toBe('en');
    const englishToken = tokenOf(englishSrc);

    await page.getByLabel('Language').selectOption('de');
    await expect
      .poll(async () => new URL((await frameSrc()) ?? '', 'http://x').searchParams.get('lang'))
      .toBe('de');
    await expect.poll(widgetState).toBe('ready');
    expect(tokenOf(await frameSrc())).not.toBe(englishToken);
    expect(sessions.length).toBeGreaterThan(0); // asked the backend, in German

    const inGerman = (await seen()).filter((s) => s.locale === 'de');
    expect(inGerman.length).toBeGreaterThan(0);
    expect(inGerman.filter((s) => s.frames.some((f) => tokenOf(f) === englishToken))).toEqual([]);
    expect(
      inGerman
        .flatMap((s) => s.frames)
        .filter((f) => new URL(f, 'http://x').searchParams.get('lang') !== 'de'),
    ).toEqual([]);
    await browserOf.close();
  }, 600_000);

  it('given the Next devices page with the picker and the page’s own useConnectionResult, after Thryve’s redirect back each hears the result exactly once', async () => {
    const { url } = await nextApp();
    const browserOf = await openAs(url, newAlias('listeners'));
    const { page, badge } = browserOf;
    await page.goto(`${url}/devices`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/devices');

    const heard = () => page.locator('#heard li').allTextContents();
    await expect
      .poll(async () => (await heard()).sort())
      .toEqual(['page: connected 1', 'picker: connected 1']);
    await expect.poll(() => badge('Fitbit')).toBe('Connected');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Fitbit connected.');
    expect((await heard()).sort()).toEqual(['page: connected 1', 'picker: connected 1']);
    await browserOf.close();
  }, 600_000);

  it.each(['production', 'development'] as const)(
    'given a Vite app (%s build, StrictMode) whose sign-in is still loading when Thryve sends the user back, the result leaves the address bar at once and reaches both listeners once the user is known',
    async (mode) => {
      const { dir, url } = await viteApp(undefined, mode);
      if (mode === 'development') {
        // React's development build, where StrictMode mounts every effect twice, and our development texts.
        const code = browserJavaScript(join(dir, 'dist-development'));
        expect(code.includes('react-stack-top-frame'), "React's development build").toBe(true);
        expect(code.includes('must be used within <ThryveConnectProvider>'), 'our development texts').toBe(
          true,
        );
      }
      const browserOf = await openAs(url, newAlias('loading'));
      const { page, badge } = browserOf;
      // The app's "who is signed in" call, held on the way back from Thryve until the test lets it go.
      let holding = false;
      let release: () => void = () => {};
      const held = new Promise<void>((arrived) => {
        void page.route('**/api/me', async (route) => {
          if (!holding) return route.continue();
          await new Promise<void>((go) => {
            release = go;
            arrived();
          });
          await route.continue();
        });
      });
      const returns: string[] = [];
      page.on('request', (request) => {
        if (request.isNavigationRequest() && new URL(request.url()).origin === url)
          returns.push(request.url());
      });

      await page.goto(`${url}/devices`);
      const connect = page.getByRole('button', { name: 'Connect Fitbit' });
      await expect.poll(() => connect.isEnabled()).toBe(true);
      await connect.click();
      await page.waitForURL((next) => next.origin === sandbox.url);
      holding = true;
      await page.getByRole('button', { name: 'Allow' }).click();
      await held; // back on /devices, the app does not know its user yet

      // Thryve did send the result in the address...
      expect(new URL(returns.at(-1) ?? '').searchParams.has('token')).toBe(true);
      // ...and it leaves the address bar while the user is still unknown.
      await expect.poll(() => new URL(page.url()).search).toBe('');
      expect(new URL(page.url()).pathname).toBe('/devices');
      expect(await page.locator('#heard li').count()).toBe(0);

      release();
      const heard = async () => (await page.locator('#heard li').allTextContents()).sort();
      await expect.poll(heard).toEqual(['page: connected 1', 'picker: connected 1']);
      await expect.poll(() => badge('Fitbit')).toBe('Connected');
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Fitbit connected.');
      expect(await heard()).toEqual(['page: connected 1', 'picker: connected 1']);
      await browserOf.close([]);
    },
    600_000,
  );
});

describe('before JavaScript: the picker as forms, the proxy as their target', () => {
  /**
   * The Next app's build served once more, against a sandbox on another site (`localhost`, the app on
   * `127.0.0.1`): Thryve's way back is then a cross-site navigation, as in production, and only a
   * SameSite=Lax cookie survives it. The browser's script is not used, so the build is the same.
   */
  let otherSite: Sandbox | undefined;
  const crossSiteApp = () =>
    serve('next-app:cross-site', async () => {
      const { dir } = await nextApp();
      otherSite = await startSandbox({ port: 0, host: 'localhost', credentials: SANDBOX_CREDENTIALS });
      const port = await freePort();
      const app = await startApp('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], dir, port, {
        THRYVE_SANDBOX_URL: otherSite.url,
      });
      running.push(app.child);
      return { dir, url: app.url };
    });
  afterAll(async () => {
    await otherSite?.close();
  });

  it('with JavaScript disabled, Connect Fitbit → consent → Allow comes back connected in the server HTML, the result shown once and the address clean; Disconnect comes back disconnected', async () => {
    const { url } = await crossSiteApp();
    expect(new URL(otherSite?.url ?? '').hostname).toBe('localhost');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const alias = newAlias('no-script');
    await context.addCookies([{ name: 'demo-user', value: alias, url }]);
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const row = page.locator('li.thryve-connect-source', { hasText: 'Fitbit' });
    const badge = () => row.locator('.thryve-connect-badge').textContent();
    const result = page.locator('.thryve-connect-picker__result');

    await page.goto(`${url}/devices`);
    expect(await badge()).toBe('Not connected');
    await page.getByRole('button', { name: 'Connect Fitbit' }).click();
    await page.waitForURL((next) => next.origin === otherSite?.url);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/devices');

    expect(page.url()).toBe(`${url}/devices`);
    expect(await badge()).toBe('Connected');
    expect(await result.textContent()).toBe('Fitbit connected.');
    await page.reload();
    expect(await result.count()).toBe(0);
    expect(await badge()).toBe('Connected');

    await row.getByLabel('Disconnect Fitbit').click();
    await row.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/devices');
    expect(page.url()).toBe(`${url}/devices`);
    expect(await badge()).toBe('Not connected');
    expect(await result.textContent()).toBe('Fitbit disconnected.');
    expect(failed).toEqual([]);
    await context.close();
  }, 600_000);

  it('with JavaScript on, Connect still awaits nothing between click and navigation, and onConnected hears the result', async () => {
    const { url } = await nextApp();
    const browserOf = await openAs(url, newAlias('scripted'));
    const { page, badge } = browserOf;
    const posts: string[] = [];
    page.on('request', (request) => {
      const own = new URL(request.url()).origin === url;
      if (own && request.method() === 'POST' && request.isNavigationRequest()) posts.push(request.url());
    });
    await page.goto(`${url}/devices`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    // The click itself navigates: nothing the page awaits sits between them.
    const requested = page.waitForRequest((request) => request.url().startsWith(sandbox.url), {
      timeout: 5_000,
    });
    await connect.click({ noWaitAfter: true });
    expect((await requested).url()).toContain('dataSourceDirectConnection.html?token=');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/devices');
    await expect.poll(() => page.locator('#heard li').allTextContents()).toContain('picker: connected 1');
    await expect.poll(() => badge('Fitbit')).toBe('Connected');
    // The form was never posted: the hydrated picker took the click.
    expect(posts).toEqual([]);
    await browserOf.close();
  }, 600_000);
});
