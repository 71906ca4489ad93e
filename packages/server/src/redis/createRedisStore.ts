import { createHash } from 'node:crypto';
import { Cluster, type ClusterNode, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import { bucketTtlMs } from '../internal/tokenBucket.js';
import type { ThryveStore } from '../ThryveStore.js';

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * Where Redis is: a `redis://` or `rediss://` URL, or ioredis options (`{ path }` for a unix
   * socket). The store makes its own client, so that its timeout and queueing are the store's.
   */
  redis?: string | RedisOptions | undefined;
  /** A Redis Cluster instead: its seed nodes and ioredis cluster options. */
  cluster?: { nodes: ClusterNode[]; options?: ClusterOptions | undefined } | undefined;
  /** Put before every key, to share a Redis with other apps. Default `thryve-connect:`. */
  prefix?: string | undefined;
  /**
   * How long one command may take before it fails, in milliseconds. Default 250: a request goes on
   * without the store rather than wait for it.
   */
  commandTimeoutMs?: number | undefined;
}

/** A {@link ThryveStore} on Redis, and its client's lifecycle. */
export interface RedisStore extends ThryveStore {
  /** Closes the connection (after the commands already sent). */
  close(): Promise<void>;
}

/**
 * One take from a token bucket, atomically, on Redis's own clock (`TIME`): the arithmetic of
 * src/internal/tokenBucket.ts. The expiry is set in the same script, so no bucket is left without one.
 * KEYS[1] the bucket; ARGV capacity, refill per second, cost, expiry in ms. Returns {allowed, wait ms}.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000
local need = math.min(tonumber(ARGV[3]), capacity)
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if held[1] and held[2] then
  tokens = math.min(capacity, tonumber(held[1]) + math.max(0, now - tonumber(held[2])) * perMs)
end
local allowed = 0
local wait = 0
if tokens >= need then
  tokens = tokens - need
  allowed = 1
else
  wait = math.ceil((need - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {allowed, wait}
`;
const TAKE_SHA = createHash('sha1').update(TAKE).digest('hex');

/**
 * A {@link ThryveStore} on Redis (ioredis, an optional peer dependency), for a proxy on many
 * instances: one end-user id cache, one set of limits and one record of handled webhooks.
 *
 * - Every key is `prefix` + `{key}`: the braces are a hash tag, so each key (every operation touches
 *   one) lands whole on one slot and the store works on Redis Cluster.
 * - Limits are one Lua script using Redis's `TIME`, expiry set inside it.
 * - Commands fail after `commandTimeoutMs` and are never queued while disconnected: the handler then
 *   goes on without the store (a cache miss, limits per instance) and reports to `onError`. The client
 *   reconnects in the background, and the next command after that uses Redis again.
 *
 * Keys and values arrive HMAC'd and encrypted by the handler (its `storeSecret`): nothing here is
 * readable as an alias, a Thryve token or a secret.
 *
 * @example
 * const store = createRedisStore({ redis: process.env.REDIS_URL });
 * createThryveConnectHandler({ client, getEndUser, store, storeSecret: process.env.THRYVE_STORE_SECRET });
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const prefix = options.prefix ?? 'thryve-connect:';
  const commandTimeout = options.commandTimeoutMs ?? 250;
  if (!Number.isFinite(commandTimeout) || commandTimeout <= 0) {
    throw new TypeError('createRedisStore: "commandTimeoutMs" must be a positive number.');
  }
  if ((options.redis === undefined) === (options.cluster === undefined)) {
    throw new TypeError('createRedisStore: pass { redis } (a URL or ioredis options) or { cluster }.');
  }
  // Fail fast instead of queueing: no offline queue, no resend of what was in flight on a reconnect.
  const own = {
    commandTimeout,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  } satisfies RedisOptions;
  const client: Redis | Cluster =
    options.cluster !== undefined
      ? new Cluster(options.cluster.nodes, {
          ...options.cluster.options,
          enableOfflineQueue: false,
          redisOptions: { ...options.cluster.options?.redisOptions, ...own },
        })
      : typeof options.redis === 'string'
        ? new Redis(options.redis, own)
        : new Redis({ ...options.redis, ...own });
  // Failures reach the handler through the commands; without a listener ioredis would print each one.
  client.on('error', () => undefined);
  const full = (key: string) => `${prefix}{${key}}`;
  let everReady = false;
  client.once('ready', () => {
    everReady = true;
  });

  /**
   * A fresh store waits for its first connection, up to one command timeout: the first requests of a
   * new instance would otherwise all run without it. Once connected, a lost connection fails at once.
   */
  async function connected(): Promise<void> {
    if (everReady || client.status === 'ready') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Redis is not connected yet.')), commandTimeout);
      client.once('ready', resolve);
    }).finally(() => clearTimeout(timer));
  }

  async function take(key: string, args: (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(TAKE_SHA, 1, key, ...args);
    } catch (error) {
      if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(TAKE, 1, key, ...args);
    }
  }

  return {
    async get(key) {
      await connected();
      return (await client.get(full(key))) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await connected();
      await client.set(full(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(key) {
      await connected();
      await client.del(full(key));
    },
    async take(key, bucket, cost) {
      await connected();
      const reply = await take(full(key), [
        bucket.capacity,
        bucket.refillPerSecond,
        cost,
        bucketTtlMs(bucket),
      ]);
      const [allowed, wait] = reply as [number, number];
      return { allowed: allowed === 1, retryAfterMs: Number(wait) };
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
