import { act, render, screen, waitFor } from '@testing-library/react';
import type { NavigationRequest } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { createFakeFetcher, interceptNavigation } from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A host that opens URLs its own way (Capacitor's in-app browser, Electron's shell, a WebView).

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

async function clickConnect(name: string) {
  const connect = await screen.findByRole('button', { name });
  await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
  act(() => connect.click());
}

describe('a navigate adapter on the provider', () => {
  it('gets the exact connect URL from the click, and the page does not navigate itself', async () => {
    const navigation = interceptNavigation();
    const opened: NavigationRequest[] = [];
    try {
      render(
        <ThryveConnectProvider
          userKey="user-1"
          fetcher={createFakeFetcher().fetcher}
          navigate={(request) => void opened.push(request)}
        >
          <DataSourcePicker include={[1]} redirectUri="https://app.example/thryve-return" />
        </ThryveConnectProvider>,
      );
      await clickConnect('Connect Fitbit');
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({ target: 'self', action: 'connect' });
      const url = new URL(opened[0]?.url as string);
      expect(url.pathname).toBe('/dataSourceDirectConnection.html');
      expect(url.searchParams.get('redirect_uri')).toBe('https://app.example/thryve-return');
      expect(navigation.urls).toEqual([]);
      expect(navigation.opened).toEqual([]);
      expect(sessionStorage.getItem('thryve-connect:pending-action')).not.toBeNull();
    } finally {
      navigation.restore();
    }
  });

  it('reports a tab it could not open as blocked, and the picker offers the link', async () => {
    const open = vi.spyOn(window, 'open');
    const adapter = vi.fn((_: NavigationRequest) => 'blocked' as const);
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher} navigate={adapter}>
        <DataSourcePicker include={[1]} />
      </ThryveConnectProvider>,
    );
    await clickConnect('Connect Fitbit');
    expect(adapter).toHaveBeenCalledWith(expect.objectContaining({ target: 'tab', action: 'connect' }));
    expect(await screen.findByRole('link', { name: 'Open the Fitbit connection page' })).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
  });

  it('is read at the click: a new function each render is used, and the controller is kept', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const backend = createFakeFetcher();
    const page = (navigate: (request: NavigationRequest) => void) => (
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher} navigate={navigate}>
        <DataSourcePicker include={[1]} redirectUri="https://app.example/devices" />
      </ThryveConnectProvider>
    );
    const { rerender } = render(page(first));
    await waitFor(() => expect(backend.calls.length).toBeGreaterThan(0));
    const calls = backend.calls.length;
    rerender(page(second));
    await clickConnect('Connect Fitbit');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(backend.calls.filter((call) => call.route === 'session')).toHaveLength(1);
    expect(backend.calls.length).toBe(calls);
  });
});
