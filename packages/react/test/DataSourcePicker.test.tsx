import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  type ConnectedSource,
  createPendingActionStore,
  ThryveConnectError,
  type ThryveFetcher,
} from '@thryve-connect/core';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker } from '../src/index.js';
import { de } from '../src/messages/de.js';
import { widgetUrl } from './support/fakeFetcher.js';
import { renderWithProvider, USER } from './support/renderWithProvider.js';

const DIRECT = 'https://service2.und-gesund.de';

/** Stands in for the host's backend (the jsdom edge); the browser and e2e tests use the real one. */
function backend(
  initial: ConnectedSource[] = [],
  options: { revokeFails?: boolean; withRoutes?: boolean } = {},
) {
  let connected = [...initial];
  const tokens: string[] = [];
  const fetcher = (async ({ locale }) => {
    const url = widgetUrl(locale);
    tokens.push(new URL(url).searchParams.get('connectionSessionToken') ?? '');
    return { url };
  }) as ThryveFetcher;
  if (options.withRoutes !== false) {
    fetcher.getConnections = async () => connected;
    fetcher.revoke = async ({ dataSource }) => {
      if (options.revokeFails) throw new ThryveConnectError('server_error', 'HTTP 502', { status: 502 });
      connected = connected.filter((item) => item.dataSource !== dataSource);
    };
  }
  return { fetcher, tokens };
}

function renderPicker(fetcher: ThryveFetcher, picker: ReactNode) {
  return renderWithProvider(fetcher, picker, { messages: { de } });
}

const row = (name: string) => {
  const item = screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li');
  if (!item) throw new Error(`no row for ${name}`);
  return item;
};

let assign: ReturnType<typeof vi.fn>;
beforeEach(() => {
  sessionStorage.clear();
  assign = vi.fn();
  // jsdom cannot navigate: the one browser API these tests replace. Real navigation is in the e2e tests.
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as unknown as Location);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('DataSourcePicker', () => {
  it('lists the web sources with their status and names every button after its source', async () => {
    const { fetcher } = backend([{ dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' }]);
    renderPicker(fetcher, <DataSourcePicker />);
    await waitFor(() => expect(within(row('Fitbit')).getByText('Connected')).toBeTruthy());
    expect(within(row('Garmin')).getByText('Not connected')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Disconnect Fitbit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect Garmin' })).toBeTruthy();
    expect(screen.queryByText('Apple Health')).toBeNull(); // native
    expect(screen.queryByText('Google Fit REST')).toBeNull(); // retired
    expect(screen.getByRole('list', { name: 'Data sources' })).toBeTruthy();
  });

  it('shows a connected source the catalogue does not know as "Data source 99"', async () => {
    const { fetcher } = backend([{ dataSource: 99, connectedAt: null }]);
    renderPicker(fetcher, <DataSourcePicker />);
    expect(await screen.findByRole('button', { name: 'Disconnect Data source 99' })).toBeTruthy();
  });

  it('says "unknown" rather than guessing when the backend has no connections route', async () => {
    const { fetcher } = backend([], { withRoutes: false });
    renderPicker(fetcher, <DataSourcePicker include={[1]} />);
    await waitFor(() => expect(within(row('Fitbit')).getByText('Status unknown')).toBeTruthy());
  });

  it('applies include, order and overrides', async () => {
    const { fetcher } = backend();
    renderPicker(
      fetcher,
      <DataSourcePicker include={[1, 2, 18]} order={[18]} overrides={{ 2: { name: 'Garmin Connect' } }} />,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    const names = screen
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.thryve-connect-source__name')?.textContent);
    expect(names).toEqual(['Oura', 'Fitbit', 'Garmin Connect']);
  });

  it('connects in the same window with redirectUri, remembering the action without the token', async () => {
    const { fetcher, tokens } = backend();
    renderPicker(fetcher, <DataSourcePicker include={[1]} redirectUri="https://app.example/devices?tab=2" />);
    const button = await screen.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);

    expect(assign).toHaveBeenCalledTimes(1);
    const url = new URL(assign.mock.calls[0]?.[0] as string);
    expect(url.origin + url.pathname).toBe(`${DIRECT}/dataSourceDirectConnection.html`);
    expect(url.searchParams.get('token')).toBe(tokens[0]);
    expect(url.searchParams.get('dataSource')).toBe('1');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example/devices?tab=2');
    const stored = sessionStorage.getItem('thryve-connect:pending-action') ?? '';
    expect(stored).toContain('"action":"connect"');
    expect(stored).not.toContain(tokens[0]);
  });

  it('opens a new tab without redirectUri and cuts its opener', async () => {
    const opened = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(opened);
    const { fetcher } = backend();
    renderPicker(fetcher, <DataSourcePicker include={[1]} />);
    const button = await screen.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(open).toHaveBeenCalledWith(
      expect.stringContaining('/dataSourceDirectConnection.html?token='),
      '_blank',
    );
    expect(opened.opener).toBeNull();
    expect(within(row('Fitbit')).getByText('Connecting…')).toBeTruthy();
  });

  it('offers only the link to a new tab when the popup is blocked and there is no way back', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const onPopupBlocked = vi.fn();
    const { fetcher } = backend();
    renderPicker(fetcher, <DataSourcePicker include={[1]} onPopupBlocked={onPopupBlocked} />);
    const button = await screen.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);

    expect(onPopupBlocked).toHaveBeenCalledWith(expect.stringContaining('dataSourceDirectConnection.html'));
    // The ways on after a blocked window are a lazy chunk, fetched when this first happens.
    const link = await screen.findByRole('link', { name: 'Open the Fitbit connection page' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // Continuing in this window without a redirectUri would strand the user on Thryve's result page.
    expect(screen.queryByRole('button', { name: 'Continue in this window' })).toBeNull();
    expect(assign).not.toHaveBeenCalled();
  });

  it('asks before disconnecting, moves focus to Cancel and back', async () => {
    const { fetcher } = backend([{ dataSource: 1, connectedAt: null }]);
    renderPicker(fetcher, <DataSourcePicker include={[1]} />);
    const disconnect = await screen.findByRole('button', { name: 'Disconnect Fitbit' });
    fireEvent.click(disconnect);
    // The question is a lazy chunk, fetched with the first Disconnect click.
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disconnect Fitbit' })),
    );
  });

  it('disconnects in the background and announces it', async () => {
    const onRevoked = vi.fn();
    const { fetcher } = backend([{ dataSource: 1, connectedAt: null }]);
    renderPicker(fetcher, <DataSourcePicker include={[1]} confirmDisconnect={false} onRevoked={onRevoked} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Fitbit' }));
    await waitFor(() => expect(within(row('Fitbit')).getByText('Not connected')).toBeTruthy());
    expect(onRevoked).toHaveBeenCalledWith(1, { name: 'Fitbit' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Fitbit disconnected.'));
    expect(assign).not.toHaveBeenCalled();
  });

  it('rolls the optimistic disconnect back and offers Retry when it fails', async () => {
    const { fetcher } = backend([{ dataSource: 1, connectedAt: null }], { revokeFails: true });
    renderPicker(fetcher, <DataSourcePicker include={[1]} confirmDisconnect={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Fitbit' }));
    await waitFor(() => expect(screen.getByText(/not available right now/)).toBeTruthy(), {
      timeout: 10_000,
    });
    expect(within(row('Fitbit')).getByText('Connected')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  }, 15_000);

  it('reads a connect result once, removes it from the address bar and announces it', async () => {
    const { fetcher } = backend([{ dataSource: 1, connectedAt: null }]);
    const store = createPendingActionStore();
    store.save({ userKey: USER, action: 'connect', dataSource: 1, token: '1060285265X4247109939067552841' });
    vi.restoreAllMocks();
    window.history.replaceState(
      null,
      '',
      '/devices?tab=2&token=1060285265X4247109939067552841&dataSource=1&connected=true',
    );
    const onConnected = vi.fn();
    renderPicker(fetcher, <DataSourcePicker include={[1]} onConnected={onConnected} />);
    await waitFor(() => expect(onConnected).toHaveBeenCalledWith(1, { name: 'Fitbit' }));
    expect(window.location.search).toBe('?tab=2');
    expect(store.peek(USER)).toBeNull();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Fitbit connected.'));
  });

  it('never reports success for a result this page did not start', async () => {
    const { fetcher } = backend();
    vi.restoreAllMocks();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    window.history.replaceState(
      null,
      '',
      '/devices?token=1060285265X4247109939067552841&dataSource=1&connected=true',
    );
    const onConnected = vi.fn();
    renderPicker(fetcher, <DataSourcePicker include={[1]} onConnected={onConnected} />);
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(onConnected).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
  });

  it('reads a revoke result the seed way round: connected=false is success', async () => {
    const { fetcher } = backend();
    const store = createPendingActionStore();
    store.save({ userKey: USER, action: 'revoke', dataSource: 2, token: '1060285265X4247109939067552841' });
    vi.restoreAllMocks();
    window.history.replaceState(
      null,
      '',
      '/devices?token=1060285265X4247109939067552841&dataSource=2&connected=false',
    );
    const onRevoked = vi.fn();
    const onFailed = vi.fn();
    renderPicker(fetcher, <DataSourcePicker include={[2]} onRevoked={onRevoked} onFailed={onFailed} />);
    await waitFor(() => expect(onRevoked).toHaveBeenCalledWith(2, { name: 'Garmin' }));
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('speaks German with the shipped German texts, and English for a locale without texts', async () => {
    const { fetcher } = backend();
    const { unmount } = renderPicker(fetcher, <DataSourcePicker include={[1]} locale="de" />);
    expect(await screen.findByRole('button', { name: 'Fitbit verbinden' })).toBeTruthy();
    unmount();
    renderPicker(fetcher, <DataSourcePicker include={[1]} locale="fr" />);
    expect(await screen.findByRole('button', { name: 'Connect Fitbit' })).toBeTruthy();
  });

  it('renders each source through renderSource with working controls', async () => {
    vi.spyOn(window, 'open').mockReturnValue({ opener: null } as unknown as Window);
    const { fetcher } = backend();
    renderPicker(
      fetcher,
      <DataSourcePicker
        include={[18]}
        renderSource={({ source, connection }) => (
          <button type="button" disabled={!connection.canConnect} onClick={connection.connect}>
            Link {source.name} ({connection.status})
          </button>
        )}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Link Oura (disconnected)' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(await screen.findByRole('button', { name: 'Link Oura (connecting)' })).toBeTruthy();
  });
});

describe('DataSourcePicker when the session cannot be had', () => {
  it('says why Connect is unavailable and recovers with Retry', async () => {
    let fail = true;
    const fetcher = (async ({ locale }) => {
      if (fail) throw new ThryveConnectError('forbidden', 'HTTP 403', { status: 403 });
      return { url: widgetUrl(locale) };
    }) as ThryveFetcher;
    fetcher.getConnections = async () => [];
    renderPicker(fetcher, <DataSourcePicker include={[1]} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not allowed to connect/);
    expect((screen.getByRole('button', { name: 'Connect Fitbit' }) as HTMLButtonElement).disabled).toBe(true);
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Connect Fitbit' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
