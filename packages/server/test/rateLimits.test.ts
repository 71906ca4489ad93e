import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createThryveClient,
  createThryveConnectHandler,
  DEFAULT_RATE_LIMITS,
  isThryveApiError,
  type ThryveConnectHandlerOptions,
} from '../src/index.js';
import { startFakeThryve } from './support/fakeThryve.js';
import { jsonRequest, testUser } from './support/harness.js';
import { CREDENTIALS } from './support/secrets.js';

let thryve: Awaited<ReturnType<typeof startFakeThryve>>;
beforeAll(async () => {
  thryve = await startFakeThryve({}, [1]);
});
afterAll(() => thryve.close());

function handlerWith(options: Partial<ThryveConnectHandlerOptions> = {}) {
  return createThryveConnectHandler({
    client: createThryveClient({ ...CREDENTIALS, hosts: thryve.hosts }),
    getEndUser: testUser,
    ...options,
  });
}

const session = (user: string) => jsonRequest('/api/thryve/session', { locale: 'en' }, { user });

describe('given one user sending a burst of 200 session requests', () => {
  it('answers at least 150 of them 429 rate_limited with Retry-After, before any call to Thryve', async () => {
    const handler = handlerWith();
    const before = thryve.requests.length;
    const responses = await Promise.all(Array.from({ length: 200 }, () => handler(session('burst-user'))));
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(150);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(200 - refused.length);
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await refused[0]?.json()) as unknown).toEqual({
      error: { code: 'rate_limited', message: 'Too many requests: try again later.' },
    });
    // One session call per answered request, and one end-user lookup: nothing for the refused ones.
    expect(thryve.requests.length - before).toBeLessThanOrEqual(200 - refused.length + 1);
  });

  it('leaves a second user unaffected', async () => {
    const handler = handlerWith();
    await Promise.all(Array.from({ length: 200 }, () => handler(session('noisy-user'))));
    expect((await handler(session('quiet-user'))).status).toBe(200);
    expect(
      (await handler(jsonRequest('/api/thryve/connections', undefined, { user: 'quiet-user' }))).status,
    ).toBe(200);
  });
});

describe('given the routes and prefetch share one bucket per user', () => {
  it('limits connections and revoke with the same budget, a revoke costing two', async () => {
    const handler = handlerWith({ limits: { user: { capacity: 3, refillPerSecond: 0.001 }, app: false } });
    const connections = () =>
      handler(jsonRequest('/api/thryve/connections', undefined, { user: 'shared-user' }));
    expect((await connections()).status).toBe(200);
    expect(
      (await handler(jsonRequest('/api/thryve/revoke', { dataSource: 1 }, { user: 'shared-user' }))).status,
    ).toBe(200);
    expect((await connections()).status).toBe(429);
  });

  it('limits a server-rendered page reloaded in a loop, with the typed error and its wait', async () => {
    const handler = handlerWith();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () =>
        handler.prefetch({ alias: 'reloading-user' }, { userKey: 'u1' }).then(
          () => 'seeded' as const,
          (error: unknown) => error,
        ),
      ),
    );
    const refused = outcomes.filter((outcome) => isThryveApiError(outcome, 'rate_limited'));
    // A prefetch with connections costs two: a full bucket seeds capacity / 2 renders.
    expect(outcomes.filter((outcome) => outcome === 'seeded')).toHaveLength(
      DEFAULT_RATE_LIMITS.user.capacity / 2,
    );
    expect(refused).toHaveLength(100 - DEFAULT_RATE_LIMITS.user.capacity / 2);
    expect(refused[0]).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
    // The routes then refuse the same user: one budget.
    expect((await handler(session('reloading-user'))).status).toBe(429);
  });
});

describe('the app-wide cap', () => {
  it('refuses every user once the app has spent its bucket, and a user over their own limit does not drain it', async () => {
    const handler = handlerWith({
      limits: { user: { capacity: 2, refillPerSecond: 0.001 }, app: { capacity: 5, refillPerSecond: 0.001 } },
    });
    for (let i = 0; i < 10; i++) await handler(session('greedy-user'));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await handler(session(`other-${i}`))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('turned off', () => {
  it('answers every request with limits: false', async () => {
    const handler = handlerWith({ limits: false });
    const responses = await Promise.all(
      Array.from({ length: 120 }, () => handler(session('unlimited-user'))),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
  });

  it('refuses a bucket that is not one', () => {
    expect(() => handlerWith({ limits: { user: { capacity: 0, refillPerSecond: 1 } } })).toThrow(TypeError);
    expect(() => handlerWith({ limits: { app: { capacity: 10, refillPerSecond: Number.NaN } } })).toThrow(
      TypeError,
    );
  });
});

describe("a real user's journey with the default limits", () => {
  it('never meets them: server renders, two tabs, expiry refreshes, a connect and a revoke', async () => {
    const handler = handlerWith({ store: createMemoryStore(), storeSecret: 'x'.repeat(32) });
    const statuses: number[] = [];
    const route = async (request: Request) => statuses.push((await handler(request)).status);
    const render = () => handler.prefetch({ alias: 'journey-user' }, { userKey: 'j' });
    await render(); // first tab, server-rendered; hydration uses the seeds
    await render(); // second tab
    for (let refresh = 0; refresh < 4; refresh++) await route(session('journey-user')); // expiries, both tabs
    await route(session('journey-user')); // connect: a fresh session for the click
    await render(); // back from Thryve: the page renders again
    await route(jsonRequest('/api/thryve/connections', undefined, { user: 'journey-user' }));
    await route(jsonRequest('/api/thryve/revoke', { dataSource: 1 }, { user: 'journey-user' }));
    await route(jsonRequest('/api/thryve/connections', undefined, { user: 'journey-user' }));
    await route(jsonRequest('/api/thryve/connections', undefined, { user: 'journey-user' })); // the other tab
    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});

describe('a shared store', () => {
  it('needs a storeSecret of at least 32 characters, the same on every instance', () => {
    expect(() => handlerWith({ store: createMemoryStore() })).toThrow(/storeSecret/);
    expect(() => handlerWith({ store: createMemoryStore(), storeSecret: 'short' })).toThrow(/32/);
  });
});
