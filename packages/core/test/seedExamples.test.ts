import { describe, expect, it } from 'vitest';
import {
  buildConnectUrl,
  buildRevokeUrl,
  createPendingActionStore,
  parseConnectionResult,
  parseWidgetUrl,
} from '../src/index.js';

// The reference's own examples, character for character: if Thryve's documented format and ours
// ever drift apart, these fail first.

const SEED_WIDGET_URL =
  'https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en';
const TOKEN = '1060285265X4247109939067552841';

describe('the reference examples', () => {
  it('parses the documented widget URL to its token and language', () => {
    const parsed = parseWidgetUrl(SEED_WIDGET_URL);
    expect(parsed.token).toBe(TOKEN);
    expect(parsed.locale).toBe('en');
    expect(parsed.origin).toBe('https://connect.thryve.de');
    expect(parsed.url).toBe(SEED_WIDGET_URL);
  });

  it('builds the connect URL exactly as documented, with and without redirect_uri', () => {
    expect(buildConnectUrl({ token: TOKEN, dataSource: 1 })).toBe(
      `https://service2.und-gesund.de/dataSourceDirectConnection.html?token=${TOKEN}&dataSource=1`,
    );
    expect(
      buildConnectUrl({ token: TOKEN, dataSource: 1, redirectUri: 'https://app.example/back?x=1' }),
    ).toBe(
      `https://service2.und-gesund.de/dataSourceDirectConnection.html?token=${TOKEN}&dataSource=1&redirect_uri=https%3A%2F%2Fapp.example%2Fback%3Fx%3D1`,
    );
  });

  it('builds the revoke URL exactly as documented, with and without redirect_uri', () => {
    expect(buildRevokeUrl({ token: TOKEN, dataSource: 1 })).toBe(
      `https://service2.und-gesund.de/dataSourceDirectRevoke.html?token=${TOKEN}&dataSource=1&direct=true`,
    );
    expect(buildRevokeUrl({ token: TOKEN, dataSource: 1, redirectUri: 'https://app.example/back' })).toBe(
      `https://service2.und-gesund.de/dataSourceDirectRevoke.html?token=${TOKEN}&dataSource=1&direct=true&redirect_uri=https%3A%2F%2Fapp.example%2Fback`,
    );
  });

  it('reads connected=true as success after a connect and connected=false as success after a revoke', () => {
    const store = createPendingActionStore({ storage: undefined });
    const back = (connected: boolean) =>
      `https://app.example/back?token=${TOKEN}&dataSource=1&connected=${connected}`;

    const connect = store.save({ userKey: 'user-a', action: 'connect', dataSource: 1, token: TOKEN });
    expect(parseConnectionResult(back(true), connect).status).toBe('connected');
    expect(parseConnectionResult(back(false), connect).status).toBe('failed');

    const revoke = store.save({ userKey: 'user-a', action: 'revoke', dataSource: 1, token: TOKEN });
    expect(parseConnectionResult(back(false), revoke).status).toBe('revoked');
    expect(parseConnectionResult(back(true), revoke).status).toBe('failed');
  });
});
