// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createProxyFetcher } from '@thryve-connect/core';
import { DataSourcePicker, ThryveConnectProvider } from '@thryve-connect/react';
import { createMswSandbox } from '@thryve-connect/sandbox/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

// The sandbox for this file: Thryve's REST API and pages, and your backend's /api/thryve/* routes,
// signed in as `user-1`.
const thryve = createMswSandbox({ endUser: 'user-1' });
const server = setupServer(...thryve.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  thryve.reset(); // users, sessions, faults
});
afterAll(() => server.close());

function renderPicker() {
  return render(
    <ThryveConnectProvider
      userKey="user-1" // your app's id for the signed-in user
      fetcher={createProxyFetcher()} // the real one: POST /api/thryve/session, GET …/connections
      hosts={thryve.hosts}
      allowedWidgetOrigins={[thryve.origin]}
    >
      <DataSourcePicker include={[1, 2]} />
    </ThryveConnectProvider>,
  );
}

it('shows the sources the user connected at Thryve', async () => {
  thryve.connect(1); // Fitbit, for user-1, without the browser flow
  renderPicker();
  expect(await screen.findByText('Connected')).toBeTruthy(); // Fitbit
  expect(screen.getByText('Not connected')).toBeTruthy(); // Garmin
});

it('recovers when Thryve fails once', async () => {
  thryve.connect(1);
  thryve.inject({ route: 'userInformation', type: 'error', status: 503, times: 1 });
  renderPicker(); // the proxy answers 502, the picker retries
  expect(await screen.findByText('Connected', {}, { timeout: 3000 })).toBeTruthy();
  const calls = thryve.sandbox.state.requests.filter((request) => request.path === '/v5/userInformation');
  expect(calls.map((request) => request.status)).toEqual([503, 200]);
});
