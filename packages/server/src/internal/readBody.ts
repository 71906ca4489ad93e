/** Thrown by {@link readBody} when the body is larger than allowed. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Thrown by {@link readBody} when the body is not valid UTF-8. */
export class BodyEncodingError extends Error {
  override readonly name = 'BodyEncodingError';
}

/**
 * Reads a request's or response's body as UTF-8 text, stopping (and cancelling the stream) as soon as
 * it passes `limit` bytes, so an oversized body is never buffered whole. A stream error (an abort, a
 * reset connection) rejects with that error.
 */
export async function readBody(message: Request | Response, limit: number): Promise<string> {
  const declared = message.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    // A response's connection is released unread. A request's body is left alone: cancelling Node's
    // stream adapter mid-upload throws inside Node; the adapter closes that connection instead.
    if (message instanceof Response) await message.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(`Body over ${limit} bytes.`);
  }
  if (message.body === null) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`Body over ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new BodyEncodingError('Body is not valid UTF-8.', { cause });
  }
}
