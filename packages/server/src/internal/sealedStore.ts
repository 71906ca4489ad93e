import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ThryveStore, ThryveTakeResult, ThryveTokenBucket } from '../ThryveStore.js';

/** The shortest `storeSecret` accepted: 32 characters, about 190 bits from a password generator. */
export const MIN_STORE_SECRET_LENGTH = 32;

/** How long the handler waits for any store call before treating the store as unavailable. */
const STORE_DEADLINE_MS = 1_000;

/** What the handler and the webhook route keep in a store: namespaced, keyed by HMAC, values encrypted. */
export interface SealedStore {
  /** An opaque key: `kind:` and the HMAC of `data` (never `data` itself). */
  key(kind: 'eu' | 'rl' | 'wh' | 'fr', data: string): string;
  /** The decrypted value under `key`; `undefined` when missing, unreadable, or sealed with another secret. */
  get(key: string): Promise<string | undefined>;
  /** Encrypts `value` (bound to `key`, so it cannot be moved to another key) and stores it. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  take(key: string, bucket: ThryveTokenBucket, cost: number): Promise<ThryveTakeResult>;
}

function withDeadline<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The store did not answer within ${STORE_DEADLINE_MS} ms.`)),
      STORE_DEADLINE_MS,
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Checks a store secret: `undefined` (the default memory store) gets a random one for this process;
 * a shared store needs the same secret on every instance, so it must be given.
 */
export function storeSecretOf(secret: unknown, shared: boolean, who: string): string {
  if (secret === undefined && !shared) return randomBytes(32).toString('base64url');
  if (typeof secret !== 'string' || secret.length < MIN_STORE_SECRET_LENGTH) {
    throw new TypeError(
      `${who}: a shared "store" needs "storeSecret", a random string of at least ${MIN_STORE_SECRET_LENGTH} characters, the same on every instance (it keys and encrypts what the store holds).`,
    );
  }
  return secret;
}

/** Wraps `store` so that nothing in it leads to a user or to Thryve without `secret`. */
export function sealStore(store: ThryveStore, secret: string): SealedStore {
  // Two keys from one secret: one for the HMAC of keys, one for AES-256-GCM of values.
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'thryve-connect', info, 32));
  const macKey = derive('store keys');
  const encKey = derive('store values');

  return {
    key(kind, data) {
      return `${kind}:${createHmac('sha256', macKey).update(`${kind}\0${data}`).digest('base64url')}`;
    },
    async get(key) {
      const sealed = await withDeadline(store.get(key));
      if (typeof sealed !== 'string') return undefined;
      try {
        const bytes = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', encKey, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(key));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return Buffer.concat([
          decipher.update(bytes.subarray(12, bytes.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // Sealed with another secret (a rotation) or tampered with: a miss, never a wrong answer.
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(key));
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      await withDeadline(
        store.set(key, Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'), ttlMs),
      );
    },
    async delete(key) {
      await withDeadline(store.delete(key));
    },
    async take(key, bucket, cost) {
      return withDeadline(store.take(key, bucket, cost));
    },
  };
}
