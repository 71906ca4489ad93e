// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  applyConnectionsSeed,
  connectionsOptions,
  connectionsQueryKey,
  createThryveConnect,
  getDataSourceFlow,
  isSeedFor,
  seedConnections,
  seedSession,
  sessionQueryKey,
} from '../src/index.js';
import { backend, widgetUrl } from './support/controllerKit.js';

describe('a user handle', () => {
  it('is one object per user until another user signs in, then retired for good', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    const alice = thryve.forUser('alice');
    expect(thryve.forUser('alice')).toBe(alice);
    thryve.setUser('alice');
    expect(alice.active).toBe(true);
    thryve.setUser('bob');
    expect(alice.active).toBe(false);
    expect(thryve.forUser('alice')).not.toBe(alice);
    expect(getDataSourceFlow(alice, 1).status).toBe('idle');
  });

  it('owns its keys: the session and statuses of one user are never under another', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    expect(thryve.forUser('alice').sessionOptions('de').queryKey).toEqual(sessionQueryKey('alice', 'de'));
    expect(connectionsOptions(thryve.forUser('alice')).queryKey).toEqual(connectionsQueryKey('alice'));
    expect(thryve.forUser('alice').queryKey).toEqual(['thryve-connect', 'alice']);
  });
});

describe('seeds', () => {
  const connections = { connectedSources: [{ dataSource: 1, connectedAt: null }] };

  it('apply only to the user and locale they were fetched for', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    const initialSession = seedSession({ url: widgetUrl() }, { userKey: 'alice', locale: 'en' });
    const initialConnections = seedConnections(connections, { userKey: 'alice' });
    expect(thryve.forUser('bob').seed({ initialSession }, 'en')).toEqual({ session: false });
    expect(applyConnectionsSeed(thryve.forUser('bob'), initialConnections)).toBe(false);
    expect(thryve.forUser('alice').seed({ initialSession }, 'de')).toEqual({ session: false });
    expect(thryve.queryClient.getQueryData(sessionQueryKey('alice', 'de'))).toBeUndefined();
    expect(thryve.forUser('alice').seed({ initialSession }, 'en')).toEqual({ session: true });
    expect(applyConnectionsSeed(thryve.forUser('alice'), initialConnections)).toBe(true);
  });

  it('pass the validation a fetched session passes: one with too little life left is dropped', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher, now: () => 1_000_000 });
    const seed = (expiresAt: number) =>
      seedSession({ url: widgetUrl(), expiresAt }, { userKey: 'alice', locale: 'en' });
    expect(thryve.forUser('alice').seed({ initialSession: seed(1_014_999) }, 'en').session).toBe(false);
    expect(thryve.forUser('alice').seed({ initialSession: seed(1_015_000) }, 'en').session).toBe(true);
  });

  it('without a tag, are never applied: nobody can tell whose they are', () => {
    const thryve = createThryveConnect({ fetcher: backend().fetcher });
    expect(thryve.forUser('alice').seed({ initialSession: { url: widgetUrl() } } as never, 'en')).toEqual({
      session: false,
    });
    expect(applyConnectionsSeed(thryve.forUser('alice'), connections as never)).toBe(false);
  });

  it("name exactly what they were given, and a malformed tag is nobody's", () => {
    const url = widgetUrl();
    expect(seedSession({ url }, { userKey: 'alice', locale: 'en' })).not.toHaveProperty('expiresAt');
    expect(seedSession({ url, expiresAt: 5 }, { userKey: 'alice', locale: 'en' }).expiresAt).toBe(5);
    const connectionsSeed = seedConnections(connections, { userKey: 'alice' });
    expect(isSeedFor(connectionsSeed, 'alice')).toBe(true); // no locale: connections have none
    expect(isSeedFor(connectionsSeed, 'alice', 'de')).toBe(false);
    for (const seededFor of [null, 'alice', 7, {}]) {
      expect(isSeedFor({ ...connections, seededFor }, 'alice')).toBe(false);
    }
    expect(isSeedFor(undefined, 'alice')).toBe(false);
  });

  it('carry no user id, only its fingerprint', () => {
    const seed = seedSession({ url: widgetUrl() }, { userKey: 'alice@example.com', locale: 'en' });
    expect(JSON.stringify(seed)).not.toContain('alice');
  });
});
