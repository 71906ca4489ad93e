import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxWebhook, startSandbox } from '../src/index.js';
import { createSession, delay, get, qs } from './helpers.js';

describe('webhooks', () => {
  const received: SandboxWebhook[] = [];
  let receiver: Server;
  let sandbox: Sandbox;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        if (req.headers['content-type'] === 'application/json')
          received.push(JSON.parse(body) as SandboxWebhook);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    sandbox = await startSandbox({ port: 0, webhookUrl: `http://127.0.0.1:${port}/thryve-hook` });
  });

  afterAll(async () => {
    await sandbox.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const waitFor = async (count: number): Promise<void> => {
    for (let i = 0; i < 100 && received.length < count; i += 1) await delay(20);
  };

  it('POSTs notification.source.connect and .disconnect with alias and source id', async () => {
    const { token, endUserId } = await createSession(sandbox, { alias: 'hook-user' });
    const before = Date.now();
    await get(sandbox, `/__consent?${qs({ token, dataSource: 1, decision: 'allow' })}`);
    await get(sandbox, `/dataSourceDirectRevoke.html?${qs({ token, dataSource: 1, direct: 'true' })}`);
    await waitFor(2);
    expect(received).toEqual([
      {
        endUserId,
        endUserAlias: 'hook-user',
        type: 'notification.source.connect',
        data: { timestamp: expect.any(Number), dataSourceId: 1 },
      },
      {
        endUserId,
        endUserAlias: 'hook-user',
        type: 'notification.source.disconnect',
        data: { timestamp: expect.any(Number), dataSourceId: 1 },
      },
    ]);
    expect(received[0]?.data.timestamp).toBeGreaterThanOrEqual(before);
  });

  it('sends no webhook on a denied consent', async () => {
    received.length = 0;
    const { token } = await createSession(sandbox);
    await get(sandbox, `/__consent?${qs({ token, dataSource: 2, decision: 'deny' })}`);
    await delay(150);
    expect(received).toEqual([]);
  });

  it('keeps working when the receiver is unreachable', async () => {
    const lonely = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:9/unreachable' });
    try {
      const { token, endUserId } = await createSession(lonely);
      const response = await get(lonely, `/__consent?${qs({ token, dataSource: 1, decision: 'allow' })}`);
      expect(response.status).toBe(302);
      expect(lonely.state.users.get(endUserId)?.connected.has(1)).toBe(true);
    } finally {
      await lonely.close();
    }
  });
});
