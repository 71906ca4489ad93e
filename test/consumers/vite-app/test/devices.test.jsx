import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createProxyFetcher } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import {
  createFakeFetcher,
  interceptNavigation,
  simulateThryveRedirect,
} from '@thryve-connect/react/testing';
import { createMswSandbox } from '@thryve-connect/sandbox/msw';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Written only with the published entries, as an app's own tests are.

const badge = (name) =>
  within(screen.getByText(name, { selector: '.thryve-connect-source__name' }).closest('li')).getByText(
    /^(Connected|Not connected)$/,
  ).textContent;

async function clickConnect(name) {
  const button = await screen.findByRole('button', { name: `Connect ${name}` });
  await waitFor(() => expect(button.disabled).toBe(false));
  fireEvent.click(button);
}

let navigation;
beforeEach(() => {
  window.history.replaceState(null, '', '/devices');
  navigation = interceptNavigation();
});
afterEach(() => {
  navigation.restore();
  cleanup();
});

describe('the devices page with the test kit', () => {
  it('shows the statuses and reads a connect back from Thryve', async () => {
    const backend = createFakeFetcher({ connected: [1] });
    const page = () => (
      <ThryveConnectProvider userKey="user-1" fetcher={backend.fetcher}>
        <DataSourcePicker include={[1, 2, 18]} redirectUri={`${location.origin}/devices`} />
      </ThryveConnectProvider>
    );
    render(page());
    await waitFor(() => expect(badge('Fitbit')).toBe('Connected'));
    await clickConnect('Oura');
    cleanup();
    simulateThryveRedirect(navigation.urls[0], { backend });
    render(page());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Oura connected.'));
    expect(badge('Oura')).toBe('Connected');
  });
});

describe('the devices page against the sandbox in MSW, through the real proxy fetcher', () => {
  const thryve = createMswSandbox({ endUser: 'user-1' });
  const server = setupServer(...thryve.handlers);
  beforeEach(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.close();
    thryve.reset();
  });

  it('connects a source at the consent page and reads the redirect result', async () => {
    const fetcher = createProxyFetcher();
    const page = () => (
      <ThryveConnectProvider
        userKey="user-1"
        fetcher={fetcher}
        hosts={thryve.hosts}
        allowedWidgetOrigins={[thryve.origin]}
      >
        <DataSourcePicker include={[1, 2]} redirectUri={`${location.origin}/devices`} />
      </ThryveConnectProvider>
    );
    render(page());
    await waitFor(() => expect(badge('Garmin')).toBe('Not connected'));
    await clickConnect('Garmin');
    cleanup();
    const result = await thryve.consent(navigation.urls[0], 'allow');
    const landed = new URL(result.url);
    window.history.replaceState(null, '', `${landed.pathname}${landed.search}`);
    render(page());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Garmin connected.'));
    expect(badge('Garmin')).toBe('Connected');
    expect(window.location.search).toBe('');
    expect(thryve.connectedSources().map((item) => item.dataSource)).toEqual([2]);
  });
});
