import { describe, expect, it } from 'vitest';
import { AUTH, basic, postForm, useSandbox } from './helpers.js';

describe('POST /v5/accessToken', () => {
  const sandbox = useSandbox();

  it('answers a 32-char lowercase hex token as text/plain', async () => {
    const response = await postForm(sandbox(), '/v5/accessToken', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives the same user for the same partnerUserID', async () => {
    const first = await (await postForm(sandbox(), '/v5/accessToken', { partnerUserID: 'alias-1' })).text();
    const second = await (await postForm(sandbox(), '/v5/accessToken', { partnerUserID: 'alias-1' })).text();
    expect(second).toBe(first);
    expect(sandbox().state.users.get(first)?.alias).toBe('alias-1');
  });

  it('accepts the newer endUserAlias name for the alias', async () => {
    const viaOld = await (await postForm(sandbox(), '/v5/accessToken', { partnerUserID: 'same-one' })).text();
    const viaNew = await (await postForm(sandbox(), '/v5/accessToken', { endUserAlias: 'same-one' })).text();
    expect(viaNew).toBe(viaOld);
  });

  it('creates a new user on every call without an alias', async () => {
    const first = await (await postForm(sandbox(), '/v5/accessToken', {})).text();
    const second = await (await postForm(sandbox(), '/v5/accessToken', {})).text();
    expect(second).not.toBe(first);
    expect(sandbox().state.users.size).toBe(2);
  });

  it.each([
    ['has a space', 'has space'],
    ['is too long', 'a'.repeat(81)],
    ['is empty', ''],
    ['has an underscore', 'a_b'],
  ])('refuses an alias that %s with 400', async (_why, alias) => {
    const response = await postForm(sandbox(), '/v5/accessToken', { partnerUserID: alias });
    expect(response.status).toBe(400);
    expect(sandbox().state.users.size).toBe(0);
  });

  it('accepts an alias of exactly 80 allowed characters', async () => {
    const response = await postForm(sandbox(), '/v5/accessToken', { partnerUserID: `A-9${'x'.repeat(77)}` });
    expect(response.status).toBe(200);
  });

  it.each([
    ['Authorization is missing', { AppAuthorization: AUTH.AppAuthorization }],
    ['AppAuthorization is missing', { Authorization: AUTH.Authorization }],
    ['Authorization is wrong', { ...AUTH, Authorization: basic('sandbox-user', 'nope') }],
    ['AppAuthorization is wrong', { ...AUTH, AppAuthorization: basic('sandbox-auth-id', 'nope') }],
    [
      'the two headers are swapped',
      { Authorization: AUTH.AppAuthorization, AppAuthorization: AUTH.Authorization },
    ],
    ['both are missing', {}],
  ])('answers 401 in plain text when %s', async (_why, headers) => {
    const response = await postForm(sandbox(), '/v5/accessToken', { partnerUserID: 'x' }, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).not.toContain('sandbox-password');
    expect(body).not.toContain('sandbox-auth-secret');
    expect(body).not.toContain('nope');
    expect(sandbox().state.users.size).toBe(0);
  });

  it('accepts custom credentials and refuses the defaults then', async () => {
    const { startSandbox } = await import('../src/index.js');
    const custom = await startSandbox({
      port: 0,
      credentials: { username: 'u', password: 'p', authId: 'i', authSecret: 's' },
    });
    try {
      const ok = await postForm(
        custom,
        '/v5/accessToken',
        {},
        { Authorization: basic('u', 'p'), AppAuthorization: basic('i', 's') },
      );
      expect(ok.status).toBe(200);
      const refused = await postForm(custom, '/v5/accessToken', {});
      expect(refused.status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  it('answers 405 with Allow: POST on GET', async () => {
    const response = await fetch(`${sandbox().url}/v5/accessToken`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 415 on a JSON body', async () => {
    const response = await fetch(`${sandbox().url}/v5/accessToken`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"partnerUserID":"x"}',
    });
    expect(response.status).toBe(415);
  });
});
