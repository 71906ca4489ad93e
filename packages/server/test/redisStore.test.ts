// The Redis store against a real redis-server (started here on a unix socket): shared limits, a shared
// end-user cache, webhooks handled once across instances, nothing readable, and a Redis that dies.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createThryveClient,
  createThryveConnectHandler,
  createThryveWebhookHandler,
  type ThryveConnectHandlerOptions,
} from '../src/index.js';
import { createRedisStore, type RedisStore } from '../src/redis/index.js';
import { FAKE_END_USER_ID, startFakeThryve } from './support/fakeThryve.js';
import { jsonRequest, testUser } from './support/harness.js';
import { startTestRedis, type TestRedis } from './support/redisServer.js';
import { CREDENTIALS } from './support/secrets.js';

const STORE_SECRET = 'store-secret-0123456789-abcdefghij-KLMNOP';
let redis: TestRedis;
let inspect: Redis;
let thryve: Awaited<ReturnType<typeof startFakeThryve>>;
const stores: RedisStore[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  inspect = new Redis({ path: redis.path, lazyConnect: true, maxRetriesPerRequest: 1 });
  inspect.on('error', () => undefined);
  await inspect.connect();
  thryve = await startFakeThryve({}, [1]);
});
afterAll(async () => {
  for (const store of stores) await store.close();
  inspect?.disconnect();
  await thryve?.close();
  await redis?.stop();
});

function store(prefix = 'test:') {
  const created = createRedisStore({ redis: { path: redis.path }, prefix });
  stores.push(created);
  return created;
}

/** One proxy instance: its own client and handler, the shared Redis behind its store. */
function instance(shared: RedisStore, options: Partial<ThryveConnectHandlerOptions> = {}) {
  return createThryveConnectHandler({
    client: createThryveClient({ ...CREDENTIALS, hosts: thryve.hosts }),
    getEndUser: testUser,
    store: shared,
    storeSecret: STORE_SECRET,
    ...options,
  });
}

const session = (user: string) => jsonRequest('/api/thryve/session', { locale: 'en' }, { user });

async function everything(): Promise<string[]> {
  const keys = await inspect.keys('*');
  const texts = [...keys];
  for (const key of keys) {
    const type = await inspect.type(key);
    if (type === 'string') texts.push((await inspect.get(key)) ?? '');
    else if (type === 'hash') texts.push(JSON.stringify(await inspect.hgetall(key)));
  }
  return texts;
}

describe('given two proxy instances sharing one Redis', () => {
  it('holds a burst split across them to the limit of one instance', async () => {
    const a = instance(store());
    const b = instance(store());
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b)(session('split-burst-user'))),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(150);
    // The default burst is 40: the same on one instance or two (a few more may refill meanwhile).
    expect(200 - refused.length).toBeGreaterThanOrEqual(40);
    expect(200 - refused.length).toBeLessThanOrEqual(42);
    for (const response of refused)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('resolves a user once: the other instance finds the end-user id in the cache', async () => {
    const a = instance(store());
    const b = instance(store());
    const lookups = () => thryve.requests.filter((request) => request.includes('/v5/accessToken')).length;
    const before = lookups();
    expect((await a(session('cached-user'))).status).toBe(200);
    expect((await b(session('cached-user'))).status).toBe(200);
    expect(lookups() - before).toBe(1);
  });

  it('hands a webhook delivered to each of them to onEvent once, and a retry after a failure again', async () => {
    const onEvent = vi.fn().mockRejectedValueOnce(new Error('queue down')).mockResolvedValue(undefined);
    const hook = (shared: RedisStore) =>
      createThryveWebhookHandler({
        verify: 'none',
        onEvent,
        onError: () => undefined,
        store: shared,
        storeSecret: STORE_SECRET,
      });
    const [a, b] = [hook(store()), hook(store())];
    const body = JSON.stringify({
      endUserId: FAKE_END_USER_ID,
      endUserAlias: 'hooked-user',
      type: 'notification.source.disconnect',
      data: { timestamp: 1_775_037_600_000, dataSourceId: 2 },
    });
    const post = () => new Request('http://app.test/hook', { method: 'POST', body });
    expect((await a(post())).status).toBe(500);
    expect((await b(post())).status).toBe(204);
    expect((await a(post())).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('keeps no alias, token or secret readable: keys are prefixed HMACs in a hash tag, each with an expiry', async () => {
    const handler = instance(store('readable:'));
    await handler(session('Readable-Alias-77'));
    await handler.prefetch({ alias: 'Readable-Alias-77' }, { userKey: 'host-user-key-77' });
    const keys = await inspect.keys('readable:*');
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      expect(key).toMatch(/^readable:\{(eu|rl|wh):[A-Za-z0-9_-]{43}\}$/);
      expect(await inspect.pttl(key)).toBeGreaterThan(0);
    }
    const all = (await everything()).join('\n');
    for (const secret of [
      'Readable-Alias-77',
      'readable-alias-77',
      'hooked-user',
      FAKE_END_USER_ID,
      'host-user-key-77',
      STORE_SECRET,
      ...Object.values(CREDENTIALS),
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('given Redis killed during load', () => {
  it('keeps serving within the deadline, with limits kept per instance meanwhile, reports it, and uses Redis again once it is back', async () => {
    const errors: unknown[] = [];
    const shared = store('outage:');
    const handler = instance(shared, { onError: (error) => errors.push(error) });
    const answered: { status: number; ms: number }[] = [];
    let running = true;
    const load = (async () => {
      for (let round = 0; running; round++) {
        await Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            const started = Date.now();
            const response = await handler(session(`load-${round % 5}-${i}`));
            answered.push({ status: response.status, ms: Date.now() - started });
          }),
        );
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const duringOutage = answered.length;
    await redis.start();
    // The client reconnects on its own; the store is used again as soon as it has.
    await vi.waitFor(async () => expect((await inspect.keys('outage:*')).length).toBeGreaterThan(0), {
      timeout: 5_000,
      interval: 100,
    });
    running = false;
    await load;
    expect(answered.length).toBeGreaterThan(duringOutage);
    expect(answered.filter((answer) => answer.status >= 500)).toEqual([]);
    // The policy: served (200), or refused by a limit kept in this process meanwhile (429); never a 5xx.
    expect(answered.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    expect(answered.slice(0, duringOutage).filter((answer) => answer.status === 200).length).toBeGreaterThan(
      0,
    );
    // The route deadline is the client's 10 s; nothing came near it.
    expect(Math.max(...answered.map((answer) => answer.ms))).toBeLessThan(2_000);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(String((errors[0] as Error).message)).toMatch(/store is unavailable/);
  });
});
