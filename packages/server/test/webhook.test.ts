import { describe, expect, it } from 'vitest';
import { isThryveWebhookError, parseThryveWebhook } from '../src/index.js';

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://app.test/webhooks/thryve', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** These tests are about parsing: authenticity is opted out of explicitly (see hostile.test.ts). */
const NONE = { verify: 'none' } as const;

const connect = {
  endUserId: 'de3d1e068537dd927b48988cb6969abe',
  endUserAlias: 'anna-1',
  type: 'notification.source.connect',
  data: { timestamp: 1_775_037_600_000, dataSourceId: 1 },
};

describe('parseThryveWebhook', () => {
  it("turns Thryve's connect and disconnect notifications into typed events", async () => {
    expect(await parseThryveWebhook(post(connect), NONE)).toEqual({
      type: 'source.connect',
      endUserId: connect.endUserId,
      endUserAlias: 'anna-1',
      dataSource: 1,
      timestamp: new Date(1_775_037_600_000),
    });
    const disconnect = await parseThryveWebhook(
      post({ ...connect, type: 'notification.source.disconnect' }),
      NONE,
    );
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
    const error = await parseThryveWebhook(post(body), NONE).catch((e: unknown) => e);
    expect(isThryveWebhookError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  });

  it('accepts string ids and timestamps, and an event without alias', async () => {
    const { endUserAlias: _alias, ...rest } = connect;
    const event = await parseThryveWebhook(
      post({ ...rest, data: { timestamp: '1775037600000', dataSourceId: '18' } }),
      NONE,
    );
    expect(event).toEqual({
      type: 'source.connect',
      endUserId: connect.endUserId,
      dataSource: 18,
      timestamp: new Date(1_775_037_600_000),
    });
    expect('endUserAlias' in event).toBe(false);
  });

  it('passes the exact raw body to an async verify, before parsing', async () => {
    const raw = JSON.stringify(connect);
    let seen = '';
    await parseThryveWebhook(post(raw), {
      verify: async (_request, body) => {
        seen = body;
        return true;
      },
    });
    expect(seen).toBe(raw);
    const refused = await parseThryveWebhook(post('{'), { verify: async () => false }).catch(
      (e: unknown) => e,
    );
    expect(isThryveWebhookError(refused, 'verification_failed')).toBe(true);
    expect((refused as { status: number }).status).toBe(401);
  });

  it.each([
    ['a JSON array', [], 'invalid_body'],
    ['no type', { ...connect, type: undefined }, 'unknown_type'],
    ['no endUserId', { ...connect, endUserId: '' }, 'invalid_body'],
    ['a non-string alias', { ...connect, endUserAlias: 7 }, 'invalid_body'],
    ['no data', { ...connect, data: undefined }, 'invalid_body'],
    ['a bad timestamp', { ...connect, data: { timestamp: 'soon', dataSourceId: 1 } }, 'invalid_body'],
    ['a zero data source', { ...connect, data: { timestamp: 1, dataSourceId: 0 } }, 'invalid_body'],
    ['a body over 64 kB', { ...connect, pad: 'x'.repeat(70_000) }, 'invalid_body'],
  ])('refuses %s', async (_name, body, code) => {
    const error = await parseThryveWebhook(post(body), NONE).catch((e: unknown) => e);
    expect(isThryveWebhookError(error)).toBe(true);
    expect((error as { code: string; status: number }).code).toBe(code);
    expect((error as { status: number }).status).toBe(400);
  });
});
