import { HttpError } from './HttpError.js';

/** What a picker form posts: the source, and the page to come back to (optional: `Referer` stands in). */
export interface FormFields {
  dataSource: number | undefined;
  returnTo: string | undefined;
}

const FIELDS = new Set(['dataSource', 'returnTo']);

/**
 * Reads an `application/x-www-form-urlencoded` body. A field given twice, or a field the picker never
 * sends, is refused: a second `returnTo` could otherwise pass one check and be used by another reader.
 * `dataSource` comes back as a number only when it is all digits; the catalogue check judges the rest.
 */
export function parseFormBody(text: string): FormFields {
  const params = new URLSearchParams(text);
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!FIELDS.has(name))
      throw new HttpError('bad_request', 'The form has a field the proxy does not read.');
    if (seen.has(name)) throw new HttpError('bad_request', 'The form has a field twice.');
    seen.add(name);
  }
  const raw = params.get('dataSource');
  const returnTo = params.get('returnTo') ?? undefined;
  return {
    dataSource: raw !== null && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : undefined,
    returnTo: returnTo === '' ? undefined : returnTo,
  };
}
