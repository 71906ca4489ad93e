import type { PluralMessage } from '../pickerMessages.js';

// Intl objects are not free to build: one per locale and kind, made on first use.
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** `message` for `count`, by the locale's plural rules, `#` replaced by the count as the locale writes it. */
export function formatPlural(message: PluralMessage, locale: string, count: number): string {
  const category = cached(`p${locale}`, () => new Intl.PluralRules(locale)).select(count);
  const number = cached(`n${locale}`, () => new Intl.NumberFormat(locale)).format(count);
  return (message[category] ?? message.other).replace('#', number);
}

const DAY_MS = 86_400_000;
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/**
 * When a source was connected, as the locale says it: relative within the last week ("yesterday",
 * "3 days ago"), else the date. `undefined` for a value that is not a date.
 */
export function formatConnectedAt(
  iso: string,
  locale: string,
  now: number,
): { relative: boolean; text: string } | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  // A date a little ahead of this clock (another clock set differently) still reads as today.
  const days = Math.max(0, Math.round((startOfDay(new Date(now)) - startOfDay(date)) / DAY_MS));
  if (days < 7) {
    const format = cached(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
    return { relative: true, text: format.format(-days, 'day') };
  }
  const format = cached(`d${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  return { relative: false, text: format.format(date) };
}

/** Scripts written right to left, by their language's subtag. */
const RTL = /^(ar|ckb|dv|fa|he|ku|ps|sd|ug|ur|yi)(-|$)/i;

/** The writing direction of a locale's text. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.test(locale) ? 'rtl' : 'ltr';
}

/** Folds case and accents, for a search that finds "Withings" from "with" and "Polar" from "pólar". */
export function searchKey(text: string, locale: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
}
