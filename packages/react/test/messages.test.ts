import { LOCALES } from '@thryve-connect/core';
import { describe, expect, it } from 'vitest';
import { ar } from '../src/messages/ar.js';
import { de } from '../src/messages/de.js';
import { en } from '../src/messages/en.js';
import { ja } from '../src/messages/ja.js';
import { pl } from '../src/messages/pl.js';
import type { PluralMessage, ThryveMessages } from '../src/pickerMessages.js';
import { errorMessage } from '../src/widgetMessages.js';

// Every file of src/messages, as the build makes one entry of each (packages/react/vite.config.ts).
const modules = import.meta.glob<Record<string, ThryveMessages>>('../src/messages/*.ts', { eager: true });
const entries = new Map(
  Object.entries(modules).map(([path, module]) => {
    const code = path.replace(/^.*\/(\w+)\.ts$/, '$1');
    return [code, module[code]] as const;
  }),
);

/** A `PluralMessage` for `count`, as the picker shows it: CLDR category, `#` as the locale writes numbers. */
function formatPlural(message: PluralMessage, locale: string, count: number): string {
  const category = new Intl.PluralRules(locale).select(count);
  return (message[category] ?? message.other).replaceAll('#', new Intl.NumberFormat(locale).format(count));
}

// What the components pass in: a brand name, a query, an id, and dates formatted by Intl for the locale.
const SOURCE = 'Fitbit';
const UNKNOWN_ID = 48;
const QUERY = 'Withings';
const CONNECTED_AT = new Date(Date.UTC(2024, 2, 5, 12)); // noon UTC: 5 March in every time zone within ±11 h
const since = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(CONNECTED_AT);
const daysAgo = (locale: string, days: number) =>
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');

const isPlural = (key: string) => key === 'searchResults';

/**
 * Every text of an entry by its path (`errors.offline`, `searchResults.few`), functions called with what
 * the components pass them. `argument(key)` chooses that value.
 */
function texts(
  messages: object,
  argument: (key: string) => string | number,
  prefix = '',
): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] => {
    const path = `${prefix}${key}`;
    if (typeof value === 'function') return [[path, String(value(argument(key)))]];
    if (typeof value === 'string') return [[path, value]];
    if (isPlural(key))
      return Object.entries(value as PluralMessage).map(([category, text]) => [`${path}.${category}`, text]);
    return texts(value as object, argument, `${path}.`);
  });
}

/** The keys of an entry, deep; a plural message counts as one key (its categories are per language). */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && !isPlural(key) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** What the picker passes each function for `locale`. */
const realArgument = (locale: string) => (key: string) =>
  key === 'unknownSource'
    ? UNKNOWN_ID
    : key === 'connectedSince'
      ? since(locale)
      : key === 'connectedAgo'
        ? daysAgo(locale, 2)
        : key === 'noResults'
          ? QUERY
          : SOURCE;

describe('locale entries', () => {
  it('has one entry for each of the 28 locales Thryve accepts, and no other', () => {
    expect([...entries.keys()].sort()).toEqual([...LOCALES].sort());
    for (const [code, messages] of entries)
      expect(messages, `${code} exports const ${code}`).toBeTypeOf('object');
  });

  it.each([...LOCALES])(
    '%s resolves by its package path (@thryve-connect/react/messages/<code>) in tests and stories',
    async (code) => {
      // The alias in vite.config.ts and .storybook/main.ts, which mirrors the package's `./messages/*` export.
      const specifier = `@thryve-connect/react/messages/${code}`;
      const module: Record<string, ThryveMessages> = await import(/* @vite-ignore */ specifier);
      expect(module[code]).toBe(entries.get(code));
    },
  );

  it.each([...LOCALES])('%s has every key of the English base and no other', (code) => {
    expect(keys(entries.get(code) ?? {}).sort()).toEqual(keys(en).sort());
  });

  it.each([...LOCALES])('%s has no empty text, and each function shows what it is given', (code) => {
    const messages = entries.get(code) ?? en;
    for (const [path, text] of texts(messages, realArgument(code))) {
      expect(text.trim(), `${code} ${path}`).not.toBe('');
    }
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value !== 'function') continue;
      const given = realArgument(code)(key);
      // Intl's relative day may open the sentence, capitalised ("Vor 2 Tagen verbunden"): the rest exactly.
      const shown = key === 'connectedAgo' ? String(given).slice(1) : String(given);
      expect(value(given), `${code} ${key}`).toContain(shown);
    }
  });

  it.each([...LOCALES])(
    '%s gives a count text for every plural category its language has, each with #',
    (code) => {
      const { searchResults } = entries.get(code) ?? en;
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      expect(Object.keys(searchResults).sort(), code).toEqual([...categories].sort());
      for (const [category, text] of Object.entries(searchResults))
        expect(text, `${code} ${category}`).toContain('#');
    },
  );

  it.each(LOCALES.filter((code) => code !== 'en' && code !== 'de'))(
    '%s is a translation: no text is the English or the German one',
    (code) => {
      // The same argument everywhere, so a function that only echoes its input would match.
      const same = (key: string) => (key === 'unknownSource' ? UNKNOWN_ID : SOURCE);
      const originals = new Set([...texts(en, same), ...texts(de, same)].map(([, text]) => text));
      const copies = texts(entries.get(code) ?? en, same).filter(
        ([, text]) => originals.has(text) && text.trim() !== SOURCE,
      );
      expect(copies, code).toEqual([]);
    },
  );

  it.each([...LOCALES])('%s starts "connected …" with a capital letter whatever Intl puts first', (code) => {
    const messages = entries.get(code) ?? en;
    for (const days of [0, 1, 2, 5]) {
      const text = messages.connectedAgo(daysAgo(code, days));
      expect(text.charAt(0), `${code} ${text}`).toBe(text.charAt(0).toLocaleUpperCase(code));
    }
    const text = messages.connectedSince(since(code));
    expect(text.charAt(0), `${code} ${text}`).toBe(text.charAt(0).toLocaleUpperCase(code));
  });
});

describe('button names', () => {
  // The buttons show the short text and are named by the long one: WCAG 2.5.3 (label in name) asks that
  // the name contains what is shown, so a voice user can say what they see.
  it.each([...entries])('in %s, each button is named with the text it shows', (code, entry) => {
    const messages = entry as ThryveMessages;
    const named = (name: string, shown: string) =>
      name.toLocaleLowerCase(code).includes(shown.toLocaleLowerCase(code));
    expect(named(messages.connect(SOURCE), messages.connectShort), messages.connect(SOURCE)).toBe(true);
    expect(named(messages.disconnect(SOURCE), messages.disconnectShort), messages.disconnect(SOURCE)).toBe(
      true,
    );
    expect(
      named(messages.nativeConnect(SOURCE), messages.nativeConnectShort),
      messages.nativeConnect(SOURCE),
    ).toBe(true);
  });

  it.each([...entries])(
    'in %s, the consent sentence names the Connect button as it is shown',
    (code, entry) => {
      const messages = entry as ThryveMessages;
      expect(messages.consentByConnecting.toLocaleLowerCase(code), messages.consentByConnecting).toContain(
        messages.connectShort.toLocaleLowerCase(code),
      );
    },
  );
});

describe('plural forms', () => {
  const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101];

  it.each([
    ['en', en],
    ['de', de],
    ['ar', ar],
    ['pl', pl],
    ['ja', ja],
  ] as const)('%s has the category Intl picks for every count', (locale, messages) => {
    const rules = new Intl.PluralRules(locale);
    const onlyOther = rules.resolvedOptions().pluralCategories.length === 1;
    for (const count of COUNTS) {
      const category = rules.select(count);
      if (onlyOther) expect(category).toBe('other');
      expect(messages.searchResults[category], `${locale} ${count} (${category})`).toBeDefined();
    }
  });

  it('counts in English and German: one and other', () => {
    expect(formatPlural(en.searchResults, 'en', 0)).toBe('0 sources');
    expect(formatPlural(en.searchResults, 'en', 1)).toBe('1 source');
    expect(formatPlural(en.searchResults, 'en', 1234)).toBe('1,234 sources');
    expect(formatPlural(de.searchResults, 'de', 1)).toBe('1 Datenquelle');
    expect(formatPlural(de.searchResults, 'de', 21)).toBe('21 Datenquellen');
    expect(formatPlural(de.searchResults, 'de', 1234)).toBe('1.234 Datenquellen');
  });

  it('counts in Polish: one, few for 2–4 and 22–24, many for 5–21 and 25, other for fractions', () => {
    const rules = new Intl.PluralRules('pl');
    expect(COUNTS.map((count) => rules.select(count))).toEqual([
      'many',
      'one',
      'few',
      'few',
      'many',
      'many',
      'many',
      'few',
      'many',
      'many',
      'many',
    ]);
    expect(formatPlural(pl.searchResults, 'pl', 1)).toBe('1 źródło');
    expect(formatPlural(pl.searchResults, 'pl', 2)).toBe('2 źródła');
    expect(formatPlural(pl.searchResults, 'pl', 5)).toBe('5 źródeł');
    expect(formatPlural(pl.searchResults, 'pl', 12)).toBe('12 źródeł');
    expect(formatPlural(pl.searchResults, 'pl', 22)).toBe('22 źródła');
    expect(formatPlural(pl.searchResults, 'pl', 0)).toBe('0 źródeł');
    expect(formatPlural(pl.searchResults, 'pl', 1.5)).toBe('1,5 źródła');
  });

  it('counts in Arabic: 0, 1, 2, 3, 11 and 100 each in its own category', () => {
    const rules = new Intl.PluralRules('ar');
    const counts = [0, 1, 2, 3, 11, 100];
    expect(counts.map((count) => rules.select(count))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    expect(counts.map((count) => formatPlural(ar.searchResults, 'ar', count))).toEqual([
      '0 مصدر',
      '1 مصدر',
      '2 مصدران',
      '3 مصادر',
      '11 مصدرًا',
      '100 مصدر',
    ]);
  });

  it('counts in Japanese: one form for every number', () => {
    expect(new Intl.PluralRules('ja').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(formatPlural(ja.searchResults, 'ja', 1)).toBe('1件のデータソース');
    expect(formatPlural(ja.searchResults, 'ja', 1234)).toBe('1,234件のデータソース');
  });
});

describe('date forms', () => {
  it.each([
    ['en', en, 'Connected since Mar 5, 2024'],
    ['de', de, 'Verbunden seit 05.03.2024'],
    // Intl's Arabic date carries right-to-left marks (U+200F) around its slashes.
    ['ar', ar, 'مرتبط منذ 05\u200f/03\u200f/2024'],
    ['pl', pl, 'Połączone od 5 mar 2024'],
    ['ja', ja, '連携日：2024/03/05'],
  ] as const)('%s reads "connected since" around the locale’s medium date', (locale, messages, expected) => {
    expect(messages.connectedSince(since(locale))).toBe(expected);
  });

  it.each([
    ['en', en, ['Connected today', 'Connected yesterday', 'Connected 2 days ago', 'Connected 5 days ago']],
    ['de', de, ['Heute verbunden', 'Gestern verbunden', 'Vorgestern verbunden', 'Vor 5 Tagen verbunden']],
    ['ar', ar, ['تم الربط اليوم', 'تم الربط أمس', 'تم الربط أول أمس', 'تم الربط قبل 5 أيام']],
    ['pl', pl, ['Połączono dzisiaj', 'Połączono wczoraj', 'Połączono przedwczoraj', 'Połączono 5 dni temu']],
    ['ja', ja, ['今日連携しました', '昨日連携しました', '一昨日連携しました', '5 日前に連携しました']],
  ] as const)('%s reads "connected …" around Intl’s relative day', (locale, messages, expected) => {
    expect([0, 1, 2, 5].map((days) => messages.connectedAgo(daysAgo(locale, days)))).toEqual(expected);
  });
});

describe('unknown source names', () => {
  it.each([
    ['en', en, 'Data source 48'],
    ['de', de, 'Datenquelle 48'],
    ['ar', ar, 'مصدر البيانات 48'],
    ['pl', pl, 'Źródło danych 48'],
    ['ja', ja, 'データソース 48'],
  ] as const)('%s names a source the catalogue does not know by its id', (_locale, messages, expected) => {
    expect(messages.unknownSource(UNKNOWN_ID)).toBe(expected);
  });
});

describe('too many attempts', () => {
  it.each([...LOCALES])('%s names the seconds left before a new try', (code) => {
    const messages = entries.get(code) ?? en;
    const text = errorMessage(messages, { code: 'rate_limited', retryAfterMs: 41_200 });
    expect(text, code).toContain('42');
    expect(text, code).not.toBe(errorMessage(messages, 'server_error'));
  });

  it('says at least one second, and a wait it can stand by when the backend named none', () => {
    expect(errorMessage(en, { code: 'rate_limited', retryAfterMs: 0 })).toBe(
      'Too many attempts. Try again in 1 s.',
    );
    expect(errorMessage(en, 'rate_limited')).toBe('Too many attempts. Try again in 60 s.');
  });
});
