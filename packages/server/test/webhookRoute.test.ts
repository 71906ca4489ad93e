// The ready-made webhook route: every answer in full, and its 2-second promise under a slow body.
import { describe, expect, it, vi } from 'vitest';
import { createThryveWebhookHandler, type ThryveWebhookHandlerOptions } from '../src/index.js';

const event = {
  endUserId: 'de3d1e068537dd927b48988cb6969abe',
  type: 'notification.source.connect',
  data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
};
const post = (body: unknown = event) =>
  new Request('http://app.test/hook', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const route = (options: Partial<ThryveWebhookHandlerOptions> = {}) =>
  createThryveWebhookHandler({ verify: 'none', onEvent: () => undefined, ...options });

async function full(response: Response) {
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

describe('createThryveWebhookHandler', () => {
  it('acknowledges a handled event with an empty, uncached 204', async () => {
    const onEvent = vi.fn();
    expect(await full(await route({ onEvent })(post()))).toEqual({
      status: 204,
      cache: 'no-store',
      type: null,
      body: '',
    });
    expect(onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'source.connect', dataSource: 1 }),
      expect.any(Request),
    );
  });

  it('answers refusals as JSON errors, uncached', async () => {
    const secret = route({ verify: () => false });
    expect(await full(await secret(post()))).toEqual({
      status: 401,
      cache: 'no-store',
      type: 'application/json',
      body: '{"error":{"code":"verification_failed","message":"The webhook request failed verification."}}',
    });
    expect(await full(await route()(post('{')))).toMatchObject({
      status: 400,
      body: '{"error":{"code":"invalid_body","message":"The webhook body is not valid JSON."}}',
    });
    const get = await route()(new Request('http://app.test/hook'));
    expect(get.headers.get('allow')).toBe('POST');
    expect(await full(get)).toEqual({
      status: 405,
      cache: 'no-store',
      type: 'application/json',
      body: '{"error":{"code":"bad_request","message":"Use POST."}}',
    });
  });

  it('answers 500, uncached, when onEvent fails in time, or the request cannot be read at all, and reports it', async () => {
    const onError = vi.fn();
    const failing = route({
      onError,
      onEvent: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('db down');
      },
    });
    expect(await full(await failing(post()))).toEqual({
      status: 500,
      cache: 'no-store',
      type: 'application/json',
      body: '{"error":{"code":"server_error","message":"The webhook could not be handled."}}',
    });
    expect(onError).toHaveBeenCalledWith(new Error('db down'), expect.any(Request));
    const throwing = route({
      onError,
      verify: () => {
        throw new Error('verifier bug');
      },
    });
    expect((await throwing(post())).status).toBe(500);
    expect(onError).toHaveBeenLastCalledWith(new Error('verifier bug'), expect.any(Request));
  });

  it('waits for onEvent while there is time, and reports nothing for an unknown type', async () => {
    const onError = vi.fn();
    let finished = false;
    const slow = route({
      answerWithinMs: 1_000,
      onError,
      onEvent: async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      },
    });
    expect((await slow(post())).status).toBe(204);
    expect(finished).toBe(true);
    expect((await slow(post({ ...event, type: 'notification.data.new' }))).status).toBe(204);
    expect(onError).not.toHaveBeenCalled();
  });

  it('counts the time spent reading the body against the deadline', async () => {
    const slowBody = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        controller.enqueue(new TextEncoder().encode(JSON.stringify(event)));
        controller.close();
      },
    });
    const request = new Request('http://app.test/hook', {
      method: 'POST',
      body: slowBody,
      duplex: 'half',
    } as RequestInit);
    const started = Date.now();
    const response = await route({ answerWithinMs: 500, onEvent: () => new Promise(() => undefined) })(
      request,
    );
    expect(response.status).toBe(204);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(700);
  });

  it('reports nothing when late work succeeds', async () => {
    const onError = vi.fn();
    const late = route({
      answerWithinMs: 50,
      onError,
      onEvent: () => new Promise<void>((resolve) => setTimeout(resolve, 150)),
    });
    expect((await late(post())).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(onError).not.toHaveBeenCalled();
  });

  it('keeps a throwing onError from changing the answer', async () => {
    const answer = await route({
      verify: () => false,
      onError: () => {
        throw new Error('logger down');
      },
    })(post());
    expect(answer.status).toBe(401);
  });

  const noop = (): void => undefined;
  it.each<[Record<string, unknown>]>([
    [{ verify: 'none', onEvent: 'x' }],
    [{ verify: 'none' }],
    [{ onEvent: noop }],
    [{ verify: 'nope', onEvent: noop }],
    [{ verify: 'none', onEvent: noop, answerWithinMs: 0 }],
    [{ verify: 'none', onEvent: noop, answerWithinMs: -5 }],
    [{ verify: 'none', onEvent: noop, answerWithinMs: Number.POSITIVE_INFINITY }],
  ])('refuses the configuration %j', (options) => {
    expect(() => createThryveWebhookHandler(options as never)).toThrow(TypeError);
  });

  it('names what to pass when misconfigured', () => {
    expect(() => createThryveWebhookHandler(undefined as never)).toThrow(
      "createThryveWebhookHandler: pass { verify, onEvent } (verify: a verifier, or 'none' to opt out explicitly).",
    );
    expect(() =>
      createThryveWebhookHandler({ verify: 'none', onEvent: () => undefined, answerWithinMs: 0 }),
    ).toThrow('createThryveWebhookHandler: "answerWithinMs" must be a positive number.');
    expect(() =>
      createThryveWebhookHandler({ verify: 'none', onEvent: () => undefined, answerWithinMs: 1 }),
    ).not.toThrow();
  });
});
