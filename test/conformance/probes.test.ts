import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { conformanceBounds } from './conformanceBounds.js';
import { observeWidgetMessages } from './probeWidgetMessages.js';
import { runConformance } from './runConformance.js';

// The probes report what they see rather than assert a guess, so each must be shown to see both
// ways: here against pages built to behave unlike the sandbox (which conformance.test.ts covers).

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
const closeServer = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the widget-messages probe', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records a message the embedded page posts to its parent, its origin, and hides the token in it', async () => {
    const token = '1234567890X1234567890123456789';
    const { server, url } = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(
        `<!doctype html><title>Fake widget</title><script>
        parent.postMessage({ type: 'widget.ready', session: '${token}', sources: [1, 2] }, '*');
        </script>`,
      );
    });
    closers.push(closeServer(server));

    const seen = await observeWidgetMessages(browser, `${url}/?connectionSessionToken=${token}`, {
      observeMs: 200,
      loadTimeoutMs: 10_000,
      redact: (text) => text.split(token).join('<session token 1>'),
      redactUrl: (href) => href.split(token).join('<session token 1>'),
    });

    expect(seen.loaded).toBe(true);
    expect(seen.messages).toHaveLength(1);
    expect(seen.messages[0]).toMatchObject({
      origin: url,
      fromWidget: true,
      shape: { type: 'string(12)', session: 'string(30)', sources: ['number', '…2 items'] },
      sample: '{"type":"widget.ready","session":"<session token 1>","sources":[1,2]}',
    });
    expect(seen.widgetDocument.status).toBe(200);
    expect(seen.frame.title).toBe('Fake widget');
    expect(JSON.stringify(seen)).not.toContain(token);
  });

  it('records the framing limits a widget page sends, which would keep a host app from embedding it', async () => {
    const { server, url } = await listen((_req, res) => {
      res
        .writeHead(200, {
          'Content-Type': 'text/html',
          'Content-Security-Policy': "default-src 'self'; frame-ancestors https://app.example",
        })
        .end('<!doctype html><title>Framed only by app.example</title>');
    });
    closers.push(closeServer(server));

    const seen = await observeWidgetMessages(browser, `${url}/?connectionSessionToken=abcd1234`, {
      observeMs: 100,
      loadTimeoutMs: 10_000,
      redact: (text) => text,
      redactUrl: (href) => href,
    });

    expect(seen.widgetDocument.frameAncestors).toBe('frame-ancestors https://app.example');
    expect(seen.messages).toEqual([]);
    // Chromium refuses to show it: the frame holds no page of that origin.
    expect(seen.frame.title).not.toBe('Framed only by app.example');
  });
});

describe('the token probes against pages unlike the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    // Sessions outlive the probe's tiny ceiling: what "longer than the ceiling" looks like.
    sandbox = await startSandbox({ port: 0, sessionTtlMs: 60_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const bounds = () => ({
    ...conformanceBounds('sandbox', {
      THRYVE_CONFORMANCE_LIFETIME_FIRST_MS: '100',
      THRYVE_CONFORMANCE_LIFETIME_CEILING_MS: '400',
    }),
  });

  it('calls a single-use direct page "refused" after one use, and then keeps it out of the lifetime asks', async () => {
    // The sandbox's direct page, but each token works once.
    const used = new Set<string>();
    const { server, url } = await listen(async (req, res) => {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
      if (used.has(token)) {
        res
          .writeHead(400, { 'Content-Type': 'text/html' })
          .end('<!doctype html><title>Link already used</title>');
        return;
      }
      used.add(token);
      const upstream = await fetch(`${sandbox.url}${req.url}`, { redirect: 'manual' });
      res.writeHead(upstream.status, { 'Content-Type': 'text/html' }).end(await upstream.text());
    });
    closers.push(closeServer(server));

    const report = await runConformance({
      thryve: { hosts: { ...sandbox.hosts, direct: url }, credentials: DEFAULT_SANDBOX_CREDENTIALS },
      bounds: bounds(),
      only: ['token-reuse', 'token-lifetime'],
    });
    const [reuse, lifetime] = report.findings;

    expect(reuse?.observed).toMatchObject({
      directAfterDirect: 'refused',
      widgetAfterDirect: 'accepted',
      widgetAfterWidget: 'accepted',
      olderAfterNewer: 'accepted',
    });
    expect(lifetime?.observed.notAsked).toEqual({
      direct: 'the direct page refused a second ask (token-reuse)',
    });
    expect(Object.keys(lifetime?.observed.pages as object)).toEqual(['widget']);
    expect(lifetime?.summary).toContain('widget: still accepted at');
    expect(lifetime?.observed.lifetime).toMatchObject({ verdict: 'longer than the ceiling' });
  });

  it('calls a page that answers every token alike "unobservable" rather than guess', async () => {
    const { server, url } = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Connect</title>');
    });
    closers.push(closeServer(server));

    const report = await runConformance({
      thryve: { hosts: { ...sandbox.hosts, direct: url }, credentials: DEFAULT_SANDBOX_CREDENTIALS },
      bounds: bounds(),
      only: ['token-reuse', 'token-lifetime'],
    });
    const [reuse, lifetime] = report.findings;

    expect(reuse?.observed).toMatchObject({
      directAfterDirect: 'unobservable',
      olderAfterNewer: 'unobservable',
    });
    expect(lifetime?.observed.pages).toMatchObject({
      widget: { observable: true, refusedByMs: null },
      direct: { observable: false, refusedByMs: null },
    });
    expect(lifetime?.summary).toContain('direct: unobservable');
    // The widget still answers: the lifetime is only known to be longer than the ceiling.
    expect(lifetime?.observed.lifetime).toMatchObject({ verdict: 'longer than the ceiling' });
    expect(
      (lifetime?.observed.lifetime as { moreThanMs?: number } | undefined)?.moreThanMs,
    ).toBeGreaterThanOrEqual(400);
  });
});
