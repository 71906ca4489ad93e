import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createProxyFetcher, seedSession } from '@thryve-connect/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSourcePicker, ThryveConnectionWidget, ThryveConnectProvider } from '../src/index.js';
import { createFakeFetcher, interceptNavigation } from '../src/testing/index.js';
import { fakeFetcher, WIDGET_ORIGIN, widgetUrl } from './support/fakeFetcher.js';
import { renderWithProvider, USER } from './support/renderWithProvider.js';

// Each of these once failed with nothing but a generic text on screen. In development the console
// names the cause and the fix; the screen keeps the short translated text a user of a production
// build sees (the error's `message`, handed to `onError`, carries the same explanation in development).

const SANDBOX = 'http://127.0.0.1:4010';
const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
const logged = (warn: ReturnType<typeof warnings>) => warn.mock.calls.map((call) => String(call[0]));

afterEach(() => vi.restoreAllMocks());

describe('a provider without hosts, in front of a backend that talks to the sandbox', () => {
  it('names the rejected widget origin, the allow-list it was checked against and the hosts to pass', async () => {
    const warn = warnings();
    const onError = vi.fn();
    const { fetcher } = fakeFetcher({ url: widgetUrl('en', SANDBOX) });
    render(
      <ThryveConnectProvider userKey={USER} fetcher={fetcher}>
        <ThryveConnectionWidget onError={onError} />
      </ThryveConnectProvider>,
    );
    expect(
      await screen.findByText('The connection service sent an answer this app cannot use.'),
    ).toBeTruthy();
    const message = logged(warn).find((text) => text.includes(SANDBOX));
    expect(message).toContain(`origin ${SANDBOX} is not on the allow-list`);
    expect(message).toContain(`checked against: ${WIDGET_ORIGIN}`);
    expect(message).toContain('the default when no hosts are given');
    expect(message).toContain('hosts={{ api, widget, direct }}');
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      code: 'disallowed_origin',
      message: message?.replace('[thryve-connect] ', ''),
    });
  });

  it('names the foreign host too, when the provider was given other hosts than the server', async () => {
    const warn = warnings();
    const { fetcher } = fakeFetcher({ url: widgetUrl('en', SANDBOX) });
    render(
      <ThryveConnectProvider
        userKey={USER}
        fetcher={fetcher}
        hosts={{ widget: 'https://connect.qa.thryve.de' }}
      >
        <ThryveConnectionWidget />
      </ThryveConnectProvider>,
    );
    await screen.findByText('The connection service sent an answer this app cannot use.');
    expect(logged(warn)).toContainEqual(
      expect.stringContaining(
        `origin ${SANDBOX} is not on the allow-list it was checked against: https://connect.qa.thryve.de.`,
      ),
    );
  });

  it('logs the cause once, however many components show it', async () => {
    const warn = warnings();
    const { fetcher } = fakeFetcher({ url: widgetUrl('en', SANDBOX) });
    render(
      <ThryveConnectProvider userKey={USER} fetcher={fetcher}>
        <ThryveConnectionWidget />
        <DataSourcePicker include={[1]} />
      </ThryveConnectProvider>,
    );
    await waitFor(() => expect(screen.getAllByText(/cannot use/)).toHaveLength(2));
    expect(logged(warn).filter((text) => text.includes('is not on the allow-list'))).toHaveLength(1);
  });
});

describe('a redirectUri the picker cannot use', () => {
  it('names it and shows both forms that work', async () => {
    const warn = warnings();
    const backend = createFakeFetcher();
    renderWithProvider(backend.fetcher, <DataSourcePicker include={[1]} redirectUri="devices" />);
    const connect = await screen.findByRole('button', { name: 'Connect Fitbit' });
    await waitFor(() => expect(connect.hasAttribute('disabled')).toBe(false));
    fireEvent.click(connect);
    expect(await screen.findByText('Something went wrong. Try again.')).toBeTruthy();
    const message = logged(warn).find((text) => text.includes('"devices"'));
    expect(message).toContain('The redirect URI "devices" is not an absolute URL.');
    expect(message).toContain('a path ("/devices")');
  });

  it('takes a path, and comes back to this origin', async () => {
    const warn = warnings();
    const backend = createFakeFetcher();
    const navigation = interceptNavigation();
    try {
      renderWithProvider(backend.fetcher, <DataSourcePicker include={[1]} redirectUri="/devices" />);
      const connect = await screen.findByRole('button', { name: 'Connect Fitbit' });
      await waitFor(() => expect(connect.hasAttribute('disabled')).toBe(false));
      fireEvent.click(connect);
      await waitFor(() => expect(navigation.urls).toHaveLength(1));
    } finally {
      navigation.restore();
    }
    expect(new URL(navigation.urls[0] ?? '').searchParams.get('redirect_uri')).toBe(
      `${window.location.origin}/devices`,
    );
    expect(logged(warn)).toEqual([]);
  });
});

describe('a fetcher pointed at a path where no backend proxy answers', () => {
  it('says that an HTML page answered, and how to mount the proxy', async () => {
    const warn = warnings();
    const fetcher = createProxyFetcher({
      url: '/api/thryve/session',
      connectionsUrl: false,
      revokeUrl: false,
      fetch: async () =>
        new Response('<!doctype html><title>My app</title>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    });
    renderWithProvider(fetcher, <ThryveConnectionWidget />);
    expect(
      await screen.findByText('The connection service sent an answer this app cannot use.'),
    ).toBeTruthy();
    expect(logged(warn)).toContainEqual(
      expect.stringContaining('/api/thryve/session answered an HTML page, not JSON'),
    );
  });
});

describe('a server-handed session that is not shown', () => {
  const session = () => ({ url: widgetUrl() });
  const renderSeeded = (initialSession: unknown, locale: 'en' | 'de' = 'en') =>
    renderWithProvider(fakeFetcher().fetcher, <ThryveConnectionWidget />, {
      locale,
      initialSession: initialSession as ReturnType<typeof seedSession>,
    });

  it('says it was fetched for another user', () => {
    const warn = warnings();
    renderSeeded(seedSession(session(), { userKey: 'someone-else', locale: 'en' }));
    expect(logged(warn)).toContainEqual(
      expect.stringContaining('initialSession was fetched for another user'),
    );
  });

  it('says which locale it was fetched in, and which the provider shows', () => {
    const warn = warnings();
    renderSeeded(seedSession(session(), { userKey: USER, locale: 'en' }), 'de');
    expect(logged(warn)).toContainEqual(
      expect.stringContaining('initialSession was fetched in "en", the provider shows "de"'),
    );
  });

  it('says an untagged one cannot be told whose it is', () => {
    const warn = warnings();
    renderSeeded(session());
    expect(logged(warn)).toContainEqual(
      expect.stringContaining('initialSession without `seededFor` was ignored'),
    );
  });

  it('says why it is unusable here: its widget origin and the allow-list', () => {
    const warn = warnings();
    renderSeeded(seedSession({ url: widgetUrl('en', SANDBOX) }, { userKey: USER, locale: 'en' }));
    expect(logged(warn)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `initialSession cannot be used here: .*origin ${SANDBOX.replaceAll('.', '\\.')} is not on the allow-list`,
        ),
      ),
    );
  });

  it('says so once per reason, not at every new seed', () => {
    const warn = warnings();
    const { fetcher } = fakeFetcher();
    const page = () => (
      <ThryveConnectProvider
        userKey={USER}
        fetcher={fetcher}
        allowedWidgetOrigins={[WIDGET_ORIGIN]}
        initialSession={seedSession(session(), { userKey: 'someone-else', locale: 'en' })}
      >
        <ThryveConnectionWidget />
      </ThryveConnectProvider>
    );
    const { rerender } = render(page());
    rerender(page());
    expect(logged(warn).filter((text) => text.includes('another user'))).toHaveLength(1);
  });
});
