import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedSession } from '@thryve-connect/core';
import { MAX_SERVER_SEED_AGE_MS, ThryveConnectionWidget } from '@thryve-connect/react/server';
import { build } from 'esbuild';
import type { ReactElement } from 'react';
import * as React from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetIslandProps } from '../../src/server/WidgetIsland.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here('../../../../');
const origin = 'http://127.0.0.1:4010';
const url = `${origin}/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en`;
const seed = (widgetUrl = url) => seedSession({ url: widgetUrl }, { userKey: 'alice', locale: 'en' });
const island = here('../../../../.test-results/react-server/island.mjs');

/** What the Server Component renders: the island element, whose props cross to the browser. */
async function renderServer(props: Parameters<typeof ThryveConnectionWidget>[0]) {
  const element = (await ThryveConnectionWidget(props)) as ReactElement<WidgetIslandProps> | null;
  if (!element) return { element, props: null, html: '' };
  // Props a Server Component hands to a client component must survive serialization unchanged.
  const wire = JSON.parse(JSON.stringify(element.props)) as WidgetIslandProps;
  expect(wire).toEqual(element.props);
  return { element, props: wire, html: ssr(wire) };
}

/** The island's HTML as a framework's SSR renders it: another Node, the client React, no condition. */
function ssr(props: WidgetIslandProps): string {
  const script = `
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    const { WidgetIsland } = await import(${JSON.stringify(island)});
    process.stdout.write(renderToString(createElement(WidgetIsland, JSON.parse(process.env.PROPS))));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, PROPS: JSON.stringify(props), NODE_ENV: 'production' },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  mkdirSync(here('../../../../.test-results/react-server'), { recursive: true });
  await build({
    entryPoints: [here('../../src/server/WidgetIsland.tsx')],
    outfile: island,
    bundle: true,
    format: 'esm',
    platform: 'node',
    jsx: 'automatic',
    // The refresh code is loaded on a click only; React is the app's.
    external: ['react', 'react-dom', './refreshSession.js'],
    logLevel: 'silent',
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('under the react-server condition', () => {
  it("runs with React's server build, where a client component's hooks do not exist", () => {
    expect((React as Record<string, unknown>).useState).toBeUndefined();
  });
});

describe('given a prefetched session', () => {
  it('renders the iframe with the session URL into the first HTML, ready, with no script needed', async () => {
    const { props, html } = await renderServer({ session: seed(), allowedWidgetOrigins: [origin] });
    expect(props?.frame?.src).toBe(url);
    expect(html).toMatch(
      /<div class="thryve-connect-widget" lang="en" dir="ltr" data-theme="system" data-state="ready"/,
    );
    expect(html).toContain(
      `<iframe src="${url.replaceAll('&', '&amp;')}" title="Connect your health data sources"`,
    );
    expect(html).toContain('sandbox="allow-scripts allow-same-origin');
    expect(html).not.toContain('style='); // a strict style-src 'self' has nothing to block
  });

  it("takes the server package's prefetch result, or a promise of it", async () => {
    const fromResult = await renderServer({
      session: Promise.resolve({ initialSession: seed() }),
      allowedWidgetOrigins: [origin],
    });
    expect(fromResult.props?.frame?.src).toBe(url);
  });

  it('renders at request time: a no-store fetch (static prerendering bails out) and a timer tick (uncached I/O under Cache Components) before it renders', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    vi.useFakeTimers();
    let rendered = false;
    const render = ThryveConnectionWidget({ session: seed(), allowedWidgetOrigins: [origin] }).then(() => {
      rendered = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(rendered).toBe(false);
    expect(fetchSpy).toHaveBeenCalledWith('data:,', { cache: 'no-store' });
    await vi.waitFor(() => vi.getTimerCount() > 0 || rendered);
    expect(rendered).toBe(false);
    await vi.runAllTimersAsync();
    await render;
    expect(rendered).toBe(true);
    fetchSpy.mockRestore();
  });

  it('takes its texts, theme and direction as props', async () => {
    const { html } = await renderServer({
      session: seed(),
      allowedWidgetOrigins: [origin],
      theme: 'dark',
      dir: 'rtl',
      messages: { widgetTitle: 'Your sources' },
    });
    expect(html).toContain('dir="rtl" data-theme="dark"');
    expect(html).toContain('title="Your sources"');
  });
});

describe('given a session the browser must not frame', () => {
  // The development build says on the server's console why a session was not rendered.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it('given a URL off the allowed origins, renders the error panel with a reload link, not the URL', async () => {
    const foreign = 'https://evil.example/?connectionSessionToken=1060285265X4247109939067552841';
    const { props, html } = await renderServer({ session: seed(foreign), allowedWidgetOrigins: [origin] });
    expect(props?.frame).toBeNull();
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-state="error"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('The connection service sent an answer this app cannot use.');
    expect(html).toMatch(/<a href="" class="thryve-connect-button">Try again<\/a>/);
  });

  it('given the default allow-list, refuses a sandbox URL (Thryve’s widget host only)', async () => {
    const { props } = await renderServer({ session: seed() });
    expect(props?.frame).toBeNull();
    expect(props?.problem).toBe('The connection service sent an answer this app cannot use.');
  });

  it('given a seed fetched longer ago than a request takes (a replayed cache), renders the expired panel', async () => {
    const old = { ...seed(), fetchedAt: Date.now() - MAX_SERVER_SEED_AGE_MS - 1_000 };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { props, html } = await renderServer({ session: old, allowedWidgetOrigins: [origin] });
    expect(props?.frame).toBeNull();
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-state="expired"');
    expect(html).toMatch(/<a href="" class="thryve-connect-button">Reload<\/a>/);
    expect(warn.mock.calls[0]?.[0]).toMatch(/use cache/);
    warn.mockRestore();
  });

  it('given a session past its expiresAt, renders the expired panel', async () => {
    const expired = { ...seed(), expiresAt: Date.now() - 1 };
    const { props } = await renderServer({ session: expired, allowedWidgetOrigins: [origin] });
    expect(props?.frame).toBeNull();
    expect(props?.problem).toBeUndefined();
  });

  it('given a prefetch that failed, renders the error panel with its text', async () => {
    const error = Object.assign(new Error('down'), { code: 'network_error' });
    const { html } = await renderServer({ session: Promise.reject(error), allowedWidgetOrigins: [origin] });
    expect(html).toContain('data-state="error"');
    expect(html).toContain('Something went wrong. Try again.');
  });

  it('given nobody signed in, renders nothing', async () => {
    expect((await renderServer({ session: null })).element).toBeNull();
  });
});

describe('without the react-server condition', () => {
  it('the entry throws an error that names the fix', async () => {
    await expect(import('../../src/server/unsupported.js')).rejects.toThrow(
      /React Server Components.*"react-server" export condition.*import \{ ThryveConnectionWidget \} from '@thryve-connect\/react'/,
    );
    const manifest = JSON.parse(readFileSync(here('../../package.json'), 'utf8'));
    expect(manifest.exports['./server']).toEqual({
      types: './dist/server/index.d.ts',
      'react-server': './dist/server/index.js',
      default: './dist/server/unsupported.js',
    });
  });
});
