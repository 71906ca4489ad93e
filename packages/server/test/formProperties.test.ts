// Properties of the form routes' parsers over generated input: the form body, the signed cookie codec,
// the page-address check and the clicks cookie. Whatever arrives, they answer or refuse with a 400,
// never throw anything else, and never let a changed byte or another origin through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormBody } from '../src/internal/formBody.js';
import {
  addClick,
  type Click,
  MAX_CLICKS,
  openClicks,
  openFlash,
  sealClicks,
} from '../src/internal/formState.js';
import { HttpError } from '../src/internal/HttpError.js';
import { checkReturnAddress } from '../src/internal/returnAddress.js';
import {
  MAX_COOKIE_LENGTH,
  readCookie,
  seal,
  serializeCookie,
  unseal,
} from '../src/internal/signedCookie.js';

const RUNS = { numRuns: 1_000 };
const SECRET = 'property-secret-property-secret-0123456789';
const OWN = 'http://app.test';
const ORIGINS = new Set([OWN, 'https://www.app.test']);

/** Runs `action`; a refusal must be a 400 HttpError, never another error. */
function outcome<T>(action: () => T): T | 'refused' {
  try {
    return action();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return 'refused';
  }
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .array(
      fc.constantFrom(
        '/',
        '\\',
        '.',
        ':',
        '@',
        '%2F',
        '%5C',
        '\t',
        '\n',
        'evil.test',
        'javascript',
        'app.test',
        '?',
        '#',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

describe('parseFormBody', () => {
  it('refuses or reads any body; what it reads is a whole number or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const fields = outcome(() => parseFormBody(text));
        if (fields === 'refused') return;
        expect(fields.dataSource === undefined || Number.isSafeInteger(fields.dataSource)).toBe(true);
        expect(fields.returnTo === undefined || fields.returnTo !== '').toBe(true);
      }),
      RUNS,
    );
  });

  it('reads back what a browser encodes, and refuses any field given twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        (id, page) => {
          const body = new URLSearchParams({ dataSource: String(id), returnTo: page }).toString();
          expect(parseFormBody(body)).toEqual({ dataSource: id, returnTo: page });
          expect(outcome(() => parseFormBody(`${body}&returnTo=%2F`))).toBe('refused');
          expect(outcome(() => parseFormBody(`${body}&dataSource=1`))).toBe('refused');
        },
      ),
      RUNS,
    );
  });
});

describe('the signed cookie codec', () => {
  const json = fc.jsonValue();

  it('opens what it sealed, for the same purpose and secret only', () => {
    fc.assert(
      fc.property(json, (value) => {
        const sealed = seal(SECRET, 'clicks', value);
        expect(sealed).toMatch(/^[\w-]+\.[\w-]+$/);
        expect(unseal(SECRET, 'clicks', sealed)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(unseal(SECRET, 'flash', sealed)).toBeUndefined();
        expect(unseal(`${SECRET}x`, 'clicks', sealed)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('opens nothing once any character is changed', () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.constantFrom(...'abcXYZ019-_.'), (value, at, replacement) => {
        const sealed = seal(SECRET, 'flash', value);
        const index = at % sealed.length;
        fc.pre(sealed[index] !== replacement);
        const changed = `${sealed.slice(0, index)}${replacement}${sealed.slice(index + 1)}`;
        expect(unseal(SECRET, 'flash', changed)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('never throws on an arbitrary cookie value or header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(unseal(SECRET, 'clicks', text)).toBeUndefined();
        expect(openClicks(SECRET, text, Date.now())).toEqual([]);
        expect(openFlash(SECRET, text).state).not.toBe('valid');
        readCookie(text, 'thryve-connect-result');
      }),
      RUNS,
    );
  });

  it('keeps the newest clicks, never more than the cookie holds', () => {
    const click = fc.record({
      fingerprint: fc.string({ maxLength: 14 }),
      dataSource: fc.integer({ min: 1, max: 60 }),
      user: fc.string({ maxLength: 22 }),
      returnTo: fc.constant('/devices'),
      startedAt: fc.constant(Date.now()),
    });
    fc.assert(
      fc.property(fc.array(click, { maxLength: 12 }), (clicks: Click[]) => {
        const kept = clicks.reduce<Click[]>((list, next) => addClick(list, next), []);
        expect(kept).toEqual(clicks.slice(-MAX_CLICKS));
        expect(openClicks(SECRET, sealClicks(SECRET, kept), Date.now())).toEqual(kept);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkReturnAddress', () => {
  it('sends the browser only to an allowed origin, whatever the address', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const location = outcome(() => checkReturnAddress(value, ORIGINS));
        if (location === 'refused') return;
        // Resolved the way a browser resolves a Location, against the app's own address.
        const target = new URL(location, `${OWN}/api/thryve/connect`);
        expect(ORIGINS.has(target.origin)).toBe(true);
        expect([...location].some((char) => char < ' ' || char === '\\')).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps a same-origin path as a path, and refuses one that normalises to //host', () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (path, query) => {
        const value = `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
        const location = outcome(() => checkReturnAddress(value, ORIGINS));
        // A dot segment may make it `//host` once normalised: refused, else still a path.
        if (location === 'refused') expect(new URL(value, OWN).pathname.startsWith('//')).toBe(true);
        else expect(location.startsWith('/') && !location.startsWith('//')).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the cookie edges', () => {
  it('reads one cookie by its exact name, trimmed, the first when it repeats', () => {
    expect(readCookie(null, 'a')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
    expect(readCookie('', 'a')).toBeUndefined();
    expect(readCookie('ab=1; a =2 ; a=3', 'a')).toBe('2');
    expect(readCookie('aX; b=1', 'a')).toBeUndefined();
    expect(readCookie('a', 'a')).toBeUndefined();
    expect(readCookie('x=1;a=v=w', 'a')).toBe('v=w');
  });

  it('opens a value up to the cookie limit and nothing longer', () => {
    const sealedOf = (length: number) => seal(SECRET, 'flash', 'a'.repeat(length));
    let n = 0;
    while (sealedOf(n).length < MAX_COOKIE_LENGTH) n += 1;
    const atLimit = sealedOf(n);
    const over = sealedOf(n + 1);
    expect(atLimit.length === MAX_COOKIE_LENGTH || over.length > MAX_COOKIE_LENGTH).toBe(true);
    if (atLimit.length === MAX_COOKIE_LENGTH) expect(unseal(SECRET, 'flash', atLimit)).toBe('a'.repeat(n));
    expect(unseal(SECRET, 'flash', over)).toBeUndefined();
    expect(unseal(SECRET, 'flash', sealedOf(n - 1))).toBe('a'.repeat(n - 1));
  });

  it('opens nothing with a shortened or missing signature, and never throws for it', () => {
    const sealed = seal(SECRET, 'clicks', [1]);
    expect(unseal(SECRET, 'clicks', sealed.slice(0, -1))).toBeUndefined();
    expect(unseal(SECRET, 'clicks', `${sealed}A`)).toBeUndefined();
    expect(unseal(SECRET, 'clicks', sealed.split('.')[0])).toBeUndefined();
    expect(unseal(SECRET, 'clicks', undefined)).toBeUndefined();
  });

  it('writes HttpOnly SameSite=Lax cookies for the whole site, Secure when asked', () => {
    expect(serializeCookie('n', 'v', { secure: false, maxAgeSeconds: 60 })).toBe(
      'n=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax',
    );
    expect(serializeCookie('n', 'v', { secure: true, maxAgeSeconds: 0 })).toBe(
      'n=v; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    );
  });
});
