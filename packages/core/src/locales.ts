import { IS_DEVELOPMENT } from '#is-development';
import { ThryveConnectError } from './ThryveConnectError.js';

/** The 28 ISO 639-1 language codes Thryve's widget endpoint accepts, as Thryve lists them. */
export const LOCALES = [
  'ar',
  'bg',
  'cs',
  'en',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'tr',
  'uk',
] as const;

/** A language Thryve's Connection Widget can be shown in. */
export type Locale = (typeof LOCALES)[number];

/** The locale Thryve falls back to when none is given. */
export const DEFAULT_LOCALE: Locale = 'en';

const localeSet: ReadonlySet<string> = new Set(LOCALES);

/** Type guard: is `value` one of the 28 {@link Locale} codes? */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && localeSet.has(value);
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
