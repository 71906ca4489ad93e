/**
 * A token bucket: `capacity` tokens at most, refilled at `refillPerSecond`. A request takes its cost in
 * tokens, or is refused until enough have come back.
 */
export interface ThryveTokenBucket {
  /** The largest burst: how many tokens a full bucket holds. */
  capacity: number;
  /** The sustained rate: tokens added back per second, up to `capacity`. */
  refillPerSecond: number;
}

/** What {@link ThryveStore.take} decided. */
export interface ThryveTakeResult {
  /** Whether the tokens were taken (the request may go on). */
  allowed: boolean;
  /** When refused: milliseconds until the bucket holds the cost again; `0` when allowed. */
  retryAfterMs: number;
}

/**
 * Where the proxy keeps what its instances share: the end-user id cache, the rate-limit buckets and
 * the webhook deliveries already handled. `createMemoryStore()` (one process, the default) and
 * `createRedisStore()` from `@thryve-connect/server/redis` implement it; any shared key-value service
 * can (a REST one for serverless and edge runtimes, for example).
 *
 * The handler hands over opaque keys (`eu:…`, `rl:…`, `wh:…` followed by an HMAC made with the
 * handler's `storeSecret`) and values it has already encrypted: a store sees no alias, token or
 * secret, and needs no cryptography of its own. A store only adds its namespace (a prefix).
 *
 * Every method must settle quickly: reject rather than wait (no offline queue, a short timeout). The
 * handler treats a rejection as "the store is unavailable": a cache miss, a limit checked in this
 * process only, a delivery not known as handled; it reports the failure to `onError`.
 */
export interface ThryveStore {
  /** The value stored under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Removes `key`. */
  delete(key: string): Promise<void>;
  /**
   * Takes `cost` tokens from the bucket under `key`, atomically across every instance using the store.
   * A bucket never seen is full. The store keeps a bucket at least until it would be full again
   * (`capacity / refillPerSecond` seconds after its last take) and may forget it after that: a
   * forgotten bucket reads as full, which it would be. Time must come from one clock (the store's),
   * never from each instance's.
   */
  take(key: string, bucket: ThryveTokenBucket, cost: number): Promise<ThryveTakeResult>;
}
