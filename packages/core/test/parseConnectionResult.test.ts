import { describe, expect, it } from 'vitest';
import {
  createPendingActionStore,
  fingerprintToken,
  type PendingActionStorage,
  parseConnectionResult,
  removeConnectionResultParams,
} from '../src/index.js';

const TOKEN = '1060285265X4247109939067552841';
const back = (query: string) => `https://app.example/devices?tab=2&${query}`;

function memory(): PendingActionStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('parseConnectionResult', () => {
  it('says none for a URL without a result', () => {
    expect(parseConnectionResult('https://app.example/devices?tab=2', null)).toEqual({ status: 'none' });
  });

  it('never reports success without a pending action', () => {
    expect(parseConnectionResult(back(`token=${TOKEN}&dataSource=1&connected=true`), null)).toMatchObject({
      status: 'unmatched',
      reason: 'no_pending_action',
    });
  });

  it('refuses a stale pending action, another source, another token and malformed params', () => {
    const store = createPendingActionStore({ storage: memory() });
    const pending = store.save({
      userKey: 'user-a',
      action: 'connect',
      dataSource: 1,
      token: TOKEN,
      startedAt: Date.now() - 31 * 60_000,
    });
    expect(parseConnectionResult(back(`token=${TOKEN}&dataSource=1&connected=true`), pending)).toMatchObject({
      reason: 'stale',
    });
    const fresh = store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    expect(parseConnectionResult(back(`token=${TOKEN}&dataSource=2&connected=true`), fresh)).toMatchObject({
      reason: 'data_source_mismatch',
    });
    expect(parseConnectionResult(back('token=other1234&dataSource=1&connected=true'), fresh)).toMatchObject({
      reason: 'token_mismatch',
    });
    expect(parseConnectionResult(back(`token=${TOKEN}&dataSource=1&connected=maybe`), fresh)).toMatchObject({
      reason: 'malformed',
    });
  });

  it('removes only Thryve result parameters from the address', () => {
    expect(removeConnectionResultParams(back(`token=${TOKEN}&dataSource=1&connected=true`))).toBe(
      'https://app.example/devices?tab=2',
    );
  });
});

describe('createPendingActionStore', () => {
  it('stores a fingerprint, never the token, and hands the action out exactly once', () => {
    const storage = memory();
    const store = createPendingActionStore({ storage });
    store.save({ userKey: 'user-a', action: 'revoke', dataSource: 8, token: TOKEN });
    const raw = [...storage.map.values()].join('');
    expect(raw).not.toContain(TOKEN);
    expect(raw).toContain(fingerprintToken(TOKEN));
    expect(store.peek('user-a')).toMatchObject({ action: 'revoke', dataSource: 8 });
    expect(store.take('user-a')).toMatchObject({ action: 'revoke', dataSource: 8 });
    expect(store.take('user-a')).toBeNull();
  });

  it('drops expired and corrupted entries instead of trusting them', () => {
    let now = 1_000_000;
    const storage = memory();
    const store = createPendingActionStore({ storage, now: () => now, maxAgeMs: 1_000 });
    store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    now += 1_001;
    expect(store.peek('user-a')).toBeNull();
    storage.setItem('thryve-connect:pending-action', '{not json');
    expect(store.peek('user-a')).toBeNull();
    storage.setItem('thryve-connect:pending-action', JSON.stringify({ action: 'delete-all', dataSource: 1 }));
    expect(store.peek('user-a')).toBeNull();
  });

  it('falls back to memory when storage refuses writes', () => {
    const store = createPendingActionStore({
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
        removeItem: () => {},
      },
    });
    store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    expect(store.take('user-a')).toMatchObject({ action: 'connect' });
  });
});

describe('fingerprintToken', () => {
  it('is deterministic, differs between tokens and does not contain the token', () => {
    expect(fingerprintToken(TOKEN)).toBe(fingerprintToken(TOKEN));
    expect(fingerprintToken(TOKEN)).not.toBe(fingerprintToken(`${TOKEN}1`));
    expect(fingerprintToken(TOKEN)).not.toContain(TOKEN.slice(0, 8));
  });
});
