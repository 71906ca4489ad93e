import { describe, expect, it } from 'vitest';
import { normalizeSessionPayload, ThryveConnectError, toConnectionSession } from '../src/index.js';

const URL_EN =
  'https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en';

describe('toConnectionSession', () => {
  it("accepts a proxy's { url, expiresAt } with an ISO or epoch expiry", () => {
    expect(toConnectionSession({ url: URL_EN, expiresAt: '2030-01-01T00:00:00Z' }, { now: 5 })).toEqual({
      url: URL_EN,
      token: '1060285265X4247109939067552841',
      locale: 'en',
      fetchedAt: 5,
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    });
    expect(toConnectionSession({ url: URL_EN, expiresAt: 42 }).expiresAt).toBe(42);
  });

  it("accepts Thryve's raw widget response", () => {
    expect(normalizeSessionPayload({ type: 'enduser.widget.connection', data: { url: URL_EN } })).toEqual({
      url: URL_EN,
    });
  });

  it.each([null, 'x', {}, { url: 1 }, { url: URL_EN, expiresAt: 'soon' }, { url: URL_EN, expiresAt: {} }])(
    'refuses %j with a typed error',
    (raw) => {
      expect(() => toConnectionSession(raw)).toThrow(ThryveConnectError);
    },
  );
});

describe('given a max age, as the controller checks every session it fetches or is handed', () => {
  const at = 1_000_000;
  const check = (expiresAt: number | undefined, maxAgeMs: number | undefined) =>
    toConnectionSession({ url: URL_EN, expiresAt }, { now: at, maxAgeMs });

  it('refuses one that arrives with less than three expiry margins to live as session_expired', () => {
    expect(() => check(at + 14_999, 600_000)).toThrow(expect.objectContaining({ code: 'session_expired' }));
    expect(() => check(undefined, 14_999)).toThrow(expect.objectContaining({ code: 'session_expired' }));
    expect(check(at + 15_000, 600_000).expiresAt).toBe(at + 15_000);
    expect(check(undefined, 15_000).fetchedAt).toBe(at);
  });

  it('without one, checks only the shape, the URL and the expiry', () => {
    expect(check(at, undefined).expiresAt).toBe(at);
  });
});

describe('the core entry', () => {
  it('imports without a DOM and without touching one', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const core = await import('../src/index.js');
    expect(typeof core.parseWidgetUrl).toBe('function');
  });
});
