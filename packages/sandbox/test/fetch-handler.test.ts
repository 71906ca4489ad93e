import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSandboxHandler, DEFAULT_SANDBOX_CREDENTIALS } from '../src/index.js';
import { basic } from './helpers.js';

// The sandbox without a server: the Fetch handler every adapter (Node, MSW) wraps.
const AUTH = {
  Authorization: basic(DEFAULT_SANDBOX_CREDENTIALS.username, DEFAULT_SANDBOX_CREDENTIALS.password),
  AppAuthorization: basic(DEFAULT_SANDBOX_CREDENTIALS.authId, DEFAULT_SANDBOX_CREDENTIALS.authSecret),
};

describe('the sandbox as a Fetch handler', () => {
  it('serves every route below its base path, and its pages link below it too', async () => {
    const sandbox = createSandboxHandler({ url: 'https://app.example/thryve/' });
    expect(sandbox.url).toBe('https://app.example/thryve');
    const token = await (
      await sandbox.fetch(
        new Request('https://app.example/thryve/v5/accessToken', {
          method: 'POST',
          headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'partnerUserID=base-path-user',
        }),
      )
    ).text();
    const connection = await sandbox.fetch(
      new Request('https://app.example/thryve/widget/v6/connection', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ endUserId: token }),
      }),
    );
    const widgetUrl = ((await connection.json()) as { data: { url: string } }).data.url;
    expect(widgetUrl).toMatch(/^https:\/\/app\.example\/thryve\/\?connectionSessionToken=\d{10}X\d{19}&/);

    const widget = await (await sandbox.fetch(new Request(widgetUrl))).text();
    expect(widget).toContain('action="/thryve/dataSourceDirectConnection.html"');
    const session = new URL(widgetUrl).searchParams.get('connectionSessionToken') ?? '';
    const consent = await (
      await sandbox.fetch(
        new Request(
          `https://app.example/thryve/dataSourceDirectConnection.html?token=${session}&dataSource=1`,
        ),
      )
    ).text();
    expect(consent).toContain('action="/thryve/__consent"');
    const allowed = await sandbox.fetch(
      new Request(`https://app.example/thryve/__consent?token=${session}&dataSource=1&decision=allow`),
    );
    expect(allowed.headers.get('location')).toMatch(/^\/thryve\/dataSourceDirectConnectionResult\.html\?/);
    expect([...(sandbox.state.users.get(token)?.connected.keys() ?? [])]).toEqual([1]);
  });

  it('answers 404 outside its base path, even on a look-alike prefix', async () => {
    const sandbox = createSandboxHandler({ url: 'https://app.example/thryve' });
    for (const url of [
      'https://app.example/v5/accessToken',
      'https://app.example/thryve-other/v5/accessToken',
    ]) {
      const response = await sandbox.fetch(new Request(url, { method: 'POST', headers: AUTH }));
      expect(response.status, url).toBe(404);
    }
  });

  it('a hang fault never answers; the caller’s abort ends the wait', async () => {
    const sandbox = createSandboxHandler();
    sandbox.inject({ route: 'accessToken', type: 'hang', times: 1 });
    const pending = sandbox.fetch(
      new Request(`${sandbox.url}/v5/accessToken`, {
        method: 'POST',
        headers: AUTH,
        signal: AbortSignal.timeout(50),
      }),
    );
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sandbox.state.requests).toEqual([]);
  });

  it('close() ends hung requests, and later requests answer 503', async () => {
    const sandbox = createSandboxHandler();
    sandbox.inject({ route: 'connection', type: 'hang' });
    const pending = sandbox.fetch(new Request(`${sandbox.url}/widget/v6/connection`, { method: 'POST' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    sandbox.close();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect((await sandbox.fetch(new Request(`${sandbox.url}/__sandbox/health`))).status).toBe(503);
  });

  it.each([
    'ftp://sandbox.example',
    'https://user:pw@sandbox.example',
    'https://sandbox.example/?x=1',
    'not a url',
  ])('refuses %s as its url', (url) => {
    expect(() => createSandboxHandler({ url })).toThrow(TypeError);
  });

  it('uses Web APIs only: nothing the MSW entry reaches imports a Node builtin', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from '(node:)?(crypto|http|net|stream|buffer|fs)'/);
      expect(source, file).not.toMatch(/\bBuffer\./);
      for (const [, path] of source.matchAll(/from '(\.[^']+)\.js'/g)) {
        visit(fileURLToPath(new URL(`${path}.ts`, `file://${file}`)));
      }
    };
    visit(fileURLToPath(new URL('../src/msw.ts', import.meta.url)));
    expect(seen.size).toBeGreaterThan(10);
  });
});
