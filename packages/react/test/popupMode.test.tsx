import { act, render, screen, waitFor } from '@testing-library/react';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { createFakeFetcher, interceptNavigation } from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

describe('mode="popup"', () => {
  it('opens a sized popup returning to the return page, and this page stays', async () => {
    const navigation = interceptNavigation();
    const popup = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    try {
      render(
        <ThryveConnectProvider userKey="user-1" fetcher={createFakeFetcher().fetcher}>
          <DataSourcePicker include={[1]} mode="popup" redirectUri="https://app.example/return" />
        </ThryveConnectProvider>,
      );
      const connect = await screen.findByRole('button', { name: 'Connect Fitbit' });
      await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
      act(() => connect.click());
      expect(navigation.urls).toEqual([]);
      expect(open).toHaveBeenCalledOnce();
      const [url, name, features] = open.mock.calls[0] ?? [];
      expect(new URL(String(url)).searchParams.get('redirect_uri')).toBe('https://app.example/return');
      expect(name).toBe('thryve-connect');
      expect(features).toMatch(/^popup,width=500,height=720/);
      expect(popup.opener).toBeNull();
      expect(await screen.findByText('Connecting…', { selector: '.thryve-connect-badge' })).toBeTruthy();
    } finally {
      navigation.restore();
    }
  });
});
