import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  type ConnectedSource,
  createPendingActionStore,
  type ThryveConnectError,
  type ThryveFetcher,
} from '@thryve-connect/core';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import { WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';

// A host app as it lives: one QueryClient for the life of the page, a module-level fetcher, and a
// backend that answers for whoever its cookie says is signed in.

interface Backend {
  fetcher: ThryveFetcher;
  /** Who each session request was answered for. */
  sessionsFor: string[];
  /** The tokens handed out, by user. */
  tokens: Map<string, string[]>;
  signIn(user: string | null): void;
}

function hostBackend(
  connected: Record<string, ConnectedSource[]>,
  answer: (user: string) => { expiresAt?: number } = () => ({}),
): Backend {
  let cookie: string | null = null;
  const sessionsFor: string[] = [];
  const tokens = new Map<string, string[]>();
  const fetcher: ThryveFetcher = async ({ locale }) => {
    if (cookie === null) throw new Error('no cookie');
    sessionsFor.push(cookie);
    const url = widgetUrl(locale);
    const token = new URL(url).searchParams.get('connectionSessionToken') ?? '';
    tokens.set(cookie, [...(tokens.get(cookie) ?? []), token]);
    return { url, ...answer(cookie) };
  };
  fetcher.getConnections = async () => (cookie === null ? [] : (connected[cookie] ?? []));
  fetcher.revoke = async () => {};
  return {
    fetcher,
    sessionsFor,
    tokens,
    signIn(user) {
      cookie = user;
    },
  };
}

function App(props: {
  client: QueryClient;
  backend: Backend;
  userKey: string | null;
  children: ReactNode;
  sessionMaxAgeMs?: number;
}) {
  return (
    <QueryClientProvider client={props.client}>
      <ThryveConnectProvider
        userKey={props.userKey}
        fetcher={props.backend.fetcher}
        allowedWidgetOrigins={[WIDGET_ORIGIN]}
        sessionMaxAgeMs={props.sessionMaxAgeMs}
      >
        {props.children}
      </ThryveConnectProvider>
    </QueryClientProvider>
  );
}

/** Records every state of the document after each batch of DOM mutations, old attribute values included. */
function watchDocument(secret: () => string[]) {
  const seen: string[] = [];
  const check = (text: string | null | undefined) => {
    for (const value of secret()) if (value && text?.includes(value)) seen.push(value);
  };
  const observer = new MutationObserver((records) => {
    check(document.body.innerHTML);
    for (const record of records) check(record.oldValue);
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    characterData: true,
    characterDataOldValue: true,
  });
  return { seen, stop: () => observer.disconnect() };
}

const fitbitBadge = () =>
  within(
    screen.getByText('Fitbit', { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement,
  ).getByText(/^(Connected|Not connected|Status unknown)$/).textContent;

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('given users who sign out and in without a reload', () => {
  it("asks B's backend and never shows A's token or statuses, not even for one commit", async () => {
    const client = new QueryClient();
    const backend = hostBackend({ alice: [{ dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' }] });
    backend.signIn('alice');
    const ui = (userKey: string | null) => (
      <App client={client} backend={backend} userKey={userKey}>
        <ThryveConnectionWidget />
        <DataSourcePicker include={[1, 2]} />
      </App>
    );
    const view = render(ui('alice'));
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    await waitFor(() => expect(fitbitBadge()).toBe('Connected'));
    const aliceTokens = backend.tokens.get('alice') ?? [];
    expect(document.querySelector('iframe')?.src).toContain(aliceTokens[0]);

    const watch = watchDocument(() => backend.tokens.get('alice') ?? []);
    backend.signIn('bob');
    view.rerender(ui('bob'));
    await waitFor(() =>
      expect(document.querySelector('iframe')?.src).toContain(backend.tokens.get('bob')?.[0]),
    );
    await waitFor(() => expect(fitbitBadge()).toBe('Not connected'));
    watch.stop();

    expect(watch.seen).toEqual([]); // A's token in no state of the document after the switch
    expect(backend.sessionsFor).toEqual(['alice', 'bob']);
    // Nothing of A's is left in the host's QueryClient.
    expect(client.getQueryCache().findAll({ queryKey: ['thryve-connect', 'alice'] })).toEqual([]);
  });

  it('fetches and renders nothing that needs a session while signed out, and drops what A left', async () => {
    const client = new QueryClient();
    const backend = hostBackend({ alice: [{ dataSource: 1, connectedAt: null }] });
    backend.signIn('alice');
    const ui = (userKey: string | null) => (
      <App client={client} backend={backend} userKey={userKey}>
        <ThryveConnectionWidget />
        <DataSourcePicker />
      </App>
    );
    const view = render(ui('alice'));
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());

    backend.signIn(null);
    view.rerender(ui(null));
    expect(document.querySelector('iframe')).toBeNull();
    expect(document.querySelector('.thryve-connect-widget')).toBeNull();
    expect(document.querySelector('.thryve-connect-picker')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.sessionsFor).toEqual(['alice']);
    expect(client.getQueryCache().findAll({ queryKey: ['thryve-connect', 'alice'] })).toEqual([]);
  });

  it('asks nobody when the page starts signed out', async () => {
    const backend = hostBackend({});
    render(
      <App client={new QueryClient()} backend={backend} userKey={null}>
        <ThryveConnectionWidget />
        <DataSourcePicker />
      </App>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.sessionsFor).toEqual([]);
    expect(document.body.textContent).toBe('');
  });

  it("ignores user A's pending action under user B, and forgets it", async () => {
    const token = '1060285265X4247109939067552841';
    createPendingActionStore().save({ userKey: 'alice', action: 'connect', dataSource: 1, token });
    window.history.replaceState(null, '', `/devices?token=${token}&dataSource=1&connected=true`);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onConnected = vi.fn();
    const backend = hostBackend({});
    backend.signIn('bob');
    render(
      <App client={new QueryClient()} backend={backend} userKey="bob">
        <DataSourcePicker include={[1]} onConnected={onConnected} />
      </App>,
    );
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(onConnected).not.toHaveBeenCalled();
    expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
    // Not even A can have it back later.
    expect(createPendingActionStore().peek('alice')).toBeNull();
  });
});

describe('given a session that expires while every web source is on screen', () => {
  it('fetches exactly one fresh session per expiry, however many rows and widgets watch it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const backend = hostBackend({}, () => ({ expiresAt: Date.now() + 60_000 }));
    backend.signIn('alice');
    render(
      <App client={new QueryClient()} backend={backend} userKey="alice">
        <ThryveConnectionWidget />
        <ThryveConnectionWidget />
        <DataSourcePicker />
      </App>,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(16));
    await waitFor(() => expect(backend.sessionsFor).toHaveLength(1));
    for (let expiry = 1; expiry <= 3; expiry += 1) {
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(backend.sessionsFor).toHaveLength(1 + expiry);
    }
    // Connect stayed usable throughout: the fresh session arrives before the old one is retired.
    expect((screen.getByRole('button', { name: 'Connect Fitbit' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe('given a backend whose sessions are unusable on arrival', () => {
  it.each([
    [
      'an expiresAt already past',
      { answer: () => ({ expiresAt: Date.now() - 1_000 }), sessionMaxAgeMs: undefined },
    ],
    [
      'an expiresAt in seconds, read as 1970',
      { answer: () => ({ expiresAt: Math.floor(Date.now() / 1000) }), sessionMaxAgeMs: undefined },
    ],
    ['a session age below the safety margins', { answer: () => ({}), sessionMaxAgeMs: 4_000 }],
  ])(
    'for %s: a handful of requests with backoff, then an error with Retry, never a loop',
    async (_name, setup) => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      const backend = hostBackend({}, setup.answer);
      backend.signIn('alice');
      const onError = vi.fn();
      render(
        <App
          client={new QueryClient()}
          backend={backend}
          userKey="alice"
          sessionMaxAgeMs={setup.sessionMaxAgeMs}
        >
          <ThryveConnectionWidget onError={onError} />
          <DataSourcePicker />
        </App>,
      );
      await act(() => vi.advanceTimersByTimeAsync(8_000));
      expect(backend.sessionsFor).toHaveLength(4); // the first try and 3 retries (0.5 s, 1 s, 2 s)
      expect(document.querySelector('.thryve-connect-widget')?.getAttribute('data-state')).toBe('error');
      expect((onError.mock.calls[0]?.[0] as ThryveConnectError | undefined)?.code).toBe('session_expired');
      await act(() => vi.advanceTimersByTimeAsync(120_000));
      expect(backend.sessionsFor).toHaveLength(4);

      // Retry is the way out: one more round, still bounded.
      fireEvent.click(
        within(document.querySelector('.thryve-connect-widget') as HTMLElement).getByRole('button', {
          name: 'Try again',
        }),
      );
      await act(() => vi.advanceTimersByTimeAsync(8_000));
      expect(backend.sessionsFor).toHaveLength(8);
    },
  );
});

describe('given a picker unmounted in the middle of a flow', () => {
  it('finishes a background disconnect without errors, and the next screen shows it', async () => {
    const errors = vi.spyOn(console, 'error');
    const client = new QueryClient();
    let connected: ConnectedSource[] = [{ dataSource: 1, connectedAt: null }];
    let finish: () => void = () => {};
    const backend = hostBackend({});
    backend.signIn('alice');
    backend.fetcher.getConnections = async () => connected;
    backend.fetcher.revoke = () =>
      new Promise<void>((resolve) => {
        finish = () => {
          connected = [];
          resolve();
        };
      });
    const view = render(
      <App client={client} backend={backend} userKey="alice">
        <DataSourcePicker include={[1]} confirmDisconnect={false} />
      </App>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Fitbit' }));
    view.unmount();
    await act(async () => finish());
    render(
      <App client={client} backend={backend} userKey="alice">
        <DataSourcePicker include={[1]} />
      </App>,
    );
    await waitFor(() => expect(fitbitBadge()).toBe('Not connected'));
    expect(errors).not.toHaveBeenCalled();
  });
});
