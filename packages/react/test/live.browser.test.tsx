import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createProxyFetcher, type ThryveFetcher } from '@thryve-connect/core';
import axe from 'axe-core';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import '../src/styles.css';

// Real Chromium, the real backend proxy on this test server (/api/thryve → @thryve-connect/server),
// and the sandbox on its own origin: the widget frame is cross-origin, as Thryve's is in production.

const sandboxUrl = inject('sandboxUrl');
const hosts = { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl };

let alias = '';
beforeEach(() => {
  alias = `browser-${Math.random().toString(36).slice(2, 10)}`;
  // biome-ignore lint/suspicious/noDocumentCookie: the dev proxy's demo session is this cookie.
  document.cookie = `thryve-demo-user=${alias}; path=/`;
});
afterEach(() => cleanup());

/** The proxy fetcher, with every session request counted at the network edge. */
function countingFetcher(options: { failFirst?: number; delayMs?: number; revokeUrl?: false } = {}) {
  const requests: string[] = [];
  let failures = options.failFirst ?? 0;
  const fetcher = createProxyFetcher({
    url: '/api/thryve/session',
    revokeUrl: options.revokeUrl,
    fetch: async (input, init) => {
      const url = String(input);
      if (url.endsWith('/session')) requests.push(url);
      if (url.endsWith('/session') && failures > 0) {
        failures -= 1;
        return new Response(JSON.stringify({ error: { code: 'server_error', message: 'Injected 500' } }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return fetch(input, init);
    },
  });
  return { fetcher, requests };
}

function Providers(props: { fetcher: ThryveFetcher; client?: QueryClient; children: ReactNode }) {
  return (
    <ThryveConnectProvider
      userKey={alias}
      fetcher={props.fetcher}
      hosts={hosts}
      allowedWidgetOrigins={[sandboxUrl]}
      queryClient={props.client ?? new QueryClient()}
    >
      {props.children}
    </ThryveConnectProvider>
  );
}

async function expectNoAxeViolations(element: Element) {
  const result = await axe.run(element);
  expect(result.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const widgetState = () => document.querySelector<HTMLElement>('.thryve-connect-widget')?.dataset.state;

async function sandboxState(): Promise<{
  users: Array<{ alias: string | null; connectedSources: Array<{ dataSource: number }> }>;
}> {
  const response = await fetch(`${sandboxUrl}/__sandbox/state`);
  return response.json();
}

describe('ThryveConnectionWidget in Chromium against the sandbox', () => {
  it('loads the sandbox widget in a cross-origin frame, with no axe violations', async () => {
    const { fetcher } = countingFetcher();
    const { container } = render(
      <Providers fetcher={fetcher}>
        <ThryveConnectionWidget />
      </Providers>,
    );
    await waitFor(() => expect(widgetState()).toBe('ready'), { timeout: 15_000 });
    const frame = container.querySelector('iframe') as HTMLIFrameElement;
    expect(new URL(frame.src).origin).toBe(sandboxUrl);
    expect(new URL(frame.src).origin).not.toBe(window.location.origin);
    expect(frame.contentDocument).toBeNull(); // cross-origin: the host page cannot read it
    expect(frame.getBoundingClientRect().height).toBeGreaterThanOrEqual(560);
    await expectNoAxeViolations(container);
  });

  it('asks the backend once for two widgets under StrictMode', async () => {
    const { fetcher, requests } = countingFetcher();
    render(
      <StrictMode>
        <Providers fetcher={fetcher}>
          <ThryveConnectionWidget />
          <ThryveConnectionWidget />
        </Providers>
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(2), { timeout: 15_000 });
    expect(requests).toHaveLength(1);
  });

  it('makes no new request when a widget remounts before its session is stale', async () => {
    const { fetcher, requests } = countingFetcher();
    const client = new QueryClient();
    const first = render(
      <Providers fetcher={fetcher} client={client}>
        <ThryveConnectionWidget />
      </Providers>,
    );
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull(), { timeout: 15_000 });
    first.unmount();
    render(
      <Providers fetcher={fetcher} client={client}>
        <ThryveConnectionWidget />
      </Providers>,
    );
    expect(document.querySelector('iframe')).not.toBeNull(); // at once, from the cache
    expect(requests).toHaveLength(1);
  });

  it('retries a 500 from the backend and then shows the widget', async () => {
    const { fetcher, requests } = countingFetcher({ failFirst: 1 });
    render(
      <Providers fetcher={fetcher}>
        <ThryveConnectionWidget />
      </Providers>,
    );
    await waitFor(() => expect(widgetState()).toBe('ready'), { timeout: 15_000 });
    expect(requests).toHaveLength(2);
  });

  it('aborts the request when unmounted mid-fetch, without an error', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const { fetcher, requests } = countingFetcher({ delayMs: 300 });
      const widgetErrors: unknown[] = [];
      const view = render(
        <Providers fetcher={fetcher}>
          <ThryveConnectionWidget onError={(error) => widgetErrors.push(error)} />
        </Providers>,
      );
      await waitFor(() => expect(requests).toHaveLength(1));
      view.unmount();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(errors).toEqual([]);
      expect(widgetErrors).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });
});

describe('ThryveConnectionWidget safety and stability in Chromium', () => {
  it('renders the error state and never an iframe for a javascript: URL from the backend', async () => {
    const fetcher: ThryveFetcher = async () => ({
      url: 'javascript:alert(1)//?connectionSessionToken=1060285265X42',
    });
    const { container } = render(
      <Providers fetcher={fetcher}>
        <ThryveConnectionWidget />
      </Providers>,
    );
    await waitFor(() => expect(widgetState()).toBe('error'));
    expect(container.querySelector('iframe')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('keeps the same loaded frame when the host passes a new onLoad', async () => {
    const { fetcher } = countingFetcher();
    const client = new QueryClient();
    const loads: string[] = [];
    const view = render(
      <Providers fetcher={fetcher} client={client}>
        <ThryveConnectionWidget onLoad={() => loads.push('first')} />
      </Providers>,
    );
    await waitFor(() => expect(widgetState()).toBe('ready'), { timeout: 15_000 });
    const frame = document.querySelector('iframe');
    view.rerender(
      <Providers fetcher={fetcher} client={client}>
        <ThryveConnectionWidget onLoad={() => loads.push('second')} />
      </Providers>,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(document.querySelector('iframe')).toBe(frame);
    expect(loads).toEqual(['first']); // no second load: the frame was not reloaded
  });
});

describe('DataSourcePicker in Chromium against the sandbox', () => {
  it('shows the live statuses with no axe violations', async () => {
    await fetch(`${sandboxUrl}/__sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alias, dataSource: 1 }),
    });
    const { fetcher } = countingFetcher();
    const { container } = render(
      <Providers fetcher={fetcher}>
        <DataSourcePicker include={[1, 2, 18]} />
      </Providers>,
    );
    expect(
      await screen.findByRole('button', { name: 'Disconnect Fitbit' }, { timeout: 15_000 }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect Garmin' }).hasAttribute('disabled')).toBe(false),
    );
    await expectNoAxeViolations(container);
  });

  it('revokes with a credential-less background GET when the backend has no revoke route', async () => {
    await fetch(`${sandboxUrl}/__sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alias, dataSource: 18 }),
    });
    const { fetcher } = countingFetcher({ revokeUrl: false });
    expect(fetcher.revoke).toBeUndefined();
    render(
      <Providers fetcher={fetcher}>
        <DataSourcePicker include={[18]} confirmDisconnect={false} />
      </Providers>,
    );
    const disconnect = await screen.findByRole('button', { name: 'Disconnect Oura' }, { timeout: 15_000 });
    await waitFor(() => expect(disconnect.hasAttribute('disabled')).toBe(false));
    disconnect.click();
    await waitFor(async () => {
      const state = await sandboxState();
      const user = state.users.find((candidate) => candidate.alias === alias);
      expect(user?.connectedSources.map((source) => source.dataSource)).toEqual([]);
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect Oura' })).toBeTruthy());
  });
});

describe('DataSourcePicker with the keyboard only', () => {
  it('reaches Disconnect with Tab, asks, backs out with Escape, then disconnects with Enter', async () => {
    await fetch(`${sandboxUrl}/__sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alias, dataSource: 1 }),
    });
    const { fetcher } = countingFetcher();
    render(
      <Providers fetcher={fetcher}>
        <button type="button">before</button>
        <DataSourcePicker include={[1, 2]} />
      </Providers>,
    );
    // Settled: statuses loaded (an `unknown` row shows Connect too) and the session ready.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Connect Fitbit' })).toBeNull(), {
      timeout: 15_000,
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect Garmin' }).hasAttribute('disabled')).toBe(false),
    );
    const disconnect = screen.getByRole('button', { name: 'Disconnect Fitbit' });
    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(disconnect); // the first control of the list, in reading order
    await userEvent.keyboard('{Enter}');
    // The question is a lazy chunk: focus moves to its Cancel once it has loaded.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disconnect Fitbit' })),
    );
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}'); // Cancel is focused; the confirm button is before it
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Fitbit disconnected.'), {
      timeout: 15_000,
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect Fitbit' })).toBeTruthy());
  });
});
