import { isDataSourceId } from './dataSources.js';
import { fingerprintToken } from './fingerprintToken.js';
import type { NewPendingAction, PendingAction } from './PendingAction.js';
import { DEFAULT_PENDING_MAX_AGE_MS } from './parseConnectionResult.js';
import { userFingerprint } from './seeds.js';

/** The minimal Storage surface the store needs (sessionStorage fits). */
export interface PendingActionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Options of {@link createPendingActionStore}. */
export interface PendingActionStoreOptions {
  /** Storage to use. Default: `sessionStorage` when usable, else memory (private modes, servers, sandboxed frames). */
  storage?: PendingActionStorage | undefined;
  /** Storage key. Default `thryve-connect:pending-action`. */
  key?: string;
  /** Older entries are dropped on read. Default 30 minutes. */
  maxAgeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Remembers one started connect/revoke across a full-page redirect and hands it out once, to the user
 * who started it only: an action of another user is never returned, and is forgotten when seen.
 */
export interface PendingActionStore {
  /** Remembers the action (replacing any earlier one). Token and user are stored only as fingerprints. */
  save(action: NewPendingAction): PendingAction;
  /** `userKey`'s remembered action, without consuming it. */
  peek(userKey: string): PendingAction | null;
  /** `userKey`'s remembered action, removed: a second call returns `null`. */
  take(userKey: string): PendingAction | null;
  /** Forgets the remembered action. */
  clear(): void;
}

/** A clock may run a little behind another tab's; an action dated further ahead is forged. */
const FUTURE_TOLERANCE_MS = 60_000;

function memoryStorage(): PendingActionStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function defaultStorage(): PendingActionStorage | undefined {
  try {
    // Access can throw (blocked storage), writes can (quota, private mode), and it may not exist at
    // all (a server): one probe covers all three.
    const storage = globalThis.sessionStorage;
    const probe = '__thryve-connect-probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

function isPendingAction(value: unknown): value is PendingAction {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.owner === 'string' &&
    (v.action === 'connect' || v.action === 'revoke') &&
    isDataSourceId(v.dataSource) &&
    typeof v.tokenFingerprint === 'string' &&
    Number.isFinite(v.startedAt) // false for anything but a finite number
  );
}

/**
 * A pending-action store: sessionStorage (one tab, survives the redirect), an in-memory fallback,
 * safe to create on the server (storage is resolved on first use, not at import).
 */
export function createPendingActionStore(options: PendingActionStoreOptions = {}): PendingActionStore {
  const {
    key = 'thryve-connect:pending-action',
    maxAgeMs = DEFAULT_PENDING_MAX_AGE_MS,
    now = Date.now,
  } = options;
  let storage: PendingActionStorage | undefined = options.storage;
  const resolve = (): PendingActionStorage => {
    storage ??= defaultStorage() ?? memoryStorage();
    return storage;
  };
  const read = (userKey: string): PendingAction | null => {
    let raw: string | null = null;
    try {
      raw = resolve().getItem(key);
    } catch {
      // An unusable storage remembers nothing.
    }
    if (raw === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // Unreadable: forgotten below, like any other entry that is not an action.
    }
    // Another user's, unreadable, too old or dated in the future: forgotten, never handed out.
    const age = isPendingAction(value) ? now() - value.startedAt : Number.NaN;
    if (
      !isPendingAction(value) ||
      value.owner !== userFingerprint(userKey) ||
      !(age <= maxAgeMs && age >= -FUTURE_TOLERANCE_MS)
    ) {
      remove();
      return null;
    }
    return value;
  };
  const remove = () => {
    try {
      resolve().removeItem(key);
    } catch {
      // Nothing to clean up if storage is unusable.
    }
  };
  return {
    save(input) {
      const action: PendingAction = {
        owner: userFingerprint(input.userKey),
        action: input.action,
        dataSource: input.dataSource,
        tokenFingerprint: fingerprintToken(input.token),
        startedAt: input.startedAt ?? now(),
      };
      try {
        resolve().setItem(key, JSON.stringify(action));
      } catch {
        // Quota or a storage that refuses writes: fall back to memory for the rest of this page.
        storage = memoryStorage();
        storage.setItem(key, JSON.stringify(action));
      }
      return action;
    },
    peek: read,
    take(userKey) {
      const action = read(userKey);
      remove(); // nothing else may be stored under the key: read forgets whatever it does not return
      return action;
    },
    clear: remove,
  };
}
