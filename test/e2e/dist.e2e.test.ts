import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

// What users install is dist/, not src/: these read and run the built files. `pnpm test` builds first
// and sets THRYVE_REQUIRE_DIST=1, so there a missing build fails instead of skipping.
const dist = 'packages/react/dist';
const built = existsSync(join(dist, 'index.js'));
if (!built && process.env.THRYVE_REQUIRE_DIST === '1')
  throw new Error('packages/react/dist is missing: run pnpm -r build.');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsFiles(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every built file `entry` reaches through relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(file, '..', specifier as string));
    }
  };
  visit(resolve(entry));
  return seen;
}

describe.skipIf(!built)('the built @thryve-connect/react', () => {
  it('keeps the test kit out of reach of the main entry: no app bundle can include it', () => {
    const fromMain = [...reachable(join(dist, 'index.js'))];
    expect(fromMain.length).toBeGreaterThan(10);
    expect(fromMain.filter((file) => file.includes('/testing/'))).toEqual([]);
    const fromKit = [...reachable(join(dist, 'testing', 'index.js'))];
    expect(fromKit.some((file) => file.endsWith('createFakeFetcher.js'))).toBe(true);
  });

  it('builds no Thryve URL and fetches no Thryve host: the flow lives in core, React only binds it', () => {
    // Everything but the test kit, which plays Thryve's redirect in tests and is never in an app.
    const files = jsFiles(dist).filter((file) => !file.includes('/testing/'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      // No request of its own (refetch() of a query is fine), no direct page, no Thryve host. The server
      // widget's `fetch('data:,', { cache: 'no-store' })` is no request: an empty data: URL, answered
      // without a network, is how it tells Next.js not to prerender the route (its only such call).
      const requests = code.replace('fetch("data:,", { cache: "no-store" })', '');
      expect(requests, file).not.toMatch(/(?<![\w.])fetch\(|XMLHttpRequest|sendBeacon/);
      expect(code, file).not.toMatch(/dataSourceDirect|buildConnectUrl|buildRevokeUrl|redirect_uri/);
      expect(code, file).not.toMatch(/thryve\.de|und-gesund\.de/);
    }
  });

  it('keeps "use client" at the top of every file that uses React hooks or components', () => {
    const files = jsFiles(dist);
    const withHooks = files.filter((file) =>
      /\buse(State|Effect|Context|Ref|Callback|Memo|Query|Mutation|Id|InsertionEffect)\b/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(withHooks.length).toBeGreaterThan(5);
    for (const file of withHooks) {
      expect(readFileSync(file, 'utf8').trimStart().startsWith('"use client"'), file).toBe(true);
    }
  });

  it('server-renders the widget as its container only, with no browser global', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    // Loaded by Node itself, as an installed package is: resolution goes through the package's own links.
    const entry = pathToFileURL(resolve(dist, 'index.js')).href;
    const { ThryveConnectProvider, ThryveConnectionWidget } = await import(/* @vite-ignore */ entry);
    let calls = 0;
    const fetcher = async () => {
      calls += 1;
      return { url: 'https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841' };
    };
    const html = renderToString(
      createElement(
        ThryveConnectProvider,
        { userKey: 'user-a', fetcher },
        createElement(ThryveConnectionWidget),
      ),
    );
    expect(html).toContain('class="thryve-connect-widget"');
    expect(html).toContain('data-state="loading"');
    expect(html).not.toContain('<iframe');
    expect(calls).toBe(0); // no fetch on the server
  });

  it('ships the stylesheet', () => {
    expect(readFileSync(join(dist, 'styles.css'), 'utf8')).toContain('--thryve-accent');
  });
});
