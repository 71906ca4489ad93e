import { expect } from 'vitest';

/** Distinctive credentials of the test sandbox: any of them in an output is a leak. */
export const CREDENTIALS = {
  username: 'tc-user-Q7xVw2',
  password: 'tc-pass-Zr9Kp4Lm',
  authId: 'tc-authid-H3nB8s',
  authSecret: 'tc-authsecret-Y6dT1qXe',
} as const;

/** Wrong credentials used to provoke Thryve 401s: they must not leak either. */
export const WRONG_CREDENTIALS = {
  username: 'tc-wrong-user-M4k',
  password: 'tc-wrong-pass-P8j',
  authId: 'tc-wrong-authid-R2c',
  authSecret: 'tc-wrong-authsecret-V5n',
} as const;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Every value that must never appear in a response, header or error message. */
export const FORBIDDEN: readonly string[] = [CREDENTIALS, WRONG_CREDENTIALS].flatMap((c) => [
  c.username,
  c.password,
  c.authId,
  c.authSecret,
  b64(`${c.username}:${c.password}`),
  b64(`${c.authId}:${c.authSecret}`),
  `${c.username}:${c.password}`,
  `${c.authId}:${c.authSecret}`,
]);

/** Everything this test file saw: response bodies and headers, thrown error messages. */
const seen: string[] = [];

export function record(text: string): void {
  seen.push(text);
}

/** Records an error's message, its causes' messages and its stack. */
export function recordError(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) {
      record(`${current.name}: ${current.message}\n${current.stack ?? ''}`);
      record(JSON.stringify(current));
      current = current.cause;
    } else {
      record(String(current));
      break;
    }
  }
}

/** Records a response's status, headers and body, and returns an unread copy. */
export async function recordResponse(response: Response): Promise<Response> {
  const copy = response.clone();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  record(`HTTP ${response.status}\n${headers}\n\n${await copy.text()}`);
  return response;
}

/** Awaits `promise`, expects it to reject, records and returns the error. */
export async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    recordError(error);
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

/** A `fetch` that records every response it returns (and every error it throws). */
export const recordingFetch: typeof fetch = async (input, init) => {
  try {
    return await recordResponse(await fetch(input, init));
  } catch (error) {
    recordError(error);
    throw error;
  }
};

/** How many outputs were recorded, and whether any holds a secret. */
export function scan(): { count: number; leaks: string[] } {
  const leaks: string[] = [];
  for (const text of seen) {
    for (const secret of FORBIDDEN)
      if (text.includes(secret)) leaks.push(`${secret} in ${text.slice(0, 200)}`);
  }
  return { count: seen.length, leaks };
}

/** Asserts that nothing this file recorded holds a secret. */
export function expectNoSecrets(): void {
  const { count, leaks } = scan();
  expect(count).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
}
