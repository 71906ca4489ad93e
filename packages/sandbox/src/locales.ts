/** The 28 locales `POST /widget/v6/connection` accepts. */
export const LOCALES: readonly string[] = [
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
];

/** Whether `value` is one of the 28 accepted locales. */
export function isLocale(value: unknown): value is string {
  return typeof value === 'string' && LOCALES.includes(value);
}
