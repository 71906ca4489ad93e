import type { Sandbox } from '@thryve-connect/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createThryveConnectHandler, isThryveApiError } from '../src/index.js';
import { clientFor, startTestSandbox } from './support/harness.js';

// What a Server Component or a loader calls to render the widget into the first HTML: the routes'
// answers without an HTTP hop, against the sandbox over real HTTP.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const calls = (path: string) => sandbox.state.requests.filter((request) => request.path === path).length;

describe('handler.prefetch', () => {
  it("answers what the routes answer, for the given user, and shares the routes' end-user cache", async () => {
    sandbox.connect({ alias: 'prefetch-user' }, 1);
    const handler = createThryveConnectHandler({
      client: clientFor(sandbox),
      getEndUser: () => ({ alias: 'prefetch-user' }),
    });
    const initial = await handler.prefetch({ alias: 'prefetch-user' }, { locale: 'de' });
    expect(new URL(initial.initialSession.url).origin).toBe(sandbox.url);
    expect(new URL(initial.initialSession.url).searchParams.get('lang')).toBe('de');
    expect(initial.initialConnections?.connectedSources).toEqual([
      { dataSource: 1, connectedAt: expect.any(String) },
    ]);
    const route = await handler(
      new Request('http://app.test/api/thryve/connections', { headers: { 'sec-fetch-site': 'same-origin' } }),
    );
    expect(await route.json()).toEqual(initial.initialConnections);
    expect(calls('/v5/accessToken')).toBe(1); // the route found the user prefetch resolved
  });

  it('reads no connections when asked not to', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const initial = await handler.prefetch({ alias: 'prefetch-lean' }, { connections: false });
    expect(initial.initialConnections).toBeUndefined();
    expect(calls('/v5/userInformation')).toBe(0);
  });

  it('refuses what the routes refuse, with the same errors', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    await expect(handler.prefetch({ alias: 'not an alias!' })).rejects.toThrow(TypeError);
    await expect(handler.prefetch({ alias: 'prefetch-locale' }, { locale: 'xx' as never })).rejects.toSatisfy(
      (error) => isThryveApiError(error, 'bad_request'),
    );
    expect(calls('/widget/v6/connection')).toBe(0);
    sandbox.inject({ route: 'connection', type: 'error', status: 503 });
    await expect(handler.prefetch({ alias: 'prefetch-fault' })).rejects.toSatisfy((error) =>
      isThryveApiError(error, 'server_error'),
    );
  });
});
