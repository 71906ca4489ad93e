import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { createSession, createUser, get, postForm, postJson, qs, useSandbox } from './helpers.js';

describe('fault injection', () => {
  const sandbox = useSandbox();

  it('error answers the given status with a plain body, then stops after `times`', async () => {
    sandbox().inject({ route: 'accessToken', type: 'error', status: 503, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await postForm(sandbox(), '/v5/accessToken', {});
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(200);
  });

  it('error defaults to 500 and lasts until cleared', async () => {
    sandbox().inject({ route: 'userInformation', type: 'error' });
    for (let i = 0; i < 3; i += 1) {
      expect((await postForm(sandbox(), '/v5/userInformation', { authenticationToken: 'x' })).status).toBe(
        500,
      );
    }
    sandbox().clearFaults();
    expect((await postForm(sandbox(), '/v5/userInformation', { authenticationToken: 'x' })).status).toBe(403);
  });

  it('only hits the targeted route', async () => {
    sandbox().inject({ route: 'connection', type: 'error' });
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(200);
  });

  it('`*` hits every route', async () => {
    sandbox().inject({ route: '*', type: 'error', status: 502 });
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(502);
    expect((await postJson(sandbox(), '/widget/v6/connection', {})).status).toBe(502);
    expect((await get(sandbox(), '/?connectionSessionToken=x')).status).toBe(502);
    expect((await get(sandbox(), '/dataSourceDirectRevoke.html')).status).toBe(502);
    // The control API is never faulted, or tests could not clear the fault.
    expect((await fetch(`${sandbox().url}/__sandbox/health`)).status).toBe(200);
  });

  it('latency delays the answer by `ms`', async () => {
    sandbox().inject({ route: 'accessToken', type: 'latency', ms: 150, times: 1 });
    const started = Date.now();
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const again = Date.now();
    await postForm(sandbox(), '/v5/accessToken', {});
    expect(Date.now() - again).toBeLessThan(140);
  });

  it('latency combines with an error on the same request', async () => {
    sandbox().inject({ route: 'accessToken', type: 'error', status: 500, times: 1 });
    sandbox().inject({ route: 'accessToken', type: 'latency', ms: 100, times: 1 });
    const started = Date.now();
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('hang never answers, so a client timeout fires', async () => {
    sandbox().inject({ route: 'connection', type: 'hang', times: 1 });
    const endUserId = await createUser(sandbox());
    await expect(
      fetch(`${sandbox().url}/widget/v6/connection`, {
        method: 'POST',
        body: JSON.stringify({ endUserId }),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect((await postJson(sandbox(), '/widget/v6/connection', { endUserId })).status).toBe(200);
  });

  it('malformed gives accessToken an empty 200', async () => {
    sandbox().inject({ route: 'accessToken', type: 'malformed', times: 1 });
    const response = await postForm(sandbox(), '/v5/accessToken', {});
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('malformed gives JSON routes a body that is not JSON', async () => {
    sandbox().inject({ route: 'connection', type: 'malformed', times: 1 });
    sandbox().inject({ route: 'userInformation', type: 'malformed', times: 1 });
    const connection = await postJson(sandbox(), '/widget/v6/connection', {});
    expect(connection.status).toBe(200);
    await expect(connection.json()).rejects.toThrow();
    const info = await postForm(sandbox(), '/v5/userInformation', {});
    expect(info.status).toBe(200);
    await expect(info.json()).rejects.toThrow();
  });

  it('malformed on the revoke route answers 200 without revoking', async () => {
    const { token, endUserId } = await createSession(sandbox());
    sandbox().connect({ endUserId }, 1);
    sandbox().inject({ route: 'directRevoke', type: 'malformed', times: 1 });
    const response = await get(
      sandbox(),
      `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('disconnected');
    expect(sandbox().state.users.get(endUserId)?.connected.has(1)).toBe(true);
  });

  it('faults the widget page and the direct connect page', async () => {
    const { widgetUrl, token } = await createSession(sandbox());
    sandbox().inject({ route: 'widget', type: 'error', status: 500, times: 1 });
    sandbox().inject({ route: 'directConnect', type: 'error', status: 504, times: 1 });
    const url = new URL(widgetUrl);
    expect((await get(sandbox(), `/${url.search}`)).status).toBe(500);
    expect(
      (await get(sandbox(), `/dataSourceDirectConnection.html?${qs({ token, dataSource: 1 })}`)).status,
    ).toBe(504);
    expect((await get(sandbox(), `/${url.search}`)).status).toBe(200);
  });

  it('rejects an invalid fault given to inject()', () => {
    expect(() => sandbox().inject({ route: 'nope' as 'widget', type: 'error' })).toThrow(TypeError);
    expect(() => sandbox().inject({ route: 'widget', type: 'error', times: 0 })).toThrow(TypeError);
  });

  it('reset() clears faults', async () => {
    sandbox().inject({ route: '*', type: 'error' });
    sandbox().reset();
    expect((await postForm(sandbox(), '/v5/accessToken', {})).status).toBe(200);
  });
});

describe('global latencyMs', () => {
  it('delays every REST route but not the pages or the control API', async () => {
    const sandbox = await startSandbox({ port: 0, latencyMs: 120 });
    try {
      let started = Date.now();
      await postForm(sandbox, '/v5/accessToken', {});
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      started = Date.now();
      await fetch(`${sandbox.url}/__sandbox/health`);
      await fetch(`${sandbox.url}/dataSourceDirectConnectionResult.html?dataSource=1&connected=true`);
      expect(Date.now() - started).toBeLessThan(110);
    } finally {
      await sandbox.close();
    }
  });
});

describe('close() during a fault', () => {
  it('returns promptly while a request hangs or sleeps', async () => {
    const sandbox = await startSandbox({ port: 0 });
    sandbox.inject({ route: 'accessToken', type: 'hang' });
    sandbox.inject({ route: 'connection', type: 'latency', ms: 60_000 });
    const hung = postForm(sandbox, '/v5/accessToken', {}).catch((error: unknown) => error);
    const slow = postJson(sandbox, '/widget/v6/connection', {}).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hung).toBeInstanceOf(Error);
    expect(await slow).toBeInstanceOf(Error);
  });
});
