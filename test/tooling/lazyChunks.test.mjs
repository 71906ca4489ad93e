import { describe, expect, it } from 'vitest';
import { APP_BUILD, splitOf } from '../../scripts/lazy-chunks.mjs';

// What the first paint loads, bundled from the sources as an app's production build would: the parts
// that load on first use (dynamic `import()`) must not be in it, or the budgets measure a promise.
const split = (contents) =>
  splitOf({ ...APP_BUILD, stdin: { contents, resolveDir: 'packages/react', loader: 'js' } });
const names = (paths) =>
  [...paths].map((path) =>
    path.replace(/^.*packages\/react\/(src|dist)\//, '').replace(/^.*packages\/core\/(src|dist)\//, 'core/'),
  );

describe('the quick start (provider, widget, createProxyFetcher)', () => {
  it("leaves the privacy notice, the rarer error texts, the server-frame check and the proxy fetcher's error reader out of the initial chunk", async () => {
    const { initial, targets } = await split(
      "export { ThryveConnectProvider, ThryveConnectionWidget } from '@thryve-connect/react'; export { createProxyFetcher } from '@thryve-connect/core';",
    );
    const first = names(initial);
    expect(first).toContain('ThryveConnectionWidget.tsx');
    for (const lazy of [
      'lazy/WidgetConsent.tsx',
      'internal/ConsentNotice.tsx',
      'widgetMessages.ts',
      'lazy/watchServerFrame.ts',
      'core/internal/errorAnswer.ts',
    ])
      expect(first).not.toContain(lazy);
    expect(names(targets).sort()).toEqual([
      // The proxy fetcher's reader of an error answer (core).
      'core/internal/errorAnswer.ts',
      'lazy/WidgetConsent.tsx',
      'lazy/watchServerFrame.ts',
      'widgetMessages.ts',
    ]);
  });
});

describe('the whole react package', () => {
  it("leaves the picker's question, search, dates and blocked-window fallback out of the initial chunk", async () => {
    const { initial, targets } = await split("export * from '@thryve-connect/react';");
    const first = names(initial);
    const lazy = [
      'lazy/ConfirmDisconnect.tsx',
      'lazy/PickerSearch.tsx',
      'lazy/ConnectedSince.tsx',
      'lazy/PopupFallback.tsx',
      'internal/searchKey.ts',
      'internal/formatPlural.ts',
      'internal/formatConnectedAt.ts',
    ];
    for (const module of lazy) expect(first).not.toContain(module);
    expect(names(targets)).toEqual(
      expect.arrayContaining(lazy.filter((module) => module.startsWith('lazy/'))),
    );
  });
});
