import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/index.js';
import { AUTH, createUser, postJson, useSandbox } from './helpers.js';

const WIDGET_URL =
  /^http:\/\/127\.0\.0\.1:\d+\/\?connectionSessionToken=\d{10}X\d{19}&platform=web&lang=([a-z]{2})$/;

describe('POST /widget/v6/connection', () => {
  const sandbox = useSandbox();

  it('answers the widget URL on the sandbox origin in the documented shape', async () => {
    const endUserId = await createUser(sandbox());
    const response = await postJson(sandbox(), '/widget/v6/connection', { endUserId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { type: string; data: { url: string } };
    expect(Object.keys(body)).toEqual(['type', 'data']);
    expect(body.type).toBe('enduser.widget.connection');
    expect(body.data.url).toMatch(WIDGET_URL);
    expect(body.data.url.startsWith(`${sandbox().url}/?`)).toBe(true);
    expect(WIDGET_URL.exec(body.data.url)?.[1]).toBe('en');
  });

  it('puts the requested locale in the URL', async () => {
    const endUserId = await createUser(sandbox());
    const body = (await (
      await postJson(sandbox(), '/widget/v6/connection', { endUserId, locale: 'de' })
    ).json()) as {
      data: { url: string };
    };
    expect(new URL(body.data.url).searchParams.get('lang')).toBe('de');
  });

  it('accepts all 28 documented locales', async () => {
    expect(LOCALES).toHaveLength(28);
    const endUserId = await createUser(sandbox());
    for (const locale of LOCALES) {
      const response = await postJson(sandbox(), '/widget/v6/connection', { endUserId, locale });
      expect(response.status, locale).toBe(200);
    }
  });

  it('creates a fresh session token on every call', async () => {
    const endUserId = await createUser(sandbox());
    const urls = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const body = (await (await postJson(sandbox(), '/widget/v6/connection', { endUserId })).json()) as {
        data: { url: string };
      };
      urls.add(body.data.url);
    }
    expect(urls.size).toBe(5);
    expect(sandbox().state.sessions).toBe(5);
  });

  it.each([
    ['an unknown user', { endUserId: '0123456789abcdef0123456789abcdef' }],
    ['a missing endUserId', {}],
    ['a non-string endUserId', { endUserId: 42 }],
    ['an array body', []],
  ])('answers 400 with a JSON error for %s', async (_why, body) => {
    const response = await postJson(sandbox(), '/widget/v6/connection', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { message: string } };
    expect(json.error.message).toEqual(expect.any(String));
  });

  it.each(['xx', 'EN', 'en-US', 'zh', 7])('answers 400 on the locale %j', async (locale) => {
    const endUserId = await createUser(sandbox());
    const response = await postJson(sandbox(), '/widget/v6/connection', { endUserId, locale });
    expect(response.status).toBe(400);
  });

  it('answers 400 on a body that is not JSON', async () => {
    const response = await postJson(sandbox(), '/widget/v6/connection', '{"endUserId":');
    expect(response.status).toBe(400);
  });

  it('checks both auth headers before anything else', async () => {
    const endUserId = await createUser(sandbox());
    const noApp = await postJson(
      sandbox(),
      '/widget/v6/connection',
      { endUserId },
      { Authorization: AUTH.Authorization },
    );
    expect(noApp.status).toBe(401);
    const noUser = await postJson(
      sandbox(),
      '/widget/v6/connection',
      { endUserId },
      { AppAuthorization: AUTH.AppAuthorization },
    );
    expect(noUser.status).toBe(401);
    expect(sandbox().state.sessions).toBe(0);
  });

  it('answers 405 on GET', async () => {
    const response = await fetch(`${sandbox().url}/widget/v6/connection`);
    expect(response.status).toBe(405);
  });
});
