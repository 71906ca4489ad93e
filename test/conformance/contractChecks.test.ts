import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conformanceBounds } from './conformanceBounds.js';
import { runConformance } from './runConformance.js';

// Against the sandbox every check passes (conformance.test.ts). Here each is shown to fail when
// Thryve answers otherwise than the contract says: a Thryve that differs is a finding, not a pass.

let sandbox: Sandbox;
const servers: Server[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterEach(async () => {
  sandbox.reset();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
afterAll(async () => {
  await sandbox?.close();
});

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Thryve host that is the sandbox except where `rewrite` changes an answer. */
function alteredThryve(
  rewrite: (
    path: string,
    answer: { status: number; type: string; body: string },
  ) => {
    status: number;
    type: string;
    body: string;
  },
): Promise<string> {
  return listen(async (req, res) => {
    const body = await readAll(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
    }
    const upstream = await fetch(`${sandbox.url}${req.url}`, {
      method: req.method,
      headers,
      redirect: 'manual',
      ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
    });
    const answer = rewrite(new URL(req.url ?? '/', 'http://x').pathname, {
      status: upstream.status,
      type: upstream.headers.get('content-type') ?? 'text/plain',
      body: await upstream.text(),
    });
    res.writeHead(answer.status, { 'Content-Type': answer.type }).end(answer.body);
  });
}

async function run(only: string[], hosts: Partial<Sandbox['hosts']> = {}) {
  const report = await runConformance({
    thryve: { hosts: { ...sandbox.hosts, ...hosts }, credentials: DEFAULT_SANDBOX_CREDENTIALS },
    bounds: conformanceBounds('sandbox'),
    only,
  });
  return (id: string) => {
    const finding = report.findings.find((candidate) => candidate.id === id);
    if (!finding) throw new Error(`no finding ${id}`);
    return finding;
  };
}

describe('the contract checks fail when Thryve answers otherwise', () => {
  it('wrong-credentials fails on a 403 where the contract says 401, and records it', async () => {
    const api = await alteredThryve((_path, answer) =>
      answer.status === 401 ? { ...answer, status: 403 } : answer,
    );
    const finding = await run(['access-token', 'wrong-credentials'], { api });

    expect(finding('access-token').outcome).toBe('pass');
    expect(finding('wrong-credentials').outcome).toBe('fail');
    expect(finding('wrong-credentials').observed).toMatchObject({
      wrongAuthorization: { status: 403 },
      wrongAppAuthorization: { status: 403 },
    });
  });

  it('unknown-user fails when userInformation answers 400 for an unknown user', async () => {
    sandbox.inject({ route: 'userInformation', type: 'error', status: 400, times: 1 });
    const finding = await run(['access-token', 'unknown-user']);

    expect(finding('unknown-user').outcome).toBe('fail');
    expect(finding('unknown-user').summary).toContain('userInformation: HTTP 400');
  });

  it('widget-session fails when the answer lacks "type": core would refuse Thryve\'s raw answer', async () => {
    const api = await alteredThryve((path, answer) => {
      if (path !== '/widget/v6/connection' || answer.status !== 200) return answer;
      const { data } = JSON.parse(answer.body) as { data: unknown };
      return { ...answer, body: JSON.stringify({ data }) };
    });
    const finding = await run(['access-token', 'widget-session'], { api });

    expect(finding('widget-session').outcome).toBe('fail');
    expect(finding('widget-session').summary).toContain('type WRONG');
  });

  it('revoke fails when Thryve ends the revoke on connected=true, and reads the result it ends on', async () => {
    let connected = 'true';
    // A revoke page that sends the browser on to the sandbox's result page, with the same token.
    const direct = await listen((req, res) => {
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const result = new URLSearchParams({
        token: params.get('token') ?? '',
        dataSource: params.get('dataSource') ?? '',
        connected,
      });
      res
        .writeHead(302, { Location: `${sandbox.url}/dataSourceDirectConnectionResult.html?${result}` })
        .end();
    });

    const failed = await run(['access-token', 'revoke'], { direct });
    expect(failed('revoke').outcome).toBe('fail');

    connected = 'false';
    const passed = await run(['access-token', 'revoke'], { direct });
    expect(passed('revoke').outcome).toBe('pass');
    expect(passed('revoke').observed.resultParams).toEqual({
      connected: 'false',
      dataSource: '1',
      sameToken: true,
    });
  });
});
