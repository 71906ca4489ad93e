import { DEFAULT_LOCALE, isSeedFor } from '@thryve-connect/core';
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
    const initial = await handler.prefetch({ alias: 'prefetch-user' }, { userKey: 'user-1', locale: 'de' });
    expect(new URL(initial.initialSession.url).origin).toBe(sandbox.url);
    expect(new URL(initial.initialSession.url).searchParams.get('lang')).toBe('de');
    expect(initial.initialConnections?.connectedSources).toEqual([
      { dataSource: 1, connectedAt: expect.any(String) },
    ]);
    const route = await handler(
      new Request('http://app.test/api/thryve/connections', { headers: { 'sec-fetch-site': 'same-origin' } }),
    );
    const { seededFor: _owner, ...connections } = initial.initialConnections ?? {};
    expect(await route.json()).toEqual(connections);
    expect(calls('/v5/accessToken')).toBe(1); // the route found the user prefetch resolved
  });

  it('reads no connections when asked not to', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const initial = await handler.prefetch(
      { alias: 'prefetch-lean' },
      { userKey: 'user-1', connections: false },
    );
    expect(initial.initialConnections).toBeUndefined();
    expect(calls('/v5/userInformation')).toBe(0);
  });

  it('refuses what the routes refuse, with the same errors', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    await expect(handler.prefetch({ alias: 'not an alias!' }, { userKey: 'user-1' })).rejects.toThrow(
      TypeError,
    );
    await expect(
      handler.prefetch({ alias: 'prefetch-locale' }, { userKey: 'user-1', locale: 'xx' as never }),
    ).rejects.toSatisfy((error) => isThryveApiError(error, 'bad_request'));
    expect(calls('/widget/v6/connection')).toBe(0);
    sandbox.inject({ route: 'connection', type: 'error', status: 503 });
    await expect(handler.prefetch({ alias: 'prefetch-fault' }, { userKey: 'user-1' })).rejects.toSatisfy(
      (error) => isThryveApiError(error, 'server_error'),
    );
  });

  it('tags each seed with whose it is: the userKey, and the session’s locale', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const { initialSession, initialConnections } = await handler.prefetch(
      { alias: 'prefetch-owner' },
      { userKey: 'alice@example.com', locale: 'de' },
    );
    expect(isSeedFor(initialSession, 'alice@example.com', 'de')).toBe(true);
    expect(isSeedFor(initialSession, 'alice@example.com', 'en')).toBe(false);
    expect(isSeedFor(initialSession, 'bob@example.com', 'de')).toBe(false);
    expect(isSeedFor(initialConnections, 'alice@example.com')).toBe(true);
    expect(isSeedFor(initialConnections, 'bob@example.com')).toBe(false);
    // Written into the page's HTML: a fingerprint, never the key itself.
    expect(JSON.stringify({ initialSession, initialConnections })).not.toContain('alice');
  });

  it('fetches the session in the default locale when none is given, and tags it so', async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const { initialSession } = await handler.prefetch({ alias: 'prefetch-en' }, { userKey: 'user-1' });
    expect(initialSession.seededFor.locale).toBe(DEFAULT_LOCALE);
    expect(isSeedFor(initialSession, 'user-1', DEFAULT_LOCALE)).toBe(true);
  });

  it("with locale 'auto', fetches the session in the request's language (Accept-Language by weight)", async () => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const { initialSession } = await handler.prefetch(
      { alias: 'prefetch-auto' },
      { userKey: 'user-1', locale: 'auto', acceptLanguage: 'zh-TW,fr-CA;q=0.9,de;q=0.8' },
    );
    expect(initialSession.seededFor.locale).toBe('fr');
    expect(new URL(initialSession.url).searchParams.get('lang')).toBe('fr');
    const fallback = await handler.prefetch(
      { alias: 'prefetch-auto' },
      { userKey: 'user-1', locale: 'auto' },
    );
    expect(fallback.initialSession.seededFor.locale).toBe(DEFAULT_LOCALE);
  });

  it.each([
    ['no options', undefined],
    ['no userKey', {}],
    ['an empty userKey', { userKey: '' }],
    ['a userKey that is not a string', { userKey: 42 }],
  ])('refuses %s with a TypeError that names the fix, before any call to Thryve', async (_name, options) => {
    const handler = createThryveConnectHandler({ client: clientFor(sandbox), getEndUser: () => null });
    const prefetch = handler.prefetch as (endUser: unknown, options?: unknown) => Promise<unknown>;
    await expect(prefetch({ alias: 'prefetch-nokey' }, options)).rejects.toThrow(
      /userKey.*<ThryveConnectProvider userKey>/,
    );
    expect(sandbox.state.requests).toHaveLength(0);
  });
});
