import type { ThryveTakeResult, ThryveTokenBucket } from '../ThryveStore.js';

/** A bucket's state: its tokens at `at` (milliseconds). */
export interface BucketState {
  tokens: number;
  at: number;
}

/**
 * One take from a token bucket at `now`: the new state and the decision. The Redis store's Lua script
 * is the same arithmetic (src/redis/createRedisStore.ts).
 */
export function takeTokens(
  state: BucketState | undefined,
  bucket: ThryveTokenBucket,
  cost: number,
  now: number,
): { state: BucketState; result: ThryveTakeResult } {
  const perMs = bucket.refillPerSecond / 1000;
  const need = Math.min(cost, bucket.capacity);
  const tokens =
    state === undefined
      ? bucket.capacity
      : Math.min(bucket.capacity, state.tokens + Math.max(0, now - state.at) * perMs);
  if (tokens >= need) {
    return { state: { tokens: tokens - need, at: now }, result: { allowed: true, retryAfterMs: 0 } };
  }
  return {
    state: { tokens, at: now },
    result: { allowed: false, retryAfterMs: Math.ceil((need - tokens) / perMs) },
  };
}

/** How long a bucket must be kept: until it would be full again. */
export function bucketTtlMs(bucket: ThryveTokenBucket): number {
  return Math.ceil((bucket.capacity / bucket.refillPerSecond) * 1000) + 1000;
}
