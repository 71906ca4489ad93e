import { type BucketState, bucketTtlMs, takeTokens } from './internal/tokenBucket.js';
import type { ThryveStore } from './ThryveStore.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The most entries kept (cached ids, buckets and handled deliveries together); the least recently
   * used goes first. Default 10 000, a few megabytes at most.
   */
  maxEntries?: number | undefined;
}

type Entry = { value: string | BucketState; expires: number };

/**
 * The default {@link ThryveStore}: this process's memory, bounded. Right for one instance; with many,
 * each keeps its own cache and limits (use `@thryve-connect/server/redis`).
 *
 * @example createThryveConnectHandler({ client, getEndUser, store: createMemoryStore({ maxEntries: 50_000 }) })
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ThryveStore {
  const max = options.maxEntries ?? 10_000;
  if (!Number.isInteger(max) || max < 1) {
    throw new TypeError('createMemoryStore: "maxEntries" must be a positive integer.');
  }
  const entries = new Map<string, Entry>();

  function read(key: string, now: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    entries.delete(key);
    if (entry.expires <= now) return undefined;
    entries.set(key, entry); // most recently used last
    return entry;
  }

  function write(key: string, value: Entry['value'], ttlMs: number, now: number): void {
    entries.delete(key);
    entries.set(key, { value, expires: now + ttlMs });
    // Maps iterate in insertion order: the first key is the least recently used.
    while (entries.size > max) entries.delete(entries.keys().next().value as string);
  }

  return {
    async get(key) {
      const value = read(key, Date.now())?.value;
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs, Date.now());
    },
    async delete(key) {
      entries.delete(key);
    },
    async take(key, bucket, cost) {
      const now = Date.now();
      const held = read(key, now)?.value;
      const { state, result } = takeTokens(typeof held === 'object' ? held : undefined, bucket, cost, now);
      write(key, state, bucketTtlMs(bucket), now);
      return result;
    },
  };
}
