// Core judged as an attacker would judge it: every test is named by the attack it stops. Tests marked
// [case N] are the numbered cases of issue 12: each failed against the code before the fix (run
// against commit 12ffba3's src). The others pin checks that already held, so that deleting one fails
// a test (they are what mutation testing found unpinned).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConnectUrl,
  buildRevokeUrl,
  createProxyFetcher,
  fingerprintToken,
  isThryveConnectError,
  type PendingAction,
  parseConnectionResult,
  parseWidgetUrl,
  ThryveConnectError,
  toConnectionSession,
} from '../src/index.js';
import { codeOf } from './support/codeOf.js';

const TOKEN = '1060285265X4247109939067552841';
const NOW = 1_775_037_600_000;
const connect: PendingAction = {
  owner: 'x',
  action: 'connect',
  dataSource: 1,
  tokenFingerprint: fingerprintToken(TOKEN),
  startedAt: NOW - 1_000,
};
const back = (query: string) => `https://app.example/devices?${query}`;

describe('ambiguous redirect results', () => {
  it.each([
    ['connected twice, success first', `token=${TOKEN}&dataSource=1&connected=true&connected=false`],
    ['connected twice, failure first', `token=${TOKEN}&dataSource=1&connected=false&connected=true`],
    [
      'the token twice, the right one first',
      `token=${TOKEN}&token=other-token-1&dataSource=1&connected=true`,
    ],
    ['the token twice, the right one last', `token=other-token-1&token=${TOKEN}&dataSource=1&connected=true`],
    ['the data source twice', `token=${TOKEN}&dataSource=1&dataSource=2&connected=true`],
    ['the same value twice', `token=${TOKEN}&dataSource=1&connected=true&connected=true`],
    ['a parameter twice across encodings', `token=${TOKEN}&dataSource=1&connected=true&c%6Fnnected=true`],
  ])('[case 8] reads a result with %s as malformed, never as success', (_name, query) => {
    expect(parseConnectionResult(back(query), connect, { now: NOW })).toEqual({
      status: 'unmatched',
      reason: 'malformed',
    });
    expect(
      parseConnectionResult(new URL(back(query)), { ...connect, action: 'revoke' }, { now: NOW }),
    ).toEqual({
      status: 'unmatched',
      reason: 'malformed',
    });
  });

  it('still reads a single, matching result as success', () => {
    expect(
      parseConnectionResult(back(`token=${TOKEN}&dataSource=1&connected=true`), connect, { now: NOW }),
    ).toEqual({
      status: 'connected',
      action: 'connect',
      dataSource: 1,
    });
  });

  it('does not trust a pending action dated more than a minute in the future (a planted entry)', () => {
    const query = back(`token=${TOKEN}&dataSource=1&connected=true`);
    expect(parseConnectionResult(query, { ...connect, startedAt: NOW + 60_001 }, { now: NOW })).toMatchObject(
      {
        status: 'unmatched',
        reason: 'stale',
      },
    );
    expect(parseConnectionResult(query, { ...connect, startedAt: NOW + 60_000 }, { now: NOW })).toMatchObject(
      {
        status: 'connected',
      },
    );
  });

  it('does not trust a pending action older than maxAgeMs, exactly at the boundary', () => {
    const query = back(`token=${TOKEN}&dataSource=1&connected=true`);
    const at = (startedAt: number) =>
      parseConnectionResult(query, { ...connect, startedAt }, { now: NOW, maxAgeMs: 5_000 });
    expect(at(NOW - 5_000).status).toBe('connected');
    expect(at(NOW - 5_001)).toMatchObject({ status: 'unmatched', reason: 'stale' });
    expect(at(Number.NaN)).toMatchObject({ status: 'unmatched', reason: 'stale' });
    // The default is 30 minutes.
    const byDefault = (startedAt: number) =>
      parseConnectionResult(query, { ...connect, startedAt }, { now: NOW });
    expect(byDefault(NOW - 30 * 60_000).status).toBe('connected');
    expect(byDefault(NOW - 30 * 60_000 - 1).status).toBe('unmatched');
  });

  it('does not read a result for another token, another source, or a revoke as a connect', () => {
    const ok = `token=${TOKEN}&dataSource=1`;
    expect(
      parseConnectionResult(back(`token=${TOKEN}x&dataSource=1&connected=true`), connect, { now: NOW }),
    ).toMatchObject({
      reason: 'token_mismatch',
    });
    expect(
      parseConnectionResult(back(`token=${TOKEN}&dataSource=2&connected=true`), connect, { now: NOW }),
    ).toMatchObject({
      reason: 'data_source_mismatch',
    });
    const revoke = { ...connect, action: 'revoke' as const };
    expect(parseConnectionResult(back(`${ok}&connected=true`), revoke, { now: NOW }).status).toBe('failed');
    expect(parseConnectionResult(back(`${ok}&connected=false`), revoke, { now: NOW }).status).toBe('revoked');
    expect(parseConnectionResult(back(`${ok}&connected=false`), connect, { now: NOW }).status).toBe('failed');
  });

  it.each([
    ['no token', 'dataSource=1&connected=true'],
    ['an empty token', 'token=&dataSource=1&connected=true'],
    ['connected=yes', `token=${TOKEN}&dataSource=1&connected=yes`],
    ['connected=TRUE', `token=${TOKEN}&dataSource=1&connected=TRUE`],
    ['a data source 0', `token=${TOKEN}&dataSource=0&connected=true`],
    ['a data source 1.5', `token=${TOKEN}&dataSource=1.5&connected=true`],
    ['a data source 1e400', `token=${TOKEN}&dataSource=1e400&connected=true`],
  ])('reads a result with %s as malformed', (_name, query) => {
    expect(parseConnectionResult(back(query), connect, { now: NOW })).toEqual({
      status: 'unmatched',
      reason: 'malformed',
    });
  });

  it('ignores a URL too long to be Thryve’s and one that cannot be parsed', () => {
    const long = back(`token=${TOKEN}&dataSource=1&connected=true&pad=${'x'.repeat(8192)}`);
    expect(parseConnectionResult(long, connect, { now: NOW })).toEqual({ status: 'none' });
    expect(parseConnectionResult('http://[', connect, { now: NOW })).toEqual({ status: 'none' });
    expect(parseConnectionResult(42 as never, connect, { now: NOW })).toEqual({ status: 'none' });
  });
});

describe('hosts and allow-lists that would downgrade to plain http', () => {
  it.each([
    'http://127.0.0.1.evil.tld',
    'http://localhost.evil.tld',
    'http://127.0.0.1.nip.io',
    'http://evil.tld',
    'http://127.0.0.1evil.tld',
    'http://my127.0.0.1.tld',
  ])('refuses %s as a direct host, a widget URL and an allow-list entry (not loopback)', (origin) => {
    expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct: origin } }))).toBe(
      'insecure_url',
    );
    expect(codeOf(() => buildRevokeUrl({ token: TOKEN, dataSource: 1, hosts: { direct: origin } }))).toBe(
      'insecure_url',
    );
    expect(
      codeOf(() =>
        parseWidgetUrl(`${origin}/?connectionSessionToken=${TOKEN}`, { allowedOrigins: [origin] }),
      ),
    ).toBe('insecure_url');
    expect(
      codeOf(() =>
        parseWidgetUrl(`https://connect.thryve.de/?connectionSessionToken=${TOKEN}`, {
          allowedOrigins: [origin],
        }),
      ),
    ).toBe('insecure_url');
  });

  it.each([
    'http://localhost:4010',
    'http://sandbox.localhost:4010',
    'http://127.0.0.1:4010',
    'http://127.255.0.9',
    'http://[::1]:4010',
  ])('accepts the loopback host %s over http (the local sandbox)', (origin) => {
    expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct: origin } }))).toBe(
      'no error',
    );
    expect(
      parseWidgetUrl(`${origin}/?connectionSessionToken=${TOKEN}`, { allowedOrigins: [origin] }).token,
    ).toBe(TOKEN);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://connect.thryve.de/', 'file:///etc/passwd'])(
    'refuses the non-http widget URL %s',
    (url) => {
      expect(codeOf(() => parseWidgetUrl(url))).toMatch(/^(insecure_url|invalid_url)$/);
    },
  );

  it('refuses credentials in a widget URL, an allow-list entry, a direct host and a redirect URI', () => {
    expect(
      codeOf(() => parseWidgetUrl(`https://u:p@connect.thryve.de/?connectionSessionToken=${TOKEN}`)),
    ).toBe('invalid_url');
    expect(codeOf(() => parseWidgetUrl(`https://u@connect.thryve.de/?connectionSessionToken=${TOKEN}`))).toBe(
      'invalid_url',
    );
    expect(
      codeOf(() =>
        parseWidgetUrl(`https://connect.thryve.de/?connectionSessionToken=${TOKEN}`, {
          allowedOrigins: ['https://u:p@connect.thryve.de'],
        }),
      ),
    ).toBe('invalid_url');
    expect(
      codeOf(() =>
        buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct: 'https://:p@x.example' } }),
      ),
    ).toBe('invalid_url');
    expect(
      codeOf(() =>
        buildConnectUrl({ token: TOKEN, dataSource: 1, redirectUri: 'https://user:pass@app.example/back' }),
      ),
    ).toBe('invalid_redirect_uri');
  });

  it('refuses a direct host with a query or a fragment, which would smuggle parameters into Thryve’s URL', () => {
    for (const direct of ['https://x.example/?dataSource=5', 'https://x.example/#x']) {
      expect(
        codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 1, hosts: { direct } })),
        direct,
      ).toBe('invalid_url');
    }
  });

  it('refuses a widget URL of a look-alike origin', () => {
    for (const url of [
      `https://connect.thryve.de.evil.tld/?connectionSessionToken=${TOKEN}`,
      `https://connect.thryve.de:8443/?connectionSessionToken=${TOKEN}`,
      `https://evil.tld/connect.thryve.de/?connectionSessionToken=${TOKEN}`,
    ]) {
      expect(
        codeOf(() => parseWidgetUrl(url)),
        url,
      ).toBe('disallowed_origin');
    }
  });

  it('refuses URLs with surrounding white space or past the length limit', () => {
    expect(codeOf(() => parseWidgetUrl(` https://connect.thryve.de/?connectionSessionToken=${TOKEN}`))).toBe(
      'invalid_url',
    );
    const long = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}&pad=${'x'.repeat(4096)}`;
    expect(codeOf(() => parseWidgetUrl(long))).toBe('invalid_url');
    const limit = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}&pad=`;
    expect(codeOf(() => parseWidgetUrl(limit + 'x'.repeat(4096 - limit.length)))).toBe('no error');
  });
});

describe('the backend’s error codes in the browser', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      res.statusCode = Number(params.get('status'));
      res.setHeader('content-type', 'application/json');
      res.end(params.get('body') ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  async function errorFor(status: number, code?: string): Promise<ThryveConnectError> {
    const body = code === undefined ? '' : JSON.stringify({ error: { code, message: 'm' } });
    const url = `${base}/session?status=${status}&body=${encodeURIComponent(body)}`;
    try {
      await createProxyFetcher({ url })({ locale: 'en' });
    } catch (error) {
      if (isThryveConnectError(error)) return error;
      throw error;
    }
    throw new Error('no error');
  }

  it('[case 11] shows configuration_error when the proxy says Thryve refused its credentials, and does not retry it', async () => {
    const error = await errorFor(502, 'configuration_error');
    expect([error.code, error.status, error.retryable]).toEqual(['configuration_error', 502, false]);
  });

  it.each([
    [400, 'invalid_data_source'],
    [400, 'native_data_source'],
    [400, 'invalid_locale'],
    [404, 'not_found'],
  ])('[case 11] adopts the proxy’s %i %s', async (status, code) => {
    expect((await errorFor(status, code)).code).toBe(code);
  });

  it.each([
    [502, '__proto__', 'server_error'],
    [502, 'constructor', 'server_error'],
    [400, 'aborted', 'bad_request'],
    [401, 'popup_blocked', 'unauthorized'],
    [502, 'configuration_error invalid_locale', 'server_error'],
    [502, 'invalid', 'server_error'],
    [403, '', 'forbidden'],
    [504, 7 as never, 'timeout'],
  ])(
    'does not adopt a code the proxy never sends (%i %j): the status decides',
    async (status, code, expected) => {
      expect((await errorFor(status, code)).code).toBe(expected);
    },
  );

  it('falls back to the status when the error body is not JSON', async () => {
    expect((await errorFor(401)).code).toBe('unauthorized');
    expect((await errorFor(408)).code).toBe('timeout');
    expect((await errorFor(500)).code).toBe('server_error');
    expect((await errorFor(418)).code).toBe('bad_request');
  });
});

describe('sessions from a misbehaving backend', () => {
  it('refuses a session whose widget URL is not Thryve’s', () => {
    expect(codeOf(() => toConnectionSession({ url: 'https://evil.tld/?connectionSessionToken=abcd' }))).toBe(
      'disallowed_origin',
    );
    expect(codeOf(() => toConnectionSession({ url: 'javascript:alert(1)//' }))).toBe('insecure_url');
  });

  it('refuses an expiresAt that is not a date', () => {
    const url = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}`;
    expect(codeOf(() => toConnectionSession({ url, expiresAt: 'soon' }))).toBe('invalid_response');
    expect(codeOf(() => toConnectionSession({ url, expiresAt: {} }))).toBe('invalid_response');
    expect(codeOf(() => toConnectionSession({ url, expiresAt: Number.POSITIVE_INFINITY }))).toBe(
      'invalid_response',
    );
    expect(toConnectionSession({ url, expiresAt: null }).expiresAt).toBeUndefined();
  });

  it('refuses an expiresAt beyond what a Date holds, with maxAgeMs as without (its explanation names the date)', () => {
    const url = `https://connect.thryve.de/?connectionSessionToken=${TOKEN}`;
    for (const expiresAt of [-1e20, 1e20, 8.64e15 + 1]) {
      expect(codeOf(() => toConnectionSession({ url, expiresAt }))).toBe('invalid_response');
      expect(codeOf(() => toConnectionSession({ url, expiresAt }, { maxAgeMs: 600_000 }))).toBe(
        'invalid_response',
      );
    }
    expect(toConnectionSession({ url, expiresAt: 8.64e15 }).expiresAt).toBe(8.64e15);
  });

  it('is a ThryveConnectError whose message is the code when no explanation is given', () => {
    const error = new ThryveConnectError('timeout', '');
    expect(error.message).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(new ThryveConnectError('configuration_error', 'x').retryable).toBe(false);
  });
});
