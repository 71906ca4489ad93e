import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import {
  createPendingActionStore,
  createProxyFetcher,
  sessionQueryKey,
  type ThryveFetcher,
} from '@thryve-connect/core';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import '../src/styles.css';

// A real app's life in Chromium: the real backend proxy on this test server (/api/thryve →
// @thryve-connect/server), the sandbox on its own origin, one QueryClient for the life of the page,
// users who sign out and in without a reload, sessions that age while every source is on screen.

const sandboxUrl = inject('sandboxUrl');
const hosts = { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl };

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The app's sign-in: the session cookie its backend (the dev proxy) reads. */
function signIn(alias: string | null) {
  // biome-ignore lint/suspicious/noDocumentCookie: the dev proxy's demo session is this cookie.
  document.cookie = `thryve-demo-user=${alias ?? 'nobody'}; path=/${alias === null ? '; max-age=0' : ''}`;
}

/** The proxy fetcher, with every session request counted at the network edge. */
function countingFetcher(tamper?: (payload: { url: string }) => { url: string; expiresAt?: number }) {
  const sessions: string[] = [];
  const proxy = createProxyFetcher({
    url: '/api/thryve/session',
    fetch: (input, init) => {
      if (String(input).endsWith('/session')) sessions.push(document.cookie);
      return fetch(input, init);
    },
  });
  const fetcher: ThryveFetcher = tamper
    ? Object.assign(
        async (request: Parameters<ThryveFetcher>[0]) => tamper((await proxy(request)) as { url: string }),
        {
          getConnections: proxy.getConnections,
          revoke: proxy.revoke,
        },
      )
    : proxy;
  return { fetcher, sessions };
}

function App(props: {
  client: QueryClient;
  fetcher: ThryveFetcher;
  userKey: string | null;
  sessionMaxAgeMs?: number;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={props.client}>
      <ThryveConnectProvider
        userKey={props.userKey}
        fetcher={props.fetcher}
        hosts={hosts}
        allowedWidgetOrigins={[sandboxUrl]}
        sessionMaxAgeMs={props.sessionMaxAgeMs}
      >
        {props.children}
      </ThryveConnectProvider>
    </QueryClientProvider>
  );
}

async function connectInSandbox(alias: string, dataSource: number) {
  await fetch(`${sandboxUrl}/__sandbox/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ alias, dataSource }),
  });
}

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}`;
const frameToken = () =>
  new URL(document.querySelector('iframe')?.src ?? 'http://x/').searchParams.get('connectionSessionToken');
const badge = (name: string) =>
  within(
    screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement,
  ).getByText(/^(Connected|Not connected|Status unknown)$/).textContent;

describe('given users who sign out and in without a reload, in Chromium', () => {
  it("shows B their own widget and statuses and A's token in no commit, and nothing while signed out", async () => {
    const [alice, bob] = [unique('alice'), unique('bob')];
    await connectInSandbox(alice, 1);
    const client = new QueryClient();
    const { fetcher, sessions } = countingFetcher();
    const ui = (userKey: string | null) => (
      <App client={client} fetcher={fetcher} userKey={userKey}>
        <ThryveConnectionWidget />
        <DataSourcePicker include={[1, 2]} />
      </App>
    );
    signIn(alice);
    const view = render(ui(alice));
    await waitFor(() => expect(badge('Fitbit')).toBe('Connected'), { timeout: 15_000 });
    await waitFor(() => expect(frameToken()).not.toBeNull(), { timeout: 15_000 });
    const alicesToken = frameToken() as string;

    // Every state of the document from here on, including attribute values replaced in between.
    const seen: string[] = [];
    const observer = new MutationObserver((records) => {
      if (document.body.innerHTML.includes(alicesToken)) seen.push('document');
      for (const record of records) if (record.oldValue?.includes(alicesToken)) seen.push('attribute');
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
    });

    signIn(bob);
    view.rerender(ui(bob));
    await waitFor(() => expect(badge('Fitbit')).toBe('Not connected'), { timeout: 15_000 });
    await waitFor(() => expect(frameToken()).not.toBeNull(), { timeout: 15_000 });
    expect(frameToken()).not.toBe(alicesToken);

    signIn(null);
    view.rerender(ui(null));
    expect(document.querySelector('iframe')).toBeNull();
    expect(document.querySelector('.thryve-connect-picker')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();

    expect(seen).toEqual([]);
    expect(
      sessions.map((cookie) => (cookie.includes(alice) ? 'alice' : cookie.includes(bob) ? 'bob' : '?')),
    ).toEqual(['alice', 'bob']);
  });

  it("ignores user A's pending action when B comes back with a result, and forgets it", async () => {
    const [alice, bob] = [unique('alice'), unique('bob')];
    const token = '1060285265X4247109939067552841';
    createPendingActionStore().save({ userKey: alice, action: 'connect', dataSource: 1, token });
    const returnTo = window.location.href;
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}?token=${token}&dataSource=1&connected=true`,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const onConnected = vi.fn();
      signIn(bob);
      const { fetcher } = countingFetcher();
      render(
        <App client={new QueryClient()} fetcher={fetcher} userKey={bob}>
          <DataSourcePicker include={[1]} onConnected={onConnected} />
        </App>,
      );
      await waitFor(() => expect(window.location.search).toBe(''));
      expect(onConnected).not.toHaveBeenCalled();
      expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
    } finally {
      warn.mockRestore();
      window.history.replaceState(null, '', returnTo);
    }
  });
});

describe('given sessions that age with every web source on screen, in Chromium', () => {
  it('asks the backend for exactly one session per expiry, and the picker can connect throughout', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const alias = unique('expiry');
    signIn(alias);
    const { fetcher, sessions } = countingFetcher();
    const client = new QueryClient();
    // When the session in the cache last arrived (on the fake clock the app's timers run on).
    const arrivedAt = () => client.getQueryState(sessionQueryKey(alias, 'en'))?.dataUpdatedAt ?? 0;
    render(
      <App client={client} fetcher={fetcher} userKey={alias}>
        <ThryveConnectionWidget />
        <DataSourcePicker />
      </App>,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(16), { timeout: 15_000 });
    await waitFor(() => expect(arrivedAt()).toBeGreaterThan(0), { timeout: 15_000 });
    for (let expiry = 1; expiry <= 3; expiry += 1) {
      const previous = arrivedAt();
      // Ten minutes: the default age of a session the backend gave no expiry.
      await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
      await waitFor(() => expect(arrivedAt()).toBeGreaterThan(previous), { timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sessions).toHaveLength(1 + expiry);
    }
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect Garmin' }).hasAttribute('disabled')).toBe(false),
    );
  });

  it('keeps a loaded widget through its age and swaps in the fresh session on Reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const alias = unique('reload');
    signIn(alias);
    const { fetcher, sessions } = countingFetcher();
    const client = new QueryClient();
    render(
      <App client={client} fetcher={fetcher} userKey={alias}>
        <ThryveConnectionWidget />
      </App>,
    );
    const widget = () => document.querySelector<HTMLElement>('.thryve-connect-widget');
    await waitFor(() => expect(widget()?.dataset.state).toBe('ready'), { timeout: 15_000 });
    const loaded = document.querySelector('iframe');
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    await waitFor(() => expect(sessions).toHaveLength(2), { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // its answer arrives
    await waitFor(() => expect(widget()?.dataset.state).toBe('expired'), { timeout: 15_000 });
    expect(document.querySelector('iframe')).toBe(loaded); // never torn down under the user
    expect(sessions).toHaveLength(2); // the fresh one, fetched in the background
    screen.getByRole('button', { name: 'Reload' }).click();
    await waitFor(() => expect(widget()?.dataset.state).toBe('ready'), { timeout: 15_000 });
    expect(document.querySelector('iframe')).not.toBe(loaded);
    expect(sessions).toHaveLength(2);
  });
});

describe('given a backend whose sessions are unusable on arrival, in Chromium', () => {
  it.each([
    [
      'an expiresAt already past',
      (payload: { url: string }) => ({ ...payload, expiresAt: Date.now() - 1_000 }),
      undefined,
    ],
    ['a session age below the safety margins', undefined, 4_000],
  ])('for %s: four requests with backoff, then an error with Retry', async (_name, tamper, maxAge) => {
    const alias = unique('unusable');
    signIn(alias);
    const { fetcher, sessions } = countingFetcher(tamper);
    render(
      <App client={new QueryClient()} fetcher={fetcher} userKey={alias} sessionMaxAgeMs={maxAge}>
        <ThryveConnectionWidget />
        <DataSourcePicker />
      </App>,
    );
    const widget = () => document.querySelector<HTMLElement>('.thryve-connect-widget');
    await waitFor(() => expect(widget()?.dataset.state).toBe('error'), { timeout: 15_000 });
    expect(sessions).toHaveLength(4);
    expect(within(widget() as HTMLElement).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sessions).toHaveLength(4);
  });
});

describe('given a custom fetcher with a bug, in Chromium', () => {
  it('reports its TypeError once, as a fetcher_error with the original as cause, and never retries it', async () => {
    let calls = 0;
    const fetcher: ThryveFetcher = async () => {
      calls += 1;
      throw new TypeError("Cannot read properties of undefined (reading 'url')");
    };
    const errors: unknown[] = [];
    render(
      <App client={new QueryClient()} fetcher={fetcher} userKey={unique('bug')}>
        <ThryveConnectionWidget onError={(error) => errors.push(error)} />
      </App>,
    );
    await waitFor(() => expect(errors).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(calls).toBe(1);
    expect(errors[0]).toMatchObject({ code: 'fetcher_error', cause: expect.any(TypeError) });
  });
});
