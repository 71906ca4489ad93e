import { cachedIntl } from './cachedIntl.js';

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
    const format = cachedIntl(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
    return { relative: true, text: format.format(-days, 'day') };
  }
  const format = cachedIntl(`d${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  return { relative: false, text: format.format(date) };
}
