import { act, render, screen, within } from '@testing-library/react';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { de } from '@thryve-connect/react/messages/de';
import { createFakeFetcher, interceptNavigation } from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Apple Health, Health Connect and Samsung Health connect only in a mobile app: listed honestly, never
// offered a web Connect that cannot work.

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

const rowOf = (name: string) => {
  const row = screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('given a picker without nativeSources', () => {
  it('lists web sources only, as before', async () => {
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher}>
        <DataSourcePicker />
      </ThryveConnectProvider>,
    );
    await screen.findByRole('button', { name: 'Connect Fitbit' });
    expect(screen.queryByText('Apple Health')).toBeNull();
    expect(screen.queryByText('Health Connect')).toBeNull();
  });
});

describe('given a picker with nativeSources', () => {
  it('lists the native sources with "Connect in our app" that calls the host, and no web Connect', async () => {
    const navigation = interceptNavigation();
    try {
      const onSelect = vi.fn();
      render(
        <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher}>
          <DataSourcePicker nativeSources={{ onSelect }} order={[5, 44, 6]} />
        </ThryveConnectProvider>,
      );
      const apple = await screen.findByRole('button', { name: 'Connect in our app: Apple Health' });
      expect(screen.getByRole('button', { name: 'Connect in our app: Health Connect' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Connect in our app: Samsung Health' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Connect Apple Health' })).toBeNull();
      expect(rowOf('Apple Health').dataset.kind).toBe('native');
      act(() => apple.click());
      expect(onSelect).toHaveBeenCalledExactlyOnceWith(5, { name: 'Apple Health' });
      // Nothing of Thryve's web flow: no page opened, no pending action.
      expect(navigation.urls).toEqual([]);
      expect(navigation.opened).toEqual([]);
      expect(sessionStorage.getItem('thryve-connect:pending-action')).toBeNull();
    } finally {
      navigation.restore();
    }
  });

  it('links to the host’s page when given an href, named in the picker’s language', async () => {
    render(
      <ThryveConnectProvider
        userKey="user-1"
        fetcher={createFakeFetcher().fetcher}
        locale="de"
        messages={{ de }}
      >
        <DataSourcePicker nativeSources={{ href: '/get-the-app' }} include={[44]} />
      </ThryveConnectProvider>,
    );
    const link = await screen.findByRole('link', { name: 'In unserer App verbinden: Health Connect' });
    expect(link.getAttribute('href')).toBe('/get-the-app');
    expect(link.textContent).toBe('In unserer App verbinden');
  });

  it('shows a native source the user connected in the app as connected, with nothing to click', async () => {
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher({ connected: [5] }).fetcher}>
        <DataSourcePicker nativeSources={{ href: '/app' }} include={[5, 6]} />
      </ThryveConnectProvider>,
    );
    await screen.findByText('Connected');
    const apple = rowOf('Apple Health');
    expect(within(apple).getByText('Connected')).toBeTruthy();
    expect(within(apple).queryByRole('link')).toBeNull();
    expect(within(apple).queryByRole('button')).toBeNull();
    expect(within(rowOf('Samsung Health')).getByRole('link', { name: /Samsung Health/ })).toBeTruthy();
  });

  it('hides the native sources the host excludes', async () => {
    render(
      <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher}>
        <DataSourcePicker nativeSources={{ href: '/app' }} exclude={[47, 6]} />
      </ThryveConnectProvider>,
    );
    await screen.findByRole('link', { name: 'Connect in our app: Apple Health' });
    expect(screen.queryByText('ShenAI')).toBeNull();
    expect(screen.queryByText('Samsung Health')).toBeNull();
  });
});
