import { describe, expect, it } from 'vitest';
import { LIVE_RUN_ENV, resolveConformanceTarget } from './resolveConformanceTarget.js';

const FULL = {
  THRYVE_API_HOST: 'https://api.qa.example/',
  THRYVE_WIDGET_HOST: 'https://connect.qa.example',
  THRYVE_DIRECT_HOST: 'https://service.qa.example/base/',
  THRYVE_USERNAME: 'user',
  THRYVE_PASSWORD: 'password',
  THRYVE_AUTH_ID: 'auth-id',
  THRYVE_AUTH_SECRET: 'auth-secret',
};

describe('where the conformance suite runs', () => {
  it('runs against the sandbox when no THRYVE_* variable is set', () => {
    expect(resolveConformanceTarget({ [LIVE_RUN_ENV]: '1' })).toEqual({ target: { kind: 'sandbox' } });
  });

  it('keeps `pnpm test` on the sandbox even when the shell holds real credentials, and says so', () => {
    const { target, notice } = resolveConformanceTarget(FULL);
    expect(target).toEqual({ kind: 'sandbox' });
    expect(notice).toContain('pnpm test:conformance');
  });

  it('targets that Thryve for `pnpm test:conformance` with all seven variables, hosts without a trailing slash', () => {
    const { target } = resolveConformanceTarget({ ...FULL, [LIVE_RUN_ENV]: '1' });
    expect(target).toEqual({
      kind: 'thryve',
      thryve: {
        hosts: {
          api: 'https://api.qa.example',
          widget: 'https://connect.qa.example',
          direct: 'https://service.qa.example/base',
        },
        credentials: { username: 'user', password: 'password', authId: 'auth-id', authSecret: 'auth-secret' },
      },
    });
  });

  it('refuses a partial set rather than run half against Thryve, naming what is missing', () => {
    const { THRYVE_AUTH_SECRET: _secret, ...partial } = FULL;
    expect(() => resolveConformanceTarget({ ...partial, [LIVE_RUN_ENV]: '1' })).toThrow(
      'Missing: THRYVE_AUTH_SECRET',
    );
  });

  it('refuses a plain-http Thryve host (credentials would travel in clear), allowing localhost', () => {
    expect(() =>
      resolveConformanceTarget({ ...FULL, THRYVE_API_HOST: 'http://api.qa.example', [LIVE_RUN_ENV]: '1' }),
    ).toThrow('THRYVE_API_HOST must be https');
    const { target } = resolveConformanceTarget({
      ...FULL,
      THRYVE_API_HOST: 'http://127.0.0.1:4010',
      [LIVE_RUN_ENV]: '1',
    });
    expect(target.kind === 'thryve' && target.thryve.hosts.api).toBe('http://127.0.0.1:4010');
  });
});
