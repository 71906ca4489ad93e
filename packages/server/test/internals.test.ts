// The small parts the security checks stand on, each pinned at its boundaries.
import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../src/internal/constantTimeEqual.js';
import { LruCache } from '../src/internal/lruCache.js';
import { BodyEncodingError, BodyTooLargeError, readBody } from '../src/internal/readBody.js';

describe('the end-user cache (LruCache)', () => {
  it('forgets an entry exactly when its time is up', () => {
    const cache = new LruCache<string, string>(10, 1_000);
    cache.set('a', 'id-a', 0);
    expect(cache.get('a', 999)).toBe('id-a');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most max entries, evicting the least recently used', () => {
    const cache = new LruCache<string, number>(2, 60_000);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 1)).toBe(1); // a is now the most recent
    cache.set('c', 3, 1);
    expect([cache.get('a', 2), cache.get('b', 2), cache.get('c', 2)]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
    cache.set('c', 4, 3); // replacing keeps the size
    expect(cache.size).toBe(2);
    expect(cache.get('c', 3)).toBe(4);
  });

  it('drops an entry only while it still holds the refused value', () => {
    const cache = new LruCache<string, string>(10, 60_000);
    cache.set('a', 'new-id');
    cache.delete('a', 'old-id');
    expect(cache.get('a')).toBe('new-id');
    cache.delete('a', 'new-id');
    expect(cache.get('a')).toBeUndefined();
    cache.delete('missing', 'x');
    expect(cache.size).toBe(0);
  });
});

describe('readBody', () => {
  const stream = (chunks: number[][]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
        controller.close();
      },
    });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://x.test/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('joins chunks in order and decodes UTF-8 across chunk boundaries', async () => {
    // "ä€" split inside both characters.
    const bytes = [...new TextEncoder().encode('aä€b')];
    expect(await readBody(post(stream([bytes.slice(0, 2), bytes.slice(2, 4), bytes.slice(4)])), 100)).toBe(
      'aä€b',
    );
  });

  it('reads exactly `limit` bytes and refuses one more, declared or streamed', async () => {
    expect(await readBody(post('x'.repeat(10)), 10)).toBe('x'.repeat(10));
    await expect(readBody(post('x'.repeat(11)), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(
      await readBody(
        post(
          stream([
            [120, 120],
            [120, 120, 120],
          ]),
        ),
        5,
      ),
    ).toBe('xxxxx');
    await expect(
      readBody(
        post(
          stream([
            [120, 120, 120],
            [120, 120, 120],
          ]),
        ),
        5,
      ),
    ).rejects.toThrow('Body over 5 bytes.');
    const declared = post('xx', { 'content-length': '3' });
    await expect(readBody(new Request(declared), 2)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('answers an empty string for no body', async () => {
    expect(await readBody(new Request('http://x.test/'), 10)).toBe('');
    expect(await readBody(new Response(null), 10)).toBe('');
  });

  it('releases a response whose declared length is over the limit without reading it', async () => {
    let cancelled = false;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1));
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = new Response(body, { headers: { 'content-length': '1000' } });
    const error = await readBody(response, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).name).toBe('BodyTooLargeError');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('refuses bytes that are not UTF-8, keeping the decoder’s error as cause', async () => {
    const error = await readBody(post(new Uint8Array([0x61, 0xc3])), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyEncodingError);
    expect([(error as Error).name, (error as Error).message]).toEqual([
      'BodyEncodingError',
      'Body is not valid UTF-8.',
    ]);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

describe('constantTimeEqual', () => {
  it('is true only for the same string', async () => {
    expect(await constantTimeEqual('secret', 'secret')).toBe(true);
    for (const other of ['', 'secreT', 'secret ', 'secre', 'Secret', 'tecret']) {
      expect(await constantTimeEqual(other, 'secret'), other).toBe(false);
    }
    expect(await constantTimeEqual('ü', 'u')).toBe(false);
  });
});
