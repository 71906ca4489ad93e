import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCodeBlocks } from '../../scripts/docs/extractCodeBlocks.mjs';
import { launchChromium } from '../support/chromium.js';
import { SANDBOX_CREDENTIALS } from '../support/ports.js';

// The Next.js guide, as a newcomer follows it: the app `create-next-app@16` makes with its default
// answers (from the registry, unchanged), the guide's files written into it verbatim, our packed
// packages installed, `next build` and `next start`, and both journeys in Chromium against the sandbox.

const GUIDE = resolve('stories/guides/NextJs.mdx');
const work = mkdtempSync(join(tmpdir(), 'thryve-guide-next-'));
const app = join(work, 'my-app');
/** Why the registry could not be used, when it could not. */
let unreachable: string | undefined;
let sandbox: Sandbox;
let fonts: Server;
let browser: Browser;
let server: ChildProcess | undefined;
let url = '';
/** The app's environment: this run's sandbox on both sides, and the fonts stand-in. */
let appEnv: Record<string, string> = {};
const timings: Record<string, number> = {};

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-4000)}`);
  return output;
}

/** As {@link sh}, without blocking this process: the font server below answers the build meanwhile. */
function shAsync(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<string> {
  const child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((done, fail) =>
    child.on('close', (status) =>
      status === 0
        ? done(output)
        : fail(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-4000)}`)),
    ),
  );
}

async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round((Date.now() - started) / 100) / 10;
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/**
 * The generated layout loads its fonts from Google at build time, and this machine reaches only the
 * npm registry. Next's own switch for that (NEXT_FONT_GOOGLE_MOCKED_RESPONSES) answers the CSS, and a
 * local server the font file: the generated files stay as they are.
 */
async function mockGoogleFonts(): Promise<Record<string, string>> {
  fonts = createHttpServer((_request, response) => response.end(Buffer.alloc(64)));
  await new Promise<void>((done) => fonts.listen(0, '127.0.0.1', done));
  const { port } = fonts.address() as { port: number };
  const css = (family: string) =>
    `@font-face { font-family: '${family}'; font-style: normal; font-weight: 100 900; font-display: swap; src: url(http://127.0.0.1:${port}/font.woff2) format('woff2'); }\n`;
  const families = [
    ...readFileSync(join(app, 'app/layout.tsx'), 'utf8').matchAll(/(\w+)\(\{\s*variable:/g),
  ].map((match) => (match[1] ?? '').replaceAll('_', ' '));
  const answers = Object.fromEntries(
    families.map((family) => [
      `https://fonts.googleapis.com/css2?family=${family.replaceAll(' ', '+')}:wght@100..900&display=swap`,
      css(family),
    ]),
  );
  const file = join(work, 'google-fonts.cjs');
  writeFileSync(file, `module.exports = ${JSON.stringify(answers)};\n`);
  return { NEXT_FONT_GOOGLE_MOCKED_RESPONSES: file };
}

/** Every block of the guide that names a file, written there as it is. */
function writeGuideFiles(): string[] {
  const written: string[] = [];
  for (const block of extractCodeBlocks(readFileSync(GUIDE, 'utf8'))) {
    const file = block.attributes.get('file');
    if (!file) continue;
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), block.code);
    written.push(file);
  }
  return written;
}

function registryUnreachable(): string | undefined {
  const result = spawnSync('npm', ['view', 'create-next-app@16', 'version', '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return result.status === 0 ? undefined : `${result.stdout}${result.stderr}`.trim().slice(-500);
}

beforeAll(async () => {
  unreachable = registryUnreachable();
  if (unreachable) return;
  for (const name of ['core', 'react', 'server', 'sandbox'])
    readFileSync(resolve(`packages/${name}/dist/index.js`));
  sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS });
  await timed('create-next-app', () =>
    sh(
      'npx',
      ['--yes', 'create-next-app@16', 'my-app', '--yes', '--use-npm', '--disable-git', '--skip-install'],
      work,
    ),
  );
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const tarballs = ['core', 'react', 'server', 'sandbox'].map((name) => {
    sh('pnpm', ['pack', '--pack-destination', packs], resolve(`packages/${name}`));
    const tarball = readdirSync(packs).find((file) => file.startsWith(`thryve-connect-${name}-`));
    if (!tarball) throw new Error(`no tarball for ${name}`);
    return join(packs, tarball);
  });
  // The guide's install line, with the packed packages in place of the registry's.
  await timed('npm install', () => {
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
    sh(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...tarballs.slice(0, 3),
        '@tanstack/react-query',
      ],
      app,
    );
    sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-dev', tarballs[3] ?? ''],
      app,
    );
  });
  expect(writeGuideFiles()).toEqual([
    '.env.local',
    'lib/auth.ts',
    'lib/thryve.ts',
    'app/api/thryve/[...path]/route.ts',
    'app/ThryveProvider.tsx',
    'app/devices/page.tsx',
    'app/sources/page.tsx',
    'app/widget/page.tsx',
  ]);
  // The sandbox of this run, not the guide's port 4010: the environment wins over .env.local in Next.
  const hosts = { THRYVE_HOST: sandbox.url, NEXT_PUBLIC_THRYVE_HOST: sandbox.url };
  appEnv = { ...hosts, ...(await mockGoogleFonts()) };
  const build = await timed('next build', async () =>
    shAsync('node', ['node_modules/next/dist/bin/next', 'build'], app, { ...appEnv, NODE_ENV: 'production' }),
  );
  expect(build).toContain('Cache Components enabled'); // create-next-app's config, unchanged
  // Next adds one hint of its own when `CI` is set (as on our CI machine): about the CI's build cache,
  // not the app. Every other warning line fails.
  expect(
    build.split('\n').filter((line) => /⚠|warn/i.test(line) && !line.includes('No build cache found')),
  ).toEqual([]);
  const port = await freePort();
  server = spawn(
    'node',
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: app,
      env: { ...process.env, ...hosts, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  url = `http://127.0.0.1:${port}`;
  await timed('next start', async () => {
    for (let attempt = 0; attempt < 120; attempt++) {
      if (
        await fetch(url).then(
          (response) => response.status < 500,
          () => false,
        )
      )
        return;
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error(`next start did not answer:\n${output.slice(-2000)}`);
  });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  server?.kill();
  await browser?.close();
  await sandbox?.close();
  await new Promise((done) => (fonts ? fonts.close(done) : done(undefined)));
  rmSync(work, { recursive: true, force: true });
  console.info(`Next.js guide test, seconds per step: ${JSON.stringify(timings)}`);
});

/** A signed-in browser that fails on any console error or warning, page error or failed request. */
async function signedIn(alias: string, options: { javaScriptEnabled?: boolean; base?: string } = {}) {
  const { base = url, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  await context.addCookies([{ name: 'demo-user', value: alias, url: base }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning' || /hydrat/i.test(message.text()))
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

const frameLoads = (page: Page) =>
  page.evaluate(
    (origin) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(`${origin}/?connectionSessionToken=`)).length,
    sandbox.url,
  );

describe('the Next.js guide, on the app create-next-app@16 makes', () => {
  it('is run from the registry, or says why not', (context) => {
    if (unreachable) {
      console.warn(
        `SKIPPED: the npm registry is unreachable, so create-next-app@16 cannot run:\n${unreachable}`,
      );
      context.skip();
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the widget in the first HTML, and its frame loads once, with no console message', async (context) => {
    if (unreachable) context.skip();
    const html = await (
      await fetch(`${url}/devices`, { headers: { cookie: 'demo-user=guide-widget' } })
    ).text();
    expect(html).toMatch(
      new RegExp(`<iframe[^>]*src="${sandbox.url.replaceAll('.', '\\.')}/\\?connectionSessionToken=`),
    );
    expect(html).not.toContain('<template'); // no streaming boundary for Next to move the frame out of

    const { page, problems, close } = await signedIn('guide-widget');
    const frames: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${sandbox.url}/?connectionSessionToken=`)) frames.push(request.url());
    });
    await page.goto(`${url}/devices`);
    await expect.poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state')).toBe('ready');
    await page.waitForTimeout(1_000);
    expect(frames).toHaveLength(1);
    expect(await frameLoads(page)).toBe(1);
    await close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('connects and disconnects a source on the picker page, coming back to its path', async (context) => {
    if (unreachable) context.skip();
    const { page, problems, close } = await signedIn('guide-picker');
    await page.goto(`${url}/sources`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    await page.waitForURL((next) => next.origin === sandbox.url);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/sources');
    await expect.poll(() => page.getByRole('button', { name: 'Disconnect Fitbit' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Fitbit connected.');
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.getByRole('button', { name: 'Disconnect Fitbit' }).click();
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Connect Fitbit' }).count()).toBe(1);
    await close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows no warning in next dev either: not in its output, not in the browser', async (context) => {
    if (unreachable) context.skip();
    const port = await freePort();
    const dev = spawn(
      'node',
      ['node_modules/next/dist/bin/next', 'dev', '-p', String(port), '-H', '127.0.0.1'],
      // NODE_ENV as `next dev` sets it: under Vitest's `test`, Next would skip the guide's .env.local.
      {
        cwd: app,
        env: { ...process.env, ...appEnv, NODE_ENV: 'development', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: 'pipe',
      },
    );
    let output = '';
    dev.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    dev.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const devUrl = `http://127.0.0.1:${port}`;
    try {
      await timed('next dev', async () => {
        for (let attempt = 0; attempt < 240; attempt++) {
          if (
            await fetch(devUrl).then(
              (response) => response.status < 500,
              () => false,
            )
          )
            return;
          await new Promise((done) => setTimeout(done, 250));
        }
        throw new Error(`next dev did not answer:\n${output.slice(-2000)}`);
      });
      const { page, problems, close } = await signedIn('guide-dev', { base: devUrl });
      await page.goto(`${devUrl}/devices`);
      await expect
        .poll(() => page.locator('.thryve-connect-widget').getAttribute('data-state'), { timeout: 60_000 })
        .toBe('ready');
      await page.goto(`${devUrl}/sources`);
      const connect = page.getByRole('button', { name: 'Connect Fitbit' });
      await expect.poll(() => connect.isEnabled(), { timeout: 60_000 }).toBe(true);
      await close();
      expect(problems).toEqual([]);
      expect(output.split('\n').filter((line) => /⚠|warn|error/i.test(line))).toEqual([]);
    } finally {
      dev.kill();
    }
  }, 300_000);
  it('connects and disconnects with JavaScript off, the page reading its result on the server', async (context) => {
    if (unreachable) context.skip();
    const { page, problems, close } = await signedIn('guide-no-script', { javaScriptEnabled: false });
    const row = page.locator('li.thryve-connect-source', { hasText: 'Fitbit' });
    const result = page.locator('.thryve-connect-picker__result');
    await page.goto(`${url}/sources`);
    await page.getByRole('button', { name: 'Connect Fitbit' }).click();
    await page.waitForURL((next) => next.origin === sandbox.url);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/sources');
    expect(page.url()).toBe(`${url}/sources`);
    expect(await result.textContent()).toBe('Fitbit connected.');
    expect(await row.locator('.thryve-connect-badge').textContent()).toBe('Connected');

    await row.getByLabel('Disconnect Fitbit').click();
    await row.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.waitForURL((next) => next.origin === url && next.pathname === '/sources');
    expect(await result.textContent()).toBe('Fitbit disconnected.');
    expect(await row.locator('.thryve-connect-badge').textContent()).toBe('Not connected');
    await close();
    expect(problems).toEqual([]);
  }, 120_000);
});
