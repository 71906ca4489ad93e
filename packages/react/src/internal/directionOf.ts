/** Scripts written right to left, by their language's subtag. */
const RTL = /^(ar|ckb|dv|fa|he|ku|ps|sd|ug|ur|yi)(-|$)/i;

/** The writing direction of a locale's text. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.test(locale) ? 'rtl' : 'ltr';
}
