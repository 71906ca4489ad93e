/** Folds case and accents, for a search that finds "Withings" from "with" and "Polar" from "pólar". */
export function searchKey(text: string, locale: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
}
