import { describe, expect, it } from 'vitest';
import { buildConnectUrl, buildRevokeUrl } from '../src/index.js';
import { codeOf } from './support/codeOf.js';

const TOKEN = '1060285265X4247109939067552841';

describe('buildConnectUrl and buildRevokeUrl', () => {
  it.each([5, 6, 44, 47])('refuses native source %i: it connects only through the mobile SDKs', (id) => {
    expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: id }))).toBe('native_data_source');
    expect(codeOf(() => buildRevokeUrl({ token: TOKEN, dataSource: id }))).toBe('native_data_source');
  });

  it.each([0, -1, 1.5, Number.NaN, '1', null])('refuses the invalid id %s', (id) => {
    expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: id as number }))).toBe(
      'invalid_data_source',
    );
  });

  it('builds for an id the catalogue does not know yet (Thryve adds sources)', () => {
    expect(buildConnectUrl({ token: TOKEN, dataSource: 99 })).toContain('dataSource=99');
  });

  it('refuses missing and malformed tokens', () => {
    expect(codeOf(() => buildConnectUrl({ token: '', dataSource: 1 }))).toBe('missing_token');
    expect(codeOf(() => buildConnectUrl({ token: 'a b&c', dataSource: 1 }))).toBe('invalid_token');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', '/relative', 'not a url'])(
    'refuses the redirect URI %s',
    (redirectUri) => {
      expect(codeOf(() => buildConnectUrl({ token: TOKEN, dataSource: 1, redirectUri }))).toBe(
        'invalid_redirect_uri',
      );
    },
  );

  it('uses the configured direct host (QA, sandbox)', () => {
    expect(
      buildConnectUrl({ token: TOKEN, dataSource: 2, hosts: { direct: 'http://127.0.0.1:4010/' } }),
    ).toBe(`http://127.0.0.1:4010/dataSourceDirectConnection.html?token=${TOKEN}&dataSource=2`);
  });

  it('refuses a call without an options object with a typed error', () => {
    expect(codeOf(() => buildConnectUrl(undefined as never))).toBe('invalid_input');
  });
});
