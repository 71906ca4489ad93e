// The form routes' pieces one by one: the page-address check, the form body, the clicks and the flash.
// The routes' tests (forms.test.ts) drive them through HTTP; these pin each boundary.
import { fingerprintToken } from '@thryve-connect/core';
import { describe, expect, it } from 'vitest';
import { parseFormBody } from '../src/internal/formBody.js';
import {
  addClick,
  CLICK_MAX_AGE_MS,
  type Click,
  FLASH_MAX_AGE_MS,
  MAX_CLICKS,
  matchReturn,
  newFlash,
  openClicks,
  openFlash,
  sealClicks,
  sealFlash,
  userTag,
} from '../src/internal/formState.js';
import { checkReturnAddress, MAX_RETURN_LENGTH } from '../src/internal/returnAddress.js';
import { seal } from '../src/internal/signedCookie.js';

const SECRET = 'state-secret-state-secret-state-secret-0123';
const ORIGINS = new Set(['http://app.test']);
const NOW = 1_800_000_000_000;
const refused = (value: string) =>
  expect(() => checkReturnAddress(value, ORIGINS)).toThrow(/page to come back/);

describe('checkReturnAddress', () => {
  it.each([
    '\u0000',
    '\u001f',
    ' ',
    '\u007f',
    '\u0085',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u200b',
    '\u200f',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
    '\u3000',
    '\ufeff',
    '\\',
  ])('refuses a path with the character U+%s', (char) => {
    refused(`/devices${char}x`);
  });

  it.each(['!', '~', '\u00a1', '\u2010', '\u2030', 'é'])('keeps a path with %s', (char) => {
    expect(checkReturnAddress(`/a${char}`, ORIGINS)).toBe(new URL(`/a${char}`, 'http://x').pathname);
  });

  it('takes a path up to the length limit and not beyond', () => {
    const longest = `/${'a'.repeat(MAX_RETURN_LENGTH - 1)}`;
    expect(checkReturnAddress(longest, ORIGINS)).toBe(longest);
    refused(`${longest}a`);
  });

  it('keeps the query and the fragment of a path', () => {
    expect(checkReturnAddress('/d?tab=1#top', ORIGINS)).toBe('/d?tab=1#top');
  });

  it('takes an absolute address on an allowed origin as given, and no other', () => {
    expect(checkReturnAddress('http://app.test/d?x=1', ORIGINS)).toBe('http://app.test/d?x=1');
    for (const value of [
      'https://app.test/d',
      'ftp://app.test/d',
      'http://user@app.test/d',
      'http://:secret@app.test/d',
      'http://',
      'app.test/d',
    ]) {
      refused(value);
    }
  });
});

describe('parseFormBody', () => {
  it('reads a source id only when it is 1 to 15 digits', () => {
    expect(parseFormBody('dataSource=42').dataSource).toBe(42);
    expect(parseFormBody(`dataSource=${'9'.repeat(15)}`).dataSource).toBe(999_999_999_999_999);
    for (const raw of ['', '1a', 'a1', '-1', '1.5', '1e3', '9'.repeat(16), ' 1']) {
      expect(parseFormBody(`dataSource=${encodeURIComponent(raw)}`).dataSource).toBeUndefined();
    }
  });

  it('reads an empty or missing returnTo as none', () => {
    expect(parseFormBody('returnTo=').returnTo).toBeUndefined();
    expect(parseFormBody('').returnTo).toBeUndefined();
    expect(parseFormBody('returnTo=%2Fd').returnTo).toBe('/d');
  });
});

const click = (overrides: Partial<Click> = {}): Click => ({
  fingerprint: fingerprintToken('token-1'),
  dataSource: 1,
  user: 'tag-a',
  returnTo: '/devices',
  startedAt: NOW,
  ...overrides,
});

describe('the clicks cookie', () => {
  it('keeps clicks from the last 30 minutes, and none more than a minute ahead', () => {
    const clicks = [
      click({ startedAt: NOW - CLICK_MAX_AGE_MS }),
      click({ startedAt: NOW - CLICK_MAX_AGE_MS - 1 }),
      click({ startedAt: NOW + 60_000 }),
      click({ startedAt: NOW + 60_001 }),
    ];
    expect(openClicks(SECRET, sealClicks(SECRET, clicks), NOW).map((kept) => kept.startedAt)).toEqual([
      NOW - CLICK_MAX_AGE_MS,
      NOW + 60_000,
    ]);
  });

  it.each([
    ['fingerprint', 1],
    ['dataSource', 0],
    ['dataSource', '1'],
    ['user', null],
    ['returnTo', 5],
    ['startedAt', String(NOW)],
  ])('drops a click whose %s is %j', (field, value) => {
    const clicks = [click(), { ...click(), [field]: value }];
    expect(openClicks(SECRET, seal(SECRET, 'clicks', clicks), NOW)).toEqual([click()]);
  });

  it('reads nothing from a cookie that is not a list, or not signed for clicks', () => {
    expect(openClicks(SECRET, seal(SECRET, 'clicks', { 0: click() }), NOW)).toEqual([]);
    expect(openClicks(SECRET, seal(SECRET, 'clicks', null), NOW)).toEqual([]);
    expect(openClicks(SECRET, seal(SECRET, 'flash', [click()]), NOW)).toEqual([]);
  });

  it(`holds the newest ${MAX_CLICKS} clicks`, () => {
    const many = Array.from({ length: MAX_CLICKS + 2 }, (_, at) => click({ dataSource: at + 1 }));
    expect(openClicks(SECRET, seal(SECRET, 'clicks', many), NOW)).toEqual(many.slice(-MAX_CLICKS));
    expect(many.reduce<Click[]>((list, next) => addClick(list, next), [])).toEqual(many.slice(-MAX_CLICKS));
  });
});

describe('matchReturn', () => {
  const back = (query: string) => new URL(`http://app.test/api/thryve/return?${query}`);

  it("reads this user's click and clears it", () => {
    const other = click({ dataSource: 2 });
    const match = matchReturn(
      back('token=token-1&dataSource=1&connected=true'),
      [other, click()],
      'tag-a',
      NOW,
    );
    expect(match).toEqual({
      result: { status: 'connected', action: 'connect', dataSource: 1 },
      click: click(),
      remaining: [other],
    });
  });

  it('reads a stale click through core, as parseConnectionResult does', () => {
    const old = click({ startedAt: NOW - CLICK_MAX_AGE_MS - 1 });
    expect(
      matchReturn(back('token=token-1&dataSource=1&connected=true'), [old], 'tag-a', NOW).result,
    ).toEqual({
      status: 'unmatched',
      reason: 'stale',
      dataSource: 1,
    });
  });

  it.each([
    ['no parameters', '', 'malformed'],
    ['a parameter twice', 'token=token-1&dataSource=1&connected=true&connected=false', 'malformed'],
    ['another token', 'token=token-2&dataSource=1&connected=true', 'no_pending_action'],
    ['another source', 'token=token-1&dataSource=2&connected=true', 'no_pending_action'],
  ])('leaves the clicks alone for %s', (_name, query, reason) => {
    const match = matchReturn(back(query), [click()], 'tag-a', NOW);
    expect(match.result).toMatchObject({ status: 'unmatched', reason });
    expect(match.remaining).toEqual([click()]);
  });

  it("leaves another user's click, and a click with nobody signed in", () => {
    for (const user of ['tag-b', undefined]) {
      const match = matchReturn(back('token=token-1&dataSource=1&connected=true'), [click()], user, NOW);
      expect(match.result).toMatchObject({ status: 'unmatched', reason: 'no_pending_action' });
      expect(match.remaining).toEqual([click()]);
    }
  });
});

describe('the flash', () => {
  it('lives two minutes, under an id of its own', () => {
    const result = { status: 'revoked', action: 'revoke', dataSource: 1 } as const;
    const [a, b] = [newFlash(result, 'tag-a', NOW), newFlash(result, 'tag-a', NOW)];
    expect(a).toMatchObject({ result, user: 'tag-a', expiresAt: NOW + FLASH_MAX_AGE_MS });
    expect(a.id).toMatch(/^[\w-]{16}$/);
    expect(a.id).not.toBe(b.id);
    expect(openFlash(SECRET, sealFlash(SECRET, a))).toEqual({ state: 'valid', flash: a });
  });

  it.each([
    ['id', 1],
    ['user', null],
    ['expiresAt', 'soon'],
    ['result', 'connected'],
    ['result', { status: 1 }],
  ])('is invalid when its %s is %j', (field, value) => {
    const flash = { ...newFlash({ status: 'none' }, '', NOW), [field]: value };
    expect(openFlash(SECRET, seal(SECRET, 'flash', flash))).toEqual({ state: 'invalid' });
  });

  it('is missing without a cookie, and invalid with any other value', () => {
    expect(openFlash(SECRET, undefined)).toEqual({ state: 'missing' });
    expect(openFlash(SECRET, '')).toEqual({ state: 'missing' });
    expect(openFlash(SECRET, 'x.y')).toEqual({ state: 'invalid' });
    expect(openFlash(SECRET, seal(SECRET, 'flash', null))).toEqual({ state: 'invalid' });
  });
});

describe('userTag', () => {
  it('is a 22-character HMAC that tells an alias from an end-user id of the same text', () => {
    const alias = userTag(SECRET, { alias: 'x' });
    expect(alias).toMatch(/^[\w-]{22}$/);
    expect(userTag(SECRET, { endUserId: 'x' })).not.toBe(alias);
    expect(userTag(`${SECRET}!`, { alias: 'x' })).not.toBe(alias);
    expect(userTag(SECRET, { alias: 'x' })).toBe(alias);
  });
});
