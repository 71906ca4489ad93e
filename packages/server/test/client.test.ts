import { buildRevokeUrl, parseWidgetUrl } from '@thryve-connect/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isThryveApiError, ThryveApiError } from '../src/index.js';
import { clientFor, type Sandbox, startTestSandbox } from './support/harness.js';
import {
  CREDENTIALS,
  catchError,
  expectNoSecrets,
  recordingFetch,
  WRONG_CREDENTIALS,
} from './support/secrets.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  await sandbox?.close();
});

const client = () => clientFor(sandbox, { fetch: recordingFetch });

describe('createThryveClient against the sandbox', () => {
  it('creates an end user once per alias', async () => {
    const a = await client().getOrCreateEndUser('alice-1');
    const b = await client().getOrCreateEndUser('alice-1');
    const c = await client().getOrCreateEndUser('bob-1');
    expect(a).toMatch(/^[a-f0-9]{32}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(sandbox.state.users.get(a)?.alias).toBe('alice-1');
  });

  it('sends both Basic headers and the alias as a form field', async () => {
    const seen: Request[] = [];
    const spying = clientFor(sandbox, {
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    await spying.getOrCreateEndUser('headers-1');
    const request = seen[0];
    expect(request?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString('base64')}`,
    );
    expect(request?.headers.get('appauthorization')).toBe(
      `Basic ${Buffer.from(`${CREDENTIALS.authId}:${CREDENTIALS.authSecret}`).toString('base64')}`,
    );
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await request?.text()).toBe('partnerUserID=headers-1');
    expect(request?.signal).toBeDefined();
  });

  it.each(['', 'has space', 'a'.repeat(81), 'ümlaut', 'semi;colon', 'a/b'])(
    'refuses the alias %j before any request',
    async (alias) => {
      const before = sandbox.state.requests.length;
      const error = await catchError(client().getOrCreateEndUser(alias));
      expect(isThryveApiError(error, 'bad_request')).toBe(true);
      expect((error as ThryveApiError).status).toBeUndefined();
      expect(sandbox.state.requests.length).toBe(before);
    },
  );

  it('accepts an alias of exactly 80 characters', async () => {
    await expect(client().getOrCreateEndUser('A-9'.repeat(26).concat('xy'))).resolves.toMatch(
      /^[a-f0-9]{32}$/,
    );
  });

  it('creates a connection session whose URL is on the widget host', async () => {
    const endUserId = await client().getOrCreateEndUser('session-1');
    const session = await client().createConnectionSession({ endUserId, locale: 'de' });
    const parsed = parseWidgetUrl(session.url, { allowedOrigins: [sandbox.hosts.widget] });
    expect(parsed.token).toBe(session.token);
    expect(parsed.locale).toBe('de');
    expect(session.url.startsWith(sandbox.url)).toBe(true);
  });

  it('refuses a widget URL from another host than the configured widget host', async () => {
    const endUserId = await client().getOrCreateEndUser('session-2');
    const strict = clientFor(sandbox, {
      fetch: recordingFetch,
      hosts: { ...sandbox.hosts, widget: 'https://connect.thryve.de' },
    });
    const error = await catchError(strict.createConnectionSession({ endUserId }));
    expect(isThryveApiError(error, 'invalid_response')).toBe(true);
    expect((error as Error).message).not.toContain('connectionSessionToken=');
  });

  it('refuses an unknown locale and a malformed end-user id before any request', async () => {
    const before = sandbox.state.requests.length;
    expect(
      isThryveApiError(
        await catchError(client().createConnectionSession({ endUserId: 'abcd', locale: 'xx' as never })),
        'bad_request',
      ),
    ).toBe(true);
    expect(
      isThryveApiError(
        await catchError(client().createConnectionSession({ endUserId: 'a b' })),
        'bad_request',
      ),
    ).toBe(true);
    expect(isThryveApiError(await catchError(client().getConnectedSources('')), 'bad_request')).toBe(true);
    expect(sandbox.state.requests.length).toBe(before);
  });

  it('lists connected sources and revokes one server-side', async () => {
    const endUserId = await client().getOrCreateEndUser('conn-1');
    expect(await client().getConnectedSources(endUserId)).toEqual([]);
    sandbox.connect({ alias: 'conn-1' }, 1);
    sandbox.connect({ alias: 'conn-1' }, 18);
    const sources = await client().getConnectedSources(endUserId);
    expect(sources.map((s) => s.dataSource)).toEqual([1, 18]);
    for (const source of sources) expect(Number.isNaN(Date.parse(source.connectedAt ?? ''))).toBe(false);

    await client().revokeDataSource({ endUserId, dataSource: 1 });
    expect((await client().getConnectedSources(endUserId)).map((s) => s.dataSource)).toEqual([18]);
    // The revoke is a GET on the direct host, without credentials.
    expect(
      sandbox.state.requests.some((r) => r.path === '/dataSourceDirectRevoke.html' && r.status === 200),
    ).toBe(true);
  });

  it('does not send the credentials to the direct (browser) host', async () => {
    const endUserId = await client().getOrCreateEndUser('conn-2');
    sandbox.connect({ endUserId }, 2);
    const sent: Request[] = [];
    const spying = clientFor(sandbox, {
      fetch: async (input, init) => {
        sent.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    await spying.revokeDataSource({ endUserId, dataSource: 2 });
    const revoke = sent.find((r) => r.url.includes('dataSourceDirectRevoke.html'));
    expect(revoke?.method).toBe('GET');
    expect(revoke?.headers.get('authorization')).toBeNull();
    expect(revoke?.headers.get('appauthorization')).toBeNull();
    expect(revoke?.url).toBe(
      buildRevokeUrl({
        token: new URL(revoke?.url ?? '').searchParams.get('token') ?? '',
        dataSource: 2,
        hosts: sandbox.hosts,
      }),
    );
  });

  it('refuses to revoke a native or invalid source', async () => {
    const endUserId = await client().getOrCreateEndUser('conn-3');
    expect(
      isThryveApiError(
        await catchError(client().revokeDataSource({ endUserId, dataSource: 5 })),
        'bad_request',
      ),
    ).toBe(true);
    expect(
      isThryveApiError(
        await catchError(client().revokeDataSource({ endUserId, dataSource: -1 })),
        'bad_request',
      ),
    ).toBe(true);
  });
});

describe('failures', () => {
  it('times out a hanging Thryve', async () => {
    sandbox.inject({ route: 'accessToken', type: 'hang' });
    const started = Date.now();
    const error = await catchError(
      clientFor(sandbox, { fetch: recordingFetch, timeoutMs: 200 }).getOrCreateEndUser('hang-1'),
    );
    expect(isThryveApiError(error, 'timeout')).toBe(true);
    expect((error as ThryveApiError).status).toBeUndefined();
    expect((error as ThryveApiError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    [500, 'server_error'],
    [503, 'server_error'],
    [400, 'bad_request'],
    [403, 'forbidden'],
    [404, 'not_found'],
  ] as const)('maps Thryve HTTP %i to %s', async (status, code) => {
    const endUserId = await client().getOrCreateEndUser('status-1');
    sandbox.inject({ route: 'connection', type: 'error', status, times: 1 });
    const error = await catchError(client().createConnectionSession({ endUserId }));
    expect(error).toBeInstanceOf(ThryveApiError);
    expect((error as ThryveApiError).code).toBe(code);
    expect((error as ThryveApiError).status).toBe(status);
    expect((error as Error).message).toContain(`HTTP ${status}`);
  });

  it.each(['accessToken', 'connection', 'userInformation'] as const)(
    'reports a malformed %s answer as invalid_response',
    async (route) => {
      const endUserId = await client().getOrCreateEndUser('malformed-1');
      sandbox.inject({ route, type: 'malformed', times: 1 });
      const call =
        route === 'accessToken'
          ? client().getOrCreateEndUser('malformed-1')
          : route === 'connection'
            ? client().createConnectionSession({ endUserId })
            : client().getConnectedSources(endUserId);
      const error = await catchError(call);
      expect(isThryveApiError(error, 'invalid_response')).toBe(true);
    },
  );

  it('reports a failed revoke GET', async () => {
    const endUserId = await client().getOrCreateEndUser('revoke-fail-1');
    sandbox.inject({ route: 'directRevoke', type: 'error', status: 500, times: 1 });
    const error = await catchError(client().revokeDataSource({ endUserId, dataSource: 1 }));
    expect(isThryveApiError(error, 'server_error')).toBe(true);
    expect((error as Error).message).not.toMatch(/token=/);
  });

  it('reports bad credentials as a configuration error without echoing them', async () => {
    const wrong = clientFor(sandbox, { ...WRONG_CREDENTIALS, fetch: recordingFetch });
    const error = await catchError(wrong.getOrCreateEndUser('creds-1'));
    expect(isThryveApiError(error, 'configuration_error')).toBe(true);
    expect((error as ThryveApiError).status).toBe(401);
    const half = clientFor(sandbox, { authSecret: WRONG_CREDENTIALS.authSecret, fetch: recordingFetch });
    expect(
      isThryveApiError(await catchError(half.getOrCreateEndUser('creds-1')), 'configuration_error'),
    ).toBe(true);
  });

  it('reports an unreachable Thryve as a network error', async () => {
    const offline = clientFor(sandbox, { hosts: { api: 'http://127.0.0.1:9' }, fetch: recordingFetch });
    const error = await catchError(offline.getOrCreateEndUser('offline-1'));
    expect(isThryveApiError(error, 'network_error')).toBe(true);
  });

  it('refuses bad configuration without echoing it', () => {
    expect(() => clientFor(sandbox, { password: '' })).toThrow(TypeError);
    expect(() => clientFor(sandbox, { timeoutMs: 0 })).toThrow(TypeError);
    expect(() => clientFor(sandbox, { hosts: { api: 'ftp://x' } })).toThrow(TypeError);
    try {
      clientFor(sandbox, {
        hosts: { api: `https://${CREDENTIALS.username}:${CREDENTIALS.password}@x.test` },
      });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(CREDENTIALS.password);
    }
  });

  it('leaks no secret in any response or error of this file', () => {
    expectNoSecrets();
  });
});
