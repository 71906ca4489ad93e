import type { PluralMessage } from '../pickerMessages.js';
import { cachedIntl } from './cachedIntl.js';

/** `message` for `count`, by the locale's plural rules, `#` replaced by the count as the locale writes it. */
export function formatPlural(message: PluralMessage, locale: string, count: number): string {
  const category = cachedIntl(`p${locale}`, () => new Intl.PluralRules(locale)).select(count);
  const number = cachedIntl(`n${locale}`, () => new Intl.NumberFormat(locale)).format(count);
  return (message[category] ?? message.other).replace('#', number);
}
