import { HttpError } from './HttpError.js';

/** Longest page address accepted to come back to. */
export const MAX_RETURN_LENGTH = 2048;

/**
 * Characters never accepted in a page address: controls (a header split, a `\t` browsers drop so that
 * `/\t/evil` becomes `//evil`), white space, and `\`, which browsers read as `/` (`/\evil` is `//evil`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;

function refuse(): never {
  throw new HttpError(
    'bad_request',
    'The page to come back to must be a path on this site ("/devices") or an address on the allowed list.',
  );
}

/**
 * The `Location` of the page to come back to, or a 400: a path on this origin (`/devices?tab=1`), or an
 * absolute http(s) address whose origin is in `origins`. Never another host: not `//host`, not
 * `/\host`, not `javascript:`, nothing with a control character. The path is answered as a path, so
 * the browser resolves it against the address it actually used (the proxy may see another one).
 */
export function checkReturnAddress(value: string, origins: ReadonlySet<string>): string {
  if (value.length > MAX_RETURN_LENGTH || UNSAFE.test(value)) refuse();
  if (value.startsWith('/')) {
    if (value.startsWith('//')) refuse();
    const url = new URL(value, 'http://return.invalid');
    // It must stay a path once normalised: `/.//evil.test` becomes `//evil.test`, another host.
    if (url.pathname.startsWith('//')) refuse();
    return `${url.pathname}${url.search}${url.hash}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse();
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) refuse();
  if (!origins.has(url.origin)) refuse();
  return url.href;
}
