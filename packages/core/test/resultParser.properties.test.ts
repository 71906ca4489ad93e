// Properties of the result parser over 1,000 generated redirect URLs each: it never throws, and it
// reports success only for exactly one token, one data source and one `connected`, matching the
// pending action.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintToken, type PendingAction, parseConnectionResult } from '../src/index.js';

const RUNS = { numRuns: 1_000 };
const TOKEN = '1060285265X4247109939067552841';
const NOW = 1_775_037_600_000;

const param = fc.oneof(
  fc.constantFrom(
    `token=${TOKEN}`,
    'token=other-token',
    'token=',
    'dataSource=1',
    'dataSource=2',
    'dataSource=abc',
  ),
  fc.constantFrom(
    'connected=true',
    'connected=false',
    'connected=',
    'tab=2',
    'connected=TRUE',
    'dataSource=01',
  ),
  fc
    .tuple(fc.constantFrom('token', 'dataSource', 'connected', 'x'), fc.string())
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`),
);
const pending = fc.record({
  action: fc.constantFrom('connect' as const, 'revoke' as const),
  dataSource: fc.constantFrom(1, 2),
  tokenFingerprint: fc.constantFrom(fingerprintToken(TOKEN), fingerprintToken('other-token')),
  startedAt: fc.integer({ min: NOW - 40 * 60_000, max: NOW + 2 * 60_000 }),
});

describe('parseConnectionResult over generated redirect URLs', () => {
  it('never throws, and succeeds only on one of each parameter that matches the pending action', () => {
    fc.assert(
      fc.property(fc.array(param, { maxLength: 8 }), fc.option(pending, { nil: null }), (params, action) => {
        const url = `https://app.example/back?${params.join('&')}`;
        const result = parseConnectionResult(url, action as PendingAction | null, { now: NOW });
        if (result.status !== 'connected' && result.status !== 'revoked' && result.status !== 'failed')
          return;
        const query = new URL(url).searchParams;
        for (const name of ['token', 'dataSource', 'connected']) expect(query.getAll(name)).toHaveLength(1);
        expect(action).not.toBeNull();
        expect(fingerprintToken(query.get('token') ?? '')).toBe(action?.tokenFingerprint);
        expect(Number(query.get('dataSource'))).toBe(action?.dataSource);
        expect(result.action).toBe(action?.action);
        const connected = query.get('connected') === 'true';
        if (result.status === 'connected') expect([action?.action, connected]).toEqual(['connect', true]);
        if (result.status === 'revoked') expect([action?.action, connected]).toEqual(['revoke', false]);
      }),
      RUNS,
    );
  });

  it('reads any URL with a result parameter twice as malformed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('token', 'dataSource', 'connected'),
        fc.constantFrom(`token=${TOKEN}`, 'token=x-1'),
        fc.array(param, { maxLength: 4 }),
        fc.string(),
        (twice, token, rest, value) => {
          const base = [token, 'dataSource=1', 'connected=true', ...rest];
          const url = `https://app.example/back?${[...base, `${twice}=${encodeURIComponent(value)}`].join('&')}`;
          const action: PendingAction = {
            owner: 'x',
            action: 'connect',
            dataSource: 1,
            tokenFingerprint: fingerprintToken(TOKEN),
            startedAt: NOW,
          };
          expect(parseConnectionResult(url, action, { now: NOW })).toMatchObject({
            status: 'unmatched',
            reason: 'malformed',
          });
        },
      ),
      RUNS,
    );
  });
});
