import { describe, expect, it } from 'vitest';
import { assertLocale, isLocale, LOCALES, matchLocale, ThryveConnectError, toLocale } from '../src/index.js';

describe('locales', () => {
  it('are exactly the 28 codes Thryve accepts', () => {
    expect([...LOCALES].sort()).toEqual(
      'ar bg cs en da de el es et fi fr hu id it ja ko lt lv nl pl pt ro ru sk sl sv tr uk'.split(' ').sort(),
    );
  });

  it('tells a locale from anything else', () => {
    expect(isLocale('de')).toBe(true);
    expect(isLocale('xx')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('reads a browser language tag down to its language, or nothing', () => {
    expect(toLocale('de-DE')).toBe('de');
    expect(toLocale('xx')).toBeUndefined();
    expect(toLocale(null)).toBeUndefined();
  });

  it('throws a typed invalid_locale error for an unknown one', () => {
    expect(() => assertLocale('klingon')).toThrow(ThryveConnectError);
    try {
      assertLocale('klingon');
    } catch (error) {
      expect((error as ThryveConnectError).code).toBe('invalid_locale');
    }
  });
});

describe('matchLocale', () => {
  it("finds the user's language among Thryve's by its language part, else English", () => {
    expect(matchLocale(['fr-CA', 'en'])).toBe('fr');
    expect(matchLocale(['pt-BR'])).toBe('pt');
    expect(matchLocale(['zh-CN', 'zh'])).toBe('en');
    expect(matchLocale(['zh', 'de-AT'])).toBe('de');
    expect(matchLocale([])).toBe('en');
    expect(matchLocale(undefined)).toBe('en');
  });

  it('reads an Accept-Language header by weight, skipping what the user refuses', () => {
    expect(matchLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(matchLocale('en;q=0.5, de;q=0.9')).toBe('de');
    expect(matchLocale('de;q=0, it')).toBe('it');
    expect(matchLocale('zh-TW, *;q=0.1')).toBe('en');
    expect(matchLocale('; q=, ,,;;')).toBe('en');
    expect(matchLocale(`${'x,'.repeat(5000)}fr`)).toBe('en'); // read only so far
  });

  it('ignores a weight that is not a finite number, and keeps the first of equal weights', () => {
    expect(matchLocale('de;q=Infinity, fr;q=abc, it;q=0.2')).toBe('it');
    expect(matchLocale('zh;q=1, de;q=0.5, fr;q=0.5, it;q=0.9')).toBe('it');
    expect(matchLocale('de;q=0.5, fr;q=0.5')).toBe('de');
    expect(matchLocale(['zh', 'fr;q=1', 'de'])).toBe('de'); // a list has no weights
  });
});
