import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConnectUrl,
  buildRevokeUrl,
  createPendingActionStore,
  dataSources,
  parseConnectionResult,
  parseWidgetUrl,
  ThryveConnectError,
  toConnectionSession,
} from '../src/index.js';

const RUNS = { numRuns: 1_000 };
const tokenChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-'.split('');
const token = fc
  .array(fc.constantFrom(...tokenChars), { minLength: 4, maxLength: 64 })
  .map((chars) => chars.join(''));
const webSource = fc.constantFrom(
  ...dataSources.filter((source) => source.kind === 'web').map((source) => source.id),
);
const redirectUri = fc.webUrl({ withQueryParameters: true, withFragments: true });
const ALLOWED = ['https://connect.thryve.de', 'http://127.0.0.1:4010'];

/** Runs `fn` and fails the property if it throws anything but a ThryveConnectError. */
function onlyTypedErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ThryveConnectError)) throw error;
  }
}

describe('properties', () => {
  it('connect and revoke URLs round-trip token, source and redirect URI exactly', () => {
    fc.assert(
      fc.property(token, webSource, fc.option(redirectUri, { nil: undefined }), (t, id, uri) => {
        for (const build of [buildConnectUrl, buildRevokeUrl]) {
          const params = new URL(build({ token: t, dataSource: id, redirectUri: uri })).searchParams;
          expect(params.get('token')).toBe(t);
          expect(params.get('dataSource')).toBe(String(id));
          expect(params.get('redirect_uri')).toBe(uri ?? null);
          expect(params.get('direct')).toBe(build === buildRevokeUrl ? 'true' : null);
        }
      }),
      RUNS,
    );
  });

  it('a widget URL built from any token parses back to that token', () => {
    fc.assert(
      fc.property(token, fc.constantFrom('en', 'de', 'fr'), (t, lang) => {
        const url = `https://connect.thryve.de/?connectionSessionToken=${encodeURIComponent(t)}&platform=web&lang=${lang}`;
        const parsed = parseWidgetUrl(url);
        expect(parsed.token).toBe(t);
        expect(parsed.locale).toBe(lang);
      }),
      RUNS,
    );
  });

  it('parseWidgetUrl throws nothing but ThryveConnectError, and what it accepts is on the allow-list', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...ALLOWED, 'https://evil.example', 'javascript:', 'data:'), fc.string(), token)
      .map(([origin, junk, t]) => `${origin}/${junk}?connectionSessionToken=${t}${junk}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), mutated, fc.anything()), (input) => {
        onlyTypedErrors(() => {
          const parsed = parseWidgetUrl(input, { allowedOrigins: ALLOWED });
          expect(ALLOWED).toContain(parsed.origin);
        });
      }),
      RUNS,
    );
  });

  it('the builders and toConnectionSession throw nothing but ThryveConnectError for any input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (t, id, uri) => {
        onlyTypedErrors(() => buildConnectUrl({ token: t, dataSource: id, redirectUri: uri } as never));
        onlyTypedErrors(() => buildRevokeUrl({ token: t, dataSource: id, redirectUri: uri } as never));
        onlyTypedErrors(() => toConnectionSession(t));
      }),
      RUNS,
    );
  });

  it('parseConnectionResult never reports success for a token other than the pending one', () => {
    const store = createPendingActionStore({ storage: undefined });
    fc.assert(
      fc.property(
        token,
        token,
        webSource,
        fc.boolean(),
        fc.constantFrom('connect', 'revoke' as const),
        (pendingToken, returnedToken, id, connected, action) => {
          fc.pre(pendingToken !== returnedToken);
          const pending = store.save({ userKey: 'user-a', action, dataSource: id, token: pendingToken });
          const url = `https://app.example/?token=${encodeURIComponent(returnedToken)}&dataSource=${id}&connected=${connected}`;
          const result = parseConnectionResult(url, pending);
          expect(result.status).toBe('unmatched');
        },
      ),
      RUNS,
    );
  });

  it('parseConnectionResult never throws, whatever the URL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true })), (url) => {
        expect(() => parseConnectionResult(url, null)).not.toThrow();
        expect(['none', 'unmatched']).toContain(parseConnectionResult(url, null).status);
      }),
      RUNS,
    );
  });
});
