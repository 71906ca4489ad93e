/**
 * A short, non-reversible fingerprint of a session token (FNV-1a, 2×32 bit), so the pending-action
 * store can recognise the token coming back without writing the token itself to storage.
 */
export function fingerprintToken(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ token.length;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 7), 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}
