import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  type NavigationRequest,
  seedConnections,
  seedSession,
  type ThryveFetcher,
} from '@thryve-connect/core';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker, type DataSourcePickerProps, ThryveConnectProvider } from '../src/index.js';
import { WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';

// The picker as progressive enhancement: in the server HTML each row's action is a form the proxy's
// form routes answer, so a click works before hydration and with JavaScript off; once hydrated, the
// same markup runs the zero-await flow instead.

const session = { url: widgetUrl() };

function fetcher(): ThryveFetcher {
  const fetch: ThryveFetcher = async () => session;
  fetch.getConnections = async () => [{ dataSource: 1, connectedAt: null }];
  fetch.revoke = async () => undefined;
  return fetch;
}

function Page(
  props: DataSourcePickerProps & { navigate?: (request: NavigationRequest) => void; seeded?: boolean },
) {
  const { navigate, seeded = true, ...picker } = props;
  const fetchedFor = { userKey: 'user-1', locale: 'en' as const };
  return (
    <ThryveConnectProvider
      userKey="user-1"
      fetcher={fetcher()}
      allowedWidgetOrigins={[WIDGET_ORIGIN]}
      navigate={navigate}
      initialSession={seeded ? seedSession(session, fetchedFor) : undefined}
      initialConnections={seedConnections(
        { connectedSources: [{ dataSource: 1, connectedAt: null }] },
        fetchedFor,
      )}
    >
      <DataSourcePicker include={[1, 2]} redirectUri="/devices" {...picker} />
    </ThryveConnectProvider>
  );
}

function serverPage(props: Parameters<typeof Page>[0] = {}) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Page {...props} />);
  document.body.append(container);
  return container;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('given the server HTML, before any script runs', () => {
  it('makes Connect a form post to the proxy with an enabled submit button, even without a session', () => {
    const container = serverPage({ seeded: false });
    const form = container.querySelector<HTMLFormElement>('form[action="/api/thryve/connect"]');
    expect(form?.method).toBe('post');
    expect(new FormData(form ?? undefined).get('dataSource')).toBe('2');
    expect(new FormData(form ?? undefined).get('returnTo')).toBe('/devices');
    const submit = form?.querySelector('button');
    expect([submit?.type, submit?.disabled, submit?.getAttribute('aria-label')]).toEqual([
      'submit',
      false,
      'Connect Garmin',
    ]);
  });

  it('asks before disconnecting without script: a disclosure whose Confirm posts to the revoke route', () => {
    const container = serverPage();
    const details = container.querySelector('details');
    expect(details?.querySelector('summary')?.getAttribute('aria-label')).toBe('Disconnect Fitbit');
    const form = details?.querySelector<HTMLFormElement>('form[action="/api/thryve/revoke"]');
    expect(new FormData(form ?? undefined).get('dataSource')).toBe('1');
    expect(form?.querySelector('button[type="submit"]')).not.toBeNull();
  });

  it('posts Disconnect at once when the picker does not ask', () => {
    const container = serverPage({ confirmDisconnect: false });
    expect(container.querySelector('details')).toBeNull();
    const form = container.querySelector('form[action="/api/thryve/revoke"]');
    expect(form?.querySelector('button')?.getAttribute('type')).toBe('submit');
  });

  it('posts to the routes under formRoutes, and leaves returnTo to the Referer in popup mode', () => {
    const container = serverPage({ formRoutes: '/thryve/', mode: 'popup' });
    const form = container.querySelector<HTMLFormElement>('form[action="/thryve/connect"]');
    expect(form).not.toBeNull();
    expect(new FormData(form ?? undefined).has('returnTo')).toBe(false);
  });

  it('renders plain buttons with formRoutes={false}', () => {
    const container = serverPage({ formRoutes: false });
    expect(container.querySelector('form')).toBeNull();
    expect(container.querySelector('details')).toBeNull();
  });

  it('shows the result the page read on the server', () => {
    const container = serverPage({ result: { status: 'connected', action: 'connect', dataSource: 1 } });
    expect(container.querySelector('.thryve-connect-picker__result')?.textContent).toContain('Fitbit');
    const failed = serverPage({
      result: {
        status: 'failed',
        action: 'revoke',
        dataSource: 1,
        code: 'rate_limited',
        retryAfterMs: 5_000,
      },
    });
    expect(failed.querySelector('.thryve-connect-picker__result')?.textContent).not.toBe('');
    const unmatched = serverPage({ result: { status: 'unmatched', reason: 'malformed' } });
    expect(unmatched.querySelector('.thryve-connect-picker__result')).toBeNull();
  });
});

describe('given the page has hydrated', () => {
  async function hydrate(props: Parameters<typeof Page>[0]) {
    const container = serverPage(props);
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container, <Page {...props} />);
    });
    expect(errors).not.toHaveBeenCalled();
    return container;
  }

  it('hydrates without a mismatch and connects in the click, the post never sent', async () => {
    const opened: NavigationRequest[] = [];
    const container = await hydrate({ navigate: (request) => void opened.push(request) });
    expect(container.querySelector('form[action="/api/thryve/connect"]')).not.toBeNull();
    // Past React's root listener: whether the browser would still send the post.
    const submitted = vi.fn((event: Event) => event.defaultPrevented);
    document.addEventListener('submit', submitted);
    fireEvent.click(screen.getByRole('button', { name: 'Connect Garmin' }));
    document.removeEventListener('submit', submitted);
    expect(submitted.mock.results.map((result) => result.value)).toEqual([true]);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.url).toContain('dataSource=2');
  });

  it('replaces the disclosure by the inline question once script runs', async () => {
    const container = await hydrate({});
    expect(container.querySelector('details')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect Fitbit' }));
    expect(await screen.findByRole('group', { name: 'Disconnect Fitbit' })).toBeTruthy();
  });

  it("calls onConnected once for the server's result", async () => {
    const onConnected = vi.fn();
    const result = { status: 'connected', action: 'connect', dataSource: 1 } as const;
    await hydrate({ result, onConnected });
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(onConnected).toHaveBeenCalledWith(1, { name: 'Fitbit' });
  });
});

describe('given a page rendered only on the client', () => {
  it('keeps Connect disabled until the session is ready, as before', () => {
    render(<Page seeded={false} />);
    expect(screen.getByRole('button', { name: 'Connect Garmin' })).toHaveProperty('disabled', true);
  });
});
