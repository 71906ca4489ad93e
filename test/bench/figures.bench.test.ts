import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFixtureApp } from '../support/buildFixtureApp.js';
import { buildSsrApp } from '../support/buildSsrApp.js';
import { launchChromium } from '../support/chromium.js';
import { SANDBOX_CREDENTIALS } from '../support/ports.js';
import { startFixtureApp } from '../support/startFixtureApp.js';

// `pnpm bench`: figures, printed and written to .test-results/bench.json. Nothing here asserts a
// time (the machine is shared); the expectations only check that each scenario really ran.

const RUNS = 31;
let sandbox: Sandbox;
let app: { url: string; close(): Promise<void> };
let browser: Browser;
const figures: Record<string, number | string> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, credentials: SANDBOX_CREDENTIALS });
  // The production build: these are the figures users' apps get.
  app = await buildFixtureApp(fileURLToPath(new URL('../e2e/picker-app', import.meta.url)), sandbox.url);
  browser = await launchChromium();
});

afterAll(async () => {
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/bench.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.table(figures);
  await browser?.close();
  await app?.close();
  await sandbox?.close();
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** What the fixture app exposes for the benchmarks. */
type BenchWindow = { __bench?: Record<string, number>; __changeStatus: () => void };

async function figure(page: Page, key: string): Promise<number> {
  await page.waitForFunction(
    (name) => typeof (window as unknown as BenchWindow).__bench?.[name] === 'number',
    key,
    {
      timeout: 20_000,
    },
  );
  return page.evaluate((name) => (window as unknown as BenchWindow).__bench?.[name] as number, key);
}

/**
 * Paired runs: each widget run beside a bare-iframe run on the same machine moment, so drift on a
 * shared machine hits both. Reports the median of the per-pair ratios with a distribution-free 95 %
 * confidence interval (order statistics of the sorted ratios), not two medians side by side.
 */
function pairedRatio(a: number[], b: number[]): { median: number; low: number; high: number } {
  const ratios = a.map((value, index) => value / (b[index] as number)).sort((x, y) => x - y);
  const n = ratios.length;
  const spread = 1.96 * Math.sqrt(n) * 0.5;
  const at = (index: number) => ratios[Math.min(n - 1, Math.max(0, index))] as number;
  return {
    median: at(Math.floor(n / 2)),
    low: at(Math.floor(n / 2 - spread)),
    high: at(Math.ceil(n / 2 + spread) - 1),
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};

it('measures mount to the first painted frame after load, widget against a bare iframe, in paired runs', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Warm-up: the browser's first parse and the sockets are not what a returning user pays.
  for (const mode of ['bench-widget', 'bench-bare']) {
    await page.goto(`${app.url}/?mode=${mode}`);
    await figure(page, 'visibleMs');
  }
  const widget: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternated, and the order flips each pair, so neither always goes first.
    const order =
      run % 2 === 0 ? (['bench-widget', 'bench-bare'] as const) : (['bench-bare', 'bench-widget'] as const);
    for (const mode of order) {
      await page.goto(`${app.url}/?mode=${mode}`);
      (mode === 'bench-widget' ? widget : bare).push(await figure(page, 'visibleMs'));
    }
  }
  await context.close();
  const ratio = pairedRatio(widget, bare);
  figures['widget mount→first painted frame after load, median ms'] = Number(median(widget).toFixed(1));
  figures['bare iframe mount→first painted frame after load, median ms'] = Number(median(bare).toFixed(1));
  figures[`widget / bare iframe, median of ${RUNS} paired ratios [95 % CI] (goal ≤ 1.10)`] =
    `${ratio.median.toFixed(3)} [${ratio.low.toFixed(3)}, ${ratio.high.toFixed(3)}]`;
  expect(widget).toHaveLength(RUNS);
});

it('counts session requests for two widgets under StrictMode, in a development build', async () => {
  // StrictMode mounts twice only in development: a production build would prove nothing.
  const dev = await startFixtureApp(
    fileURLToPath(new URL('../e2e/picker-app', import.meta.url)),
    sandbox.url,
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/thryve/session')) requests += 1;
  });
  await page.goto(`${dev.url}/?mode=bench-two-widgets`);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2, undefined, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  await context.close();
  await dev.close();
  figures['session requests, 2 widgets under StrictMode (development build)'] = requests;
  expect(requests).toBeGreaterThan(0);
});

it('times the click on Connect to the start of the navigation (connect() awaits nothing)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const delays: number[] = [];
  for (let run = 0; run < 21; run++) {
    await page.goto(`${app.url}/?mode=redirect&timing=1`);
    const connect = page.getByRole('button', { name: 'Connect Fitbit', exact: true });
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === 'Connect Fitbit',
      );
      return button !== undefined && !button.disabled;
    });
    await connect.click();
    await page.waitForURL((url) => url.origin === sandbox.url);
    await page.goto(`${app.url}/favicon.ico`);
    delays.push(Number(await page.evaluate(() => sessionStorage.getItem('tc-bench-click'))));
  }
  await context.close();
  figures['click on Connect → navigation start, median / p90 ms'] =
    `${median(delays).toFixed(1)} / ${percentile(delays, 0.9).toFixed(1)}`;
  expect(delays.every((delay) => Number.isFinite(delay))).toBe(true);
});

it('profiles the picker with every catalogue source: first render and one status change', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const first: number[] = [];
  const update: number[] = [];
  const rerendered: number[] = [];
  let sources = 0;
  // Every load is a cold page (new JS heap): the median of 11 says more than one noisy sample.
  for (let run = 0; run < 11; run++) {
    await page.goto(`${app.url}/?mode=bench-picker`);
    sources = await figure(page, 'sources');
    await page.waitForFunction(
      () => document.querySelectorAll('.thryve-connect-badge')[0]?.textContent !== 'Status unknown',
    );
    await page.waitForTimeout(200);
    await page.evaluate(() => (window as unknown as BenchWindow).__changeStatus());
    rerendered.push(await figure(page, 'rowsRerendered'));
    first.push(await figure(page, 'firstRenderMs'));
    update.push(await figure(page, 'updateRenderMs'));
  }
  await context.close();
  figures['picker sources rendered'] = sources;
  figures['picker first render, median of 11 cold loads, ms (one frame = 16.7)'] = Number(
    median(first).toFixed(1),
  );
  figures['picker status change render, median ms'] = Number(median(update).toFixed(1));
  figures['picker rows re-rendered by one status change (max)'] = Math.max(...rerendered);
  expect(sources).toBe(16);
});

/** Counts the app's session requests at the network, from now on. */
function countSessions(page: Page) {
  const counter = { requests: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('/api/thryve/session')) counter.requests += 1;
  });
  return counter;
}

it('counts session requests during 3 expiries with every web source and a widget on screen (goal 3)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page's clock is Playwright's: ten minutes pass in a moment, the network stays real.
  await page.clock.install();
  await page.goto(`${app.url}/?mode=bench-expiry`);
  await page.waitForFunction(() => document.querySelectorAll('.thryve-connect-source').length === 16);
  await page.waitForFunction(
    () => document.querySelector('.thryve-connect-widget')?.getAttribute('data-state') === 'ready',
  );
  const counter = countSessions(page);
  for (let expiry = 0; expiry < 3; expiry++) {
    // Ten minutes: the default age of a session the backend gave no expiry.
    await page.clock.runFor(10 * 60_000);
    await page.waitForTimeout(500); // real time for the request and its answer
  }
  await context.close();
  figures['session requests during 3 expiries, all 16 sources + widget shown (goal 3)'] = counter.requests;
  expect(counter.requests).toBeGreaterThan(0);
});

it('counts session requests during 8 s of sessions that arrive already expired (goal ≤ 4)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counter = countSessions(page);
  await page.goto(`${app.url}/?mode=bench-expiry&sessions=expired`);
  await page.waitForTimeout(8_000);
  const state = await page.locator('.thryve-connect-widget').getAttribute('data-state');
  await context.close();
  figures['session requests in 8 s of sessions arriving expired (goal ≤ 4)'] = counter.requests;
  figures['widget state after them'] = String(state);
  expect(counter.requests).toBeGreaterThan(0);
});

it("times navigation start → the widget frame's request: server-handed, client-fetched, bare iframe in the HTML", async () => {
  const ssr = await buildSsrApp(sandbox.url);
  const context = await browser.newContext();
  const page = await context.newPage();
  let sessionRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/thryve/session') && page.url().endsWith('/ssr')) sessionRequests += 1;
  });
  /** When, after the navigation started, the page asked for the widget's page (its frame's request). */
  const frameRequestAt = async (mode: string) => {
    await page.goto(`${ssr.url}/${mode}`);
    const handle = await page.waitForFunction(
      () =>
        performance
          .getEntriesByType('resource')
          .find((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe')?.startTime,
      undefined,
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as number;
  };
  const times: Record<'bare' | 'ssr' | 'client', number[]> = { bare: [], ssr: [], client: [] };
  for (const mode of ['bare', 'ssr', 'client'] as const) await frameRequestAt(mode); // warm-up
  for (let run = 0; run < 21; run++) {
    const order = (['bare', 'ssr', 'client'] as const)
      .slice(run % 3)
      .concat((['bare', 'ssr', 'client'] as const).slice(0, run % 3));
    for (const mode of order) times[mode].push(await frameRequestAt(mode));
  }
  await context.close();
  await ssr.close();
  const ssrRatio = pairedRatio(times.ssr, times.bare);
  const clientRatio = pairedRatio(times.client, times.bare);
  figures['navigation → frame request, bare iframe in the HTML, median ms'] = Number(
    median(times.bare).toFixed(1),
  );
  figures['… server-handed session (initialSession), / bare [95 % CI]'] =
    `${median(times.ssr).toFixed(1)} ms, ${ssrRatio.median.toFixed(2)} [${ssrRatio.low.toFixed(2)}, ${ssrRatio.high.toFixed(2)}]`;
  figures['… session fetched by the browser, / bare [95 % CI]'] =
    `${median(times.client).toFixed(1)} ms, ${clientRatio.median.toFixed(2)} [${clientRatio.low.toFixed(2)}, ${clientRatio.high.toFixed(2)}]`;
  figures['session requests from the browser on the server-rendered page'] = sessionRequests;
  expect(times.ssr).toHaveLength(21);
});
