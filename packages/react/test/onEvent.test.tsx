import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ThryveEvent } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '@thryve-connect/react';
import {
  createFakeFetcher,
  type FakeFetcher,
  interceptNavigation,
  simulateThryveRedirect,
} from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// What a host's analytics hears: a typed list, metadata only.

function Page({
  backend,
  events,
  redirectUri,
}: {
  backend: FakeFetcher;
  events: ThryveEvent[];
  redirectUri?: string;
}) {
  return (
    <ThryveConnectProvider
      userKey="user-secret-id"
      fetcher={backend.fetcher}
      onEvent={(event) => events.push(event)}
    >
      <DataSourcePicker include={[1, 2]} redirectUri={redirectUri} confirmDisconnect={false} />
    </ThryveConnectProvider>
  );
}

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

describe('onEvent', () => {
  it('tells the whole connect: session, the start, and the result on the way back, with no token, URL or user id', async () => {
    const backend = createFakeFetcher();
    const before: ThryveEvent[] = [];
    const navigation = interceptNavigation();
    let landed = '';
    try {
      const { unmount } = render(
        <Page backend={backend} events={before} redirectUri={`${window.location.origin}/devices`} />,
      );
      const connect = await screen.findByRole('button', { name: 'Connect Garmin' });
      await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
      act(() => connect.click());
      unmount();
      landed = simulateThryveRedirect(navigation.urls[0] as string, { backend });
    } finally {
      navigation.restore();
    }
    expect(before.map((event) => event.type)).toEqual(['SESSION_READY', 'CONNECT_STARTED']);
    expect(before[1]).toEqual({ type: 'CONNECT_STARTED', dataSource: 2, target: 'self' });

    const after: ThryveEvent[] = [];
    window.history.replaceState(null, '', new URL(landed).pathname + new URL(landed).search);
    render(<Page backend={backend} events={after} />);
    await waitFor(() => expect(after.map((event) => event.type)).toContain('CONNECT_RESULT'));
    expect(after.find((event) => event.type === 'CONNECT_RESULT')).toEqual({
      type: 'CONNECT_RESULT',
      dataSource: 2,
      status: 'connected',
    });
    const token = new URL(landed).searchParams.get('token') as string;
    const everything = JSON.stringify([...before, ...after]);
    for (const secret of [token, 'user-secret-id', 'http', '://']) expect(everything).not.toContain(secret);
  });

  it('tells a disconnect and its result, and a failure by its code only', async () => {
    const backend = createFakeFetcher({ connected: [1, 2] });
    backend.fail('revoke', 'server_error', { times: 1 });
    const events: ThryveEvent[] = [];
    render(<Page backend={backend} events={events} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Fitbit' }));
    await waitFor(() => expect(events.some((event) => event.type === 'REVOKE_RESULT')).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Garmin' }));
    await waitFor(() => expect(events.filter((event) => event.type === 'REVOKE_RESULT')).toHaveLength(2));
    expect(events.filter((event) => event.type.startsWith('REVOKE'))).toEqual([
      { type: 'REVOKE_STARTED', dataSource: 1, target: 'background' },
      { type: 'REVOKE_RESULT', dataSource: 1, status: 'failed', code: 'server_error' },
      { type: 'REVOKE_STARTED', dataSource: 2, target: 'background' },
      { type: 'REVOKE_RESULT', dataSource: 2, status: 'revoked' },
    ]);
  });

  it("tells the widget's load, and a listener that throws changes nothing", async () => {
    const events: ThryveEvent[] = [];
    render(
      <ThryveConnectProvider
        userKey="user-1"
        fetcher={createFakeFetcher().fetcher}
        onEvent={(event) => {
          events.push(event);
          throw new Error('analytics is down');
        }}
      >
        <ThryveConnectionWidget />
      </ThryveConnectProvider>,
    );
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    fireEvent.load(document.querySelector('iframe') as HTMLIFrameElement);
    await waitFor(() =>
      expect(events.map((event) => event.type)).toEqual(['SESSION_READY', 'WIDGET_LOADED']),
    );
    expect(document.querySelector('.thryve-connect-widget')?.getAttribute('data-state')).toBe('ready');
  });
});
