import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import {
  buildResultUrl,
  buildSession,
  createFakeFetcher,
  type FakeFetcher,
  interceptNavigation,
  simulateThryveRedirect,
} from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The kit as an app's test uses it: through its public entry, with nothing of ours mocked.

function App({ backend, redirectUri }: { backend: FakeFetcher; redirectUri?: string }) {
  return (
    <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher}>
      <DataSourcePicker include={[1, 2, 18]} redirectUri={redirectUri} confirmDisconnect={false} />
    </ThryveConnectProvider>
  );
}

const badge = (name: string) =>
  within(
    screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li') as HTMLElement,
  ).getByText(/^(Connected|Not connected|Status unknown)$/).textContent;

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

describe('createFakeFetcher', () => {
  it('serves sessions the widget accepts and the statuses it was given, recording every call', async () => {
    const backend = createFakeFetcher({
      connected: [1, { dataSource: 18, connectedAt: '2026-01-02T00:00:00Z' }],
    });
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher}>
        <ThryveConnectionWidget />
        <DataSourcePicker include={[1, 2, 18]} />
      </ThryveConnectProvider>,
    );
    await waitFor(() => expect(badge('Fitbit')).toBe('Connected'));
    expect(badge('Garmin')).toBe('Not connected');
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    expect(backend.calls.map((call) => call.route).sort()).toEqual(['connections', 'session']);
  });

  it('fails a route the way the real proxy fetcher would, and heals', async () => {
    const backend = createFakeFetcher({ connected: [1] });
    backend.fail('revoke', 'server_error', { times: 1 });
    render(<App backend={backend} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Fitbit' }));
    expect(await screen.findByText(/not available right now/)).toBeTruthy();
    expect(badge('Fitbit')).toBe('Connected'); // rolled back
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(badge('Fitbit')).toBe('Not connected'));
    expect(backend.connected()).toEqual([]);
  });

  it('holds a route for as long as a test wants a loading state', async () => {
    const backend = createFakeFetcher();
    backend.hang('connections');
    render(<App backend={backend} />);
    await waitFor(() => expect(document.querySelector('section')?.getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
  });

  it('answers without routes when the backend has none', async () => {
    const backend = createFakeFetcher({ routes: false });
    expect(backend.fetcher.getConnections).toBeUndefined();
    render(<App backend={backend} />);
    await waitFor(() => expect(badge('Fitbit')).toBe('Status unknown'));
  });
});

describe('interceptNavigation and simulateThryveRedirect', () => {
  it("play a connect through Thryve's redirect: the app reads the result on its next render", async () => {
    const backend = createFakeFetcher();
    const navigation = interceptNavigation();
    try {
      const redirectUri = `${window.location.origin}/devices?tab=2`;
      render(<App backend={backend} redirectUri={redirectUri} />);
      const connect = await screen.findByRole('button', { name: 'Connect Garmin' });
      await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
      fireEvent.click(connect);
      expect(navigation.urls).toHaveLength(1);
      expect(navigation.urls[0]).toContain('dataSourceDirectConnection.html');
      cleanup();

      const landed = simulateThryveRedirect(navigation.urls[0] as string, { backend });
      expect(new URL(landed).searchParams.get('connected')).toBe('true');
      const onConnected = vi.fn();
      render(
        <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher}>
          <DataSourcePicker include={[1, 2, 18]} redirectUri={redirectUri} onConnected={onConnected} />
        </ThryveConnectProvider>,
      );
      await waitFor(() => expect(onConnected).toHaveBeenCalledWith(2, { name: 'Garmin' }));
      await waitFor(() => expect(badge('Garmin')).toBe('Connected'));
      expect(window.location.search).toBe('?tab=2');
    } finally {
      navigation.restore();
    }
  });

  it('plays a denied connect as a failure, and catches a blocked tab', async () => {
    const backend = createFakeFetcher();
    const navigation = interceptNavigation({ blockPopups: true });
    try {
      render(<App backend={backend} />);
      const connect = await screen.findByRole('button', { name: 'Connect Oura' });
      await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
      fireEvent.click(connect);
      expect(navigation.opened[0]).toContain('dataSource=18');
      // No redirectUri: no way back from Thryve in this window, so only the link to a new tab is offered.
      expect(await screen.findByRole('link', { name: 'Open the Oura connection page' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Continue in this window' })).toBeNull();
    } finally {
      navigation.restore();
    }
    const url = `https://service2.und-gesund.de/dataSourceDirectConnection.html?token=1234X5678&dataSource=18&redirect_uri=${encodeURIComponent(`${window.location.origin}/devices`)}`;
    expect(simulateThryveRedirect(url, { decision: 'deny', backend })).toContain('connected=false');
    expect(backend.connected()).toEqual([]);
  });

  it('refuses a URL that is not a direct URL with a redirect back', () => {
    expect(() =>
      simulateThryveRedirect(
        'https://service2.und-gesund.de/dataSourceDirectConnection.html?token=1234X5678&dataSource=1',
      ),
    ).toThrow(/redirect_uri/);
  });
});

describe('the builders', () => {
  it("build a session in Thryve's format, and the address Thryve sends the user back to", () => {
    const session = buildSession({ locale: 'de', lifetimeMs: 60_000 });
    expect(session.url).toMatch(
      /^https:\/\/connect\.thryve\.de\/\?connectionSessionToken=\d+X\d{19}&platform=web&lang=de$/,
    );
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(
      buildResultUrl({
        redirectUri: 'https://app.example/d?x=1',
        token: 't1234',
        dataSource: 2,
        connected: false,
      }),
    ).toBe('https://app.example/d?x=1&token=t1234&dataSource=2&connected=false');
  });
});
