import { act, render, screen, waitFor } from '@testing-library/react';
import type { ThryveEvent } from '@thryve-connect/core';
import {
  type Consent,
  DataSourcePicker,
  ThryveConnectionWidget,
  ThryveConnectProvider,
} from '@thryve-connect/react';
import { createFakeFetcher, type FakeFetcher, interceptNavigation } from '@thryve-connect/react/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A privacy notice (GDPR Art. 9) before any health data is shared: the click that continues accepts it.

const NOTICE = 'We share the data you connect with Thryve to show your activity.';

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/devices');
});
afterEach(() => vi.restoreAllMocks());

function Provider({
  backend,
  events = [],
  userKey = 'user-1',
  children,
}: {
  backend: FakeFetcher;
  events?: ThryveEvent[];
  userKey?: string;
  children: React.ReactNode;
}) {
  return (
    <ThryveConnectProvider
      userKey={userKey}
      fetcher={backend.fetcher}
      onEvent={(event) => events.push(event)}
    >
      {children}
    </ThryveConnectProvider>
  );
}

async function readyConnect(name: string) {
  const connect = await screen.findByRole('button', { name });
  await waitFor(() => expect((connect as HTMLButtonElement).disabled).toBe(false));
  return connect;
}

describe('given a picker with a consent', () => {
  it('shows the notice before the first connect, and Connect is described by it', async () => {
    const backend = createFakeFetcher();
    render(
      <Provider backend={backend}>
        <DataSourcePicker
          include={[1]}
          consent={{ version: '2026-11', text: NOTICE, href: '/privacy', onAccept: () => {} }}
        />
      </Provider>,
    );
    const connect = await readyConnect('Connect Fitbit');
    expect(screen.getByText(NOTICE)).toBeTruthy();
    expect(screen.getByText('By choosing Connect, you agree to this privacy notice.')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Read the privacy notice' });
    expect(link.getAttribute('href')).toBe('/privacy');
    expect(link.getAttribute('target')).toBe('_blank');
    const description = connect.getAttribute('aria-describedby');
    expect(description && document.getElementById(description)?.textContent).toContain(NOTICE);
  });

  it('reports the acceptance with its version in the Connect click, before the page leaves, with no await between', async () => {
    const navigation = interceptNavigation();
    try {
      const backend = createFakeFetcher();
      const events: ThryveEvent[] = [];
      const order: string[] = [];
      const onAccept = vi.fn((version: string) => {
        order.push(`accept ${version}`);
        // Nothing has left yet: a throw here would stop the connect.
        expect(navigation.urls).toEqual([]);
      });
      render(
        <Provider backend={backend} events={events}>
          <DataSourcePicker
            include={[1]}
            redirectUri="https://app.example/devices"
            consent={{ version: '2026-11', text: NOTICE, onAccept }}
          />
        </Provider>,
      );
      const connect = await readyConnect('Connect Fitbit');
      act(() => {
        connect.click();
        // The same task as the click: the browser still counts it as the user's gesture.
        expect(navigation.urls).toHaveLength(1);
      });
      expect(onAccept).toHaveBeenCalledExactlyOnceWith('2026-11');
      expect(order).toEqual(['accept 2026-11']);
      const types = events.map((event) => event.type);
      expect(types.indexOf('CONSENT_ACCEPTED')).toBeLessThan(types.indexOf('CONNECT_STARTED'));
      expect(events.find((event) => event.type === 'CONSENT_ACCEPTED')).toEqual({
        type: 'CONSENT_ACCEPTED',
        version: '2026-11',
      });
    } finally {
      navigation.restore();
    }
  });

  it('does not ask again while mounted: the notice goes and a second connect reports nothing', async () => {
    const navigation = interceptNavigation();
    try {
      const onAccept = vi.fn();
      render(
        <Provider backend={createFakeFetcher()}>
          <DataSourcePicker include={[1, 2]} consent={{ version: 'v1', text: NOTICE, onAccept }} />
        </Provider>,
      );
      const fitbit = await readyConnect('Connect Fitbit');
      act(() => fitbit.click());
      expect(screen.queryByText(NOTICE)).toBeNull();
      const garmin = screen.getByRole('button', { name: 'Connect Garmin' });
      expect(garmin.hasAttribute('aria-describedby')).toBe(false);
      act(() => garmin.click());
      expect(onAccept).toHaveBeenCalledOnce();
      expect(navigation.opened).toHaveLength(2);
    } finally {
      navigation.restore();
    }
  });

  it('shows no notice when the host says this version is accepted, and reports nothing', async () => {
    const navigation = interceptNavigation();
    try {
      const onAccept = vi.fn();
      render(
        <Provider backend={createFakeFetcher()}>
          <DataSourcePicker
            include={[1]}
            consent={{ version: 'v1', text: NOTICE, accepted: true, onAccept }}
          />
        </Provider>,
      );
      const connect = await readyConnect('Connect Fitbit');
      expect(screen.queryByText(NOTICE)).toBeNull();
      act(() => connect.click());
      expect(onAccept).not.toHaveBeenCalled();
      expect(navigation.opened).toHaveLength(1);
    } finally {
      navigation.restore();
    }
  });

  it('asks again for a new version of the notice, and for another user', async () => {
    const navigation = interceptNavigation();
    try {
      const onAccept = vi.fn();
      const backend = createFakeFetcher();
      const page = (consent: Consent, userKey = 'user-1') => (
        <Provider backend={backend} userKey={userKey}>
          <DataSourcePicker include={[1, 2]} consent={consent} />
        </Provider>
      );
      const { rerender } = render(page({ version: 'v1', text: NOTICE, onAccept }));
      const connect = await readyConnect('Connect Fitbit');
      act(() => connect.click());
      expect(screen.queryByText(NOTICE)).toBeNull();
      rerender(page({ version: 'v2', text: NOTICE, onAccept }));
      expect(screen.getByText(NOTICE)).toBeTruthy();
      act(() => screen.getByRole('button', { name: 'Connect Garmin' }).click());
      expect(onAccept.mock.calls).toEqual([['v1'], ['v2']]);
      rerender(page({ version: 'v2', text: NOTICE, onAccept }, 'user-2'));
      expect(await screen.findByText(NOTICE)).toBeTruthy();
    } finally {
      navigation.restore();
    }
  });

  it('connects nothing when recording the consent throws', async () => {
    const navigation = interceptNavigation();
    try {
      const failure = new Error('consent store down');
      const onAccept = () => {
        throw failure;
      };
      render(
        <Provider backend={createFakeFetcher()}>
          <DataSourcePicker include={[1]} consent={{ version: 'v1', text: NOTICE, onAccept }} />
        </Provider>,
      );
      const connect = await readyConnect('Connect Fitbit');
      const caught: unknown[] = [];
      const listener = (event: ErrorEvent) => {
        caught.push(event.error);
        event.preventDefault();
      };
      window.addEventListener('error', listener);
      try {
        act(() => connect.click());
      } finally {
        window.removeEventListener('error', listener);
      }
      expect(caught).toContain(failure);
      expect(navigation.opened).toEqual([]);
      expect(screen.getByText(NOTICE)).toBeTruthy();
    } finally {
      navigation.restore();
    }
  });
});

describe('given a widget with a consent', () => {
  it('fetches no session and loads no frame before the acceptance, then loads on the same click', async () => {
    const backend = createFakeFetcher();
    const events: ThryveEvent[] = [];
    const onAccept = vi.fn();
    render(
      <Provider backend={backend} events={events}>
        <ThryveConnectionWidget consent={{ version: '2026-11', href: '/privacy', onAccept }} />
      </Provider>,
    );
    // The notice is its own chunk, fetched because a consent is asked for: the skeleton holds its place.
    const accept = await screen.findByRole('button', { name: 'Agree and continue' });
    expect(screen.getByRole('link', { name: 'Read the privacy notice' }).getAttribute('href')).toBe(
      '/privacy',
    );
    expect(document.querySelector('.thryve-connect-widget')?.getAttribute('data-state')).toBe('consent');
    // Not even a preconnect to Thryve's widget host.
    expect(document.querySelector('link[rel="preconnect"]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(backend.calls).toEqual([]);
    expect(document.querySelector('iframe')).toBeNull();

    act(() => accept.click());
    expect(onAccept).toHaveBeenCalledExactlyOnceWith('2026-11');
    expect(events[0]).toEqual({ type: 'CONSENT_ACCEPTED', version: '2026-11' });
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    expect(backend.calls.map((call) => call.route)).toEqual(['session']);
    expect(screen.queryByRole('button', { name: 'Agree and continue' })).toBeNull();
  });

  it('loads at once when the host says this version is accepted', async () => {
    const onAccept = vi.fn();
    render(
      <Provider backend={createFakeFetcher()}>
        <ThryveConnectionWidget consent={{ version: 'v1', text: NOTICE, accepted: true, onAccept }} />
      </Provider>,
    );
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    expect(screen.queryByText(NOTICE)).toBeNull();
    expect(onAccept).not.toHaveBeenCalled();
  });
});
