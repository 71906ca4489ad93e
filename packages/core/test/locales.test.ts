import { describe, expect, it } from 'vitest';
import { assertLocale, isLocale, LOCALES, ThryveConnectError, toLocale } from '../src/index.js';

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
