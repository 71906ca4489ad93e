// A delivery is known by its body: handled once, remembered only after the host's handler succeeded.
import { describe, expect, it, vi } from 'vitest';
import { createThryveWebhookHandler, type ThryveWebhookHandlerOptions } from '../src/index.js';

const body = JSON.stringify({
  endUserId: 'de3d1e068537dd927b48988cb6969abe',
  endUserAlias: 'user-42',
  type: 'notification.source.connect',
  data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
});
const post = (text = body) => new Request('http://app.test/hook', { method: 'POST', body: text });
const route = (options: Partial<ThryveWebhookHandlerOptions>) =>
  createThryveWebhookHandler({ verify: 'none', onEvent: () => undefined, ...options });

describe('given a delivery that comes twice', () => {
  it('hands it to onEvent once and acknowledges the copy with 200', async () => {
    const onEvent = vi.fn();
    const hook = route({ onEvent });
    expect((await hook(post())).status).toBe(204);
    expect((await hook(post())).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('hands over another event, even one that differs only in its timestamp', async () => {
    const onEvent = vi.fn();
    const hook = route({ onEvent });
    await hook(post());
    await hook(post(body.replace('1775037600000', '1775037600001')));
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('hands a copy arriving while the first is still handled to nobody', async () => {
    let release = () => {};
    const onEvent = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const hook = route({ onEvent });
    const first = hook(post());
    await vi.waitFor(() => expect(onEvent).toHaveBeenCalledTimes(1));
    expect((await hook(post())).status).toBe(200);
    release();
    expect((await first).status).toBe(204);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('hands every copy over with handledWindowMs: false', async () => {
    const onEvent = vi.fn();
    const hook = route({ onEvent, handledWindowMs: false });
    await hook(post());
    expect((await hook(post())).status).toBe(204);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });
});

describe('given a handler that failed', () => {
  it("handles Thryve's retry: a failure is not remembered", async () => {
    const onEvent = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue(undefined);
    const hook = route({ onEvent, onError: () => undefined });
    expect((await hook(post())).status).toBe(500);
    expect((await hook(post())).status).toBe(204);
    expect((await hook(post())).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });
});
