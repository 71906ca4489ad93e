// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildConnectUrl,
  connectDataSource,
  continueConnectInThisWindow,
  createThryveConnect,
  getDataSourceFlow,
  revokeDataSource,
} from '../src/index.js';
import { backend, stubAssign } from './support/controllerKit.js';

// A page rendered on a server has no `location` to build an absolute redirectUri from: the flows take a
// path and resolve it against the page's origin when the user clicks.

const redirectOf = (url: string | undefined) => new URL(url ?? '').searchParams.get('redirect_uri');

async function aliceWithSession() {
  const thryve = createThryveConnect({ fetcher: backend().fetcher });
  thryve.setUser('alice');
  await thryve.forUser('alice').ensureSession('en');
  return thryve.forUser('alice');
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('a redirectUri given as a path', () => {
  it('comes back to this origin after a connect', async () => {
    const alice = await aliceWithSession();
    const assign = stubAssign();
    expect(connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: '/devices?tab=2' })).toBe(
      'navigated',
    );
    expect(redirectOf(assign.mock.calls[0]?.[0])).toBe(`${window.location.origin}/devices?tab=2`);
  });

  it('comes back to this origin when a blocked connect continues in this window', async () => {
    const alice = await aliceWithSession();
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(connectDataSource(alice, { locale: 'en', dataSource: 3 })).toBe('blocked');
    const assign = stubAssign();
    expect(continueConnectInThisWindow(alice, { dataSource: 3, redirectUri: '/devices' })).toBe(true);
    expect(redirectOf(assign.mock.calls[0]?.[0])).toBe(`${window.location.origin}/devices`);
  });

  it('comes back to this origin after a revoke by redirect', async () => {
    const alice = await aliceWithSession();
    const assign = stubAssign();
    await revokeDataSource(alice, { locale: 'en', dataSource: 1, mode: 'redirect', redirectUri: '/devices' });
    expect(redirectOf(assign.mock.calls[0]?.[0])).toBe(`${window.location.origin}/devices`);
  });

  it('that names another host ("//…") is refused, says why, and never navigates', async () => {
    const alice = await aliceWithSession();
    const assign = stubAssign();
    expect(
      connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: '//evil.example/devices' }),
    ).toBe('failed');
    expect(getDataSourceFlow(alice, 1).error).toMatchObject({
      code: 'invalid_redirect_uri',
      message: expect.stringContaining('"//evil.example/devices" starts with "//", which names another host'),
    });
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('a redirectUri that is neither a URL nor a path', () => {
  it('fails the click with a message that shows both forms that work', async () => {
    const alice = await aliceWithSession();
    const assign = stubAssign();
    expect(connectDataSource(alice, { locale: 'en', dataSource: 1, redirectUri: 'devices' })).toBe('failed');
    const { message } = getDataSourceFlow(alice, 1).error ?? {};
    expect(message).toContain('The redirect URI "devices" is not an absolute URL.');
    expect(message).toContain('https://example.com/devices');
    expect(message).toContain('a path ("/devices")');
    expect(assign).not.toHaveBeenCalled();
  });

  it('is refused by the pure URL builder too, which has no page to resolve a path against', () => {
    expect(() =>
      buildConnectUrl({ token: '1060285265X4247109939067552841', dataSource: 1, redirectUri: '/devices' }),
    ).toThrow(/is not an absolute URL/);
  });
});
