const encoder = new TextEncoder();

/**
 * Compares two strings in time that does not depend on where they differ or on their lengths: both
 * are hashed (SHA-256, Web Crypto: Node, Bun, Deno and edge runtimes alike) and the digests compared
 * byte by byte without an early exit.
 */
export async function constantTimeEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let difference = 0;
  for (let index = 0; index < x.length; index += 1) difference |= (x[index] ?? 0) ^ (y[index] ?? 0);
  return difference === 0;
}
