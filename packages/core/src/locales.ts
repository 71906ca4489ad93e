import { IS_DEVELOPMENT } from '#is-development';
import { ThryveConnectError } from './ThryveConnectError.js';

/** Thryve's 28 codes in one string: a list of 28 string literals costs every app twice the bytes. */
const CODES = 'ar bg cs en da de el es et fi fr hu id it ja ko lt lv nl pl pt ro ru sk sl sv tr uk';

/** `'a b'` → `['a', 'b']`, so the type of {@link LOCALES} is read from the same string. */
type Words<S extends string> = S extends `${infer Head} ${infer Rest}` ? [Head, ...Words<Rest>] : [S];

/** The 28 ISO 639-1 language codes Thryve's widget endpoint accepts, as Thryve lists them. */
export const LOCALES: Readonly<Words<typeof CODES>> = /* @__PURE__ */ CODES.split(' ') as Words<typeof CODES>;

/** A language Thryve's Connection Widget can be shown in. */
export type Locale = (typeof LOCALES)[number];

/** The locale Thryve falls back to when none is given. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Type guard: is `value` one of the 28 {@link Locale} codes? */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * Best {@link Locale} for a BCP 47 tag such as `de-AT` or `pt-BR` (its language part), or `undefined`
 * when Thryve does not offer that language.
 */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : undefined;
}

/** Returns `value` as a {@link Locale}, or throws `invalid_locale` naming the accepted codes. */
export function assertLocale(value: unknown): Locale {
  if (isLocale(value)) return value;
  throw new ThryveConnectError(
    'invalid_locale',
    IS_DEVELOPMENT
      ? `Unknown locale ${JSON.stringify(String(value)).slice(0, 40)}: use one of ${LOCALES.join(', ')}.`
      : '',
  );
}

/**
 * The user's language among Thryve's 28: the first of `preferences` (best first, as
 * `navigator.languages` lists them, or an `Accept-Language` header with its `q` weights) that Thryve's
 * widget offers, by language part (`pt-BR` → `pt`, `fr-CA` → `fr`), else {@link DEFAULT_LOCALE}
 * (`zh` → `en`). Never throws.
 */
export function matchLocale(preferences: readonly string[] | string | null | undefined): Locale {
  // A header (`fr-CA,fr;q=0.9,en;q=0.8`) by weight, ties in the order given; q=0 means "not this one".
  // A list is a header without weights: its first language Thryve offers wins.
  const header = typeof preferences === 'string';
  let best: Locale = DEFAULT_LOCALE;
  let bestWeight = 0;
  const entries = header
    ? preferences.slice(0, 1024).split(',')
    : Array.isArray(preferences)
      ? preferences
      : [];
  for (const entry of entries) {
    const [tag, ...params]: string[] = header ? entry.split(';') : [entry];
    const weight = Number(
      params
        .find((param) => param.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    const locale = toLocale(tag);
    if (locale && weight > bestWeight && weight < Infinity) {
      best = locale;
      bestWeight = weight;
    }
  }
  return best;
}
