import { describe, expect, it } from 'vitest';
import { isThryveWebhookError, parseThryveWebhook } from '../src/index.js';

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://app.test/webhooks/thryve', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const connect = {
  endUserId: 'de3d1e068537dd927b48988cb6969abe',
  endUserAlias: 'anna-1',
  type: 'notification.source.connect',
  data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
};

describe('parseThryveWebhook', () => {
  it("turns Thryve's connect and disconnect notifications into typed events", async () => {
    expect(await parseThryveWebhook(post(connect))).toEqual({
      type: 'source.connect',
      endUserId: connect.endUserId,
      endUserAlias: 'anna-1',
      dataSource: 1,
      timestamp: new Date(1_775_037_600_000),
    });
    const disconnect = await parseThryveWebhook(post({ ...connect, type: 'notification.source.disconnect' }));
    expect(disconnect.type).toBe('source.disconnect');
  });

  it('runs the host’s own authenticity check on the raw body', async () => {
    const verify = (request: Request, raw: string) =>
      request.headers.get('x-shared-secret') === 's3cret' && raw.length > 0;
    await expect(
      parseThryveWebhook(post(connect, { 'x-shared-secret': 's3cret' }), { verify }),
    ).resolves.toBeTruthy();
    const error = await parseThryveWebhook(post(connect), { verify }).catch((e: unknown) => e);
    expect(isThryveWebhookError(error, 'verification_failed')).toBe(true);
  });

  it.each([
    ['not JSON', '{', 'invalid_body'],
    ['an unknown type', { ...connect, type: 'notification.data.new' }, 'unknown_type'],
    ['no data source', { ...connect, data: { timestamp: 1 } }, 'invalid_body'],
  ])('refuses %s with a typed error', async (_name, body, code) => {
    const error = await parseThryveWebhook(post(body)).catch((e: unknown) => e);
    expect(isThryveWebhookError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  });
});
