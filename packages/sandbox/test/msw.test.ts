// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  buildConnectUrl,
  createProxyFetcher,
  fingerprintToken,
  isThryveConnectError,
  normalizeSessionPayload,
  parseConnectionResult,
  parseWidgetUrl,
} from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { setupServer } from 'msw/node';
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMswSandbox } from '../src/msw.js';

// An app's jsdom test as a team adopting us writes it: MSW for the network, our real client code
// (createProxyFetcher, the widget URL parser, the React picker) against the sandbox's own handlers.
const thryve = createMswSandbox({ endUser: 'jsdom-user', proxyTimeoutMs: 300 });
const server = setupServer(...thryve.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  thryve.reset();
});
afterAll(() => server.close());

/** The widget URL the app's backend answers for `locale`, as the components read it. */
const sessionUrl = async (locale: 'en' | 'de' = 'en'): Promise<string> =>
  normalizeSessionPayload(await createProxyFetcher()({ locale })).url;

const errorOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('the MSW sandbox, through the real proxy fetcher', () => {
  it('answers a widget session the widget URL parser accepts, in the asked language', async () => {
    const parsed = parseWidgetUrl(await sessionUrl('de'), { allowedOrigins: [thryve.origin] });
    expect(parsed.origin).toBe('https://sandbox.thryve.test');
    expect(parsed.locale).toBe('de');
    expect(thryve.sandbox.state.sessions).toBe(1);
  });

  it('lists what the test connected for its demo user, and revokes through Thryve’s revoke page', async () => {
    thryve.connect(1);
    thryve.connect(18);
    thryve.connect(2, 'someone-else');
    const fetcher = createProxyFetcher();
    const connections = await fetcher.getConnections?.({});
    expect(connections?.map((item) => item.dataSource)).toEqual([1, 18]);
    expect(connections?.[0]?.connectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    await fetcher.revoke?.({ dataSource: 1 });
    expect(thryve.connectedSources().map((item) => item.dataSource)).toEqual([18]);
    expect(thryve.sandbox.state.requests.map(({ method, path }) => `${method} ${path}`)).toContain(
      'GET /dataSourceDirectRevoke.html',
    );
  });

  it('connects through the consent page and the redirect result reads as connected', async () => {
    const { token } = parseWidgetUrl(await sessionUrl(), { allowedOrigins: [thryve.origin] });
    const redirectUri = 'http://localhost:3000/settings?tab=devices';
    const connectUrl = buildConnectUrl({ token, dataSource: 2, redirectUri, hosts: thryve.hosts });

    const result = await thryve.consent(connectUrl, 'allow');
    expect(result.url.startsWith('http://localhost:3000/settings?tab=devices&')).toBe(true);
    expect(
      parseConnectionResult(result.url, {
        owner: fingerprintToken('user-1'),
        action: 'connect',
        dataSource: 2,
        tokenFingerprint: fingerprintToken(token),
        startedAt: Date.now(),
      }),
    ).toEqual({ status: 'connected', action: 'connect', dataSource: 2 });
    expect(thryve.connectedSources().map((item) => item.dataSource)).toEqual([2]);
  });

  it('a denied consent reports connected=false and connects nothing', async () => {
    const { token } = parseWidgetUrl(await sessionUrl(), { allowedOrigins: [thryve.origin] });
    const result = await thryve.consent(
      buildConnectUrl({ token, dataSource: 3, hosts: thryve.hosts }),
      'deny',
    );
    expect(result).toMatchObject({ connected: false, dataSource: 3 });
    expect(thryve.connectedSources()).toEqual([]);
  });

  it('consent() rejects with the page’s reason for a token the sandbox never issued', async () => {
    const connectUrl = buildConnectUrl({
      token: '1234567890X1234567890123456789',
      dataSource: 1,
      hosts: thryve.hosts,
    });
    await expect(thryve.consent(connectUrl, 'allow')).rejects.toThrow(/Session expired/);
  });

  it('an injected Thryve failure reaches the client as server_error (502)', async () => {
    thryve.inject({ route: 'connection', type: 'error', status: 503, times: 1 });
    const error = await errorOf(createProxyFetcher()({ locale: 'en' }));
    expect(isThryveConnectError(error) && [error.code, error.status]).toEqual(['server_error', 502]);
  });

  it('a Thryve that hangs reaches the client as a timeout (504) after the proxy’s deadline', async () => {
    thryve.inject({ route: 'userInformation', type: 'hang', times: 1 });
    const error = await errorOf(createProxyFetcher().getConnections?.({}) ?? Promise.resolve());
    expect(isThryveConnectError(error) && [error.code, error.status]).toEqual(['timeout', 504]);
  });

  it('refuses a native or unknown source and an unknown locale with 400, before calling Thryve', async () => {
    const fetcher = createProxyFetcher();
    for (const dataSource of [5, 12, 999]) {
      const error = await errorOf(fetcher.revoke?.({ dataSource }) ?? Promise.resolve());
      expect(isThryveConnectError(error) && error.status, String(dataSource)).toBe(400);
    }
    const error = await errorOf(fetcher({ locale: 'xx' as 'en' }));
    expect(isThryveConnectError(error) && error.status).toBe(400);
    expect(thryve.sandbox.state.requests).toEqual([]);
  });
});

describe('a signed-out user', () => {
  const signedOut = createMswSandbox({ endUser: () => null, url: 'https://signed-out.thryve.test' });

  it('gets 401, which the client reads as unauthorized', async () => {
    server.use(...signedOut.handlers);
    const error = await errorOf(createProxyFetcher()({ locale: 'en' }));
    expect(isThryveConnectError(error) && error.code).toBe('unauthorized');
    server.resetHandlers();
  });
});

describe('the React picker on the MSW sandbox', () => {
  // A row's status text ("Connected", "Not connected", "Status unknown"): the buttons alone cannot
  // tell, since a row whose status is unknown offers both.
  const statusOf = (name: string): Promise<HTMLElement> => {
    const row = screen.getAllByRole('listitem').find((item) => item.textContent?.includes(name));
    if (!row) throw new Error(`No row for ${name}`);
    return within(row).findByText(/^(Connected|Not connected)$/);
  };

  const renderPicker = () =>
    render(
      createElement(
        ThryveConnectProvider,
        {
          userKey: 'user-1',
          fetcher: createProxyFetcher(),
          hosts: thryve.hosts,
          allowedWidgetOrigins: [thryve.origin],
          queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
        },
        createElement(DataSourcePicker, { include: [1, 2, 3] }),
      ),
    );

  it('shows the statuses, connects through the consent page and disconnects', async () => {
    thryve.connect(1);
    const opened: string[] = [];
    vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return { opener: window } as unknown as Window;
    });
    renderPicker();
    const connectGarmin = await screen.findByRole('button', { name: 'Connect Garmin' });
    expect((await statusOf('Fitbit')).textContent).toBe('Connected');
    expect((await statusOf('Garmin')).textContent).toBe('Not connected');
    await waitFor(() => expect((connectGarmin as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(connectGarmin);
    expect(opened).toHaveLength(1);
    const result = await thryve.consent(opened[0] ?? '', 'allow');
    expect(result.connected).toBe(true);
    // Back from the provider's tab: the picker reads the statuses again.
    fireEvent.focus(window);
    await waitFor(async () => expect((await statusOf('Garmin')).textContent).toBe('Connected'));

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect Fitbit' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    await waitFor(async () => expect((await statusOf('Fitbit')).textContent).toBe('Not connected'));
    expect(thryve.connectedSources().map((item) => item.dataSource)).toEqual([2]);
  });
});
