import { randomInt } from 'node:crypto';

const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)] ?? '0';

/**
 * A token of the same shape as `token` (a hex token stays hex; otherwise digits stay digits, letters
 * stay letters of the same case, the `X` of a session token and punctuation stay) that Thryve has
 * never issued: what a refused answer looks like, for a token Thryve cannot know.
 */
export function unknownTokenLike(token: string): string {
  const hex = /^[0-9a-f]+$/.test(token);
  let result = '';
  for (const char of token) {
    if (hex) result += pick('0123456789abcdef');
    else if (/[0-9]/.test(char)) result += pick('0123456789');
    else if (/[a-z]/.test(char)) result += pick('abcdefghijklmnopqrstuvwxyz');
    else if (/[A-Z]/.test(char)) result += char === 'X' ? 'X' : pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    else result += char;
  }
  return result === token ? `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` : result;
}
