import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_WIDGET_SANDBOX } from '@thryve-connect/react';
import type { Browser } from 'playwright-core';
import type { ConformanceContext, FindingSpec } from './ConformanceContext.js';
import { jsonSkeleton } from './describeBody.js';
import { formatMs } from './formatMs.js';

/** One `message` event the embedding page received. */
export interface ObservedMessage {
  origin: string;
  /** Whether `event.source` was the widget's iframe. */
  fromWidget: boolean;
  /** Milliseconds after the iframe's `load`, or before it when negative. */
  afterLoadMs: number | null;
  shape: unknown;
  sample: string;
}

/** What the embedding page saw. */
export interface WidgetMessagesObservation {
  loaded: boolean;
  /** From the host page's start to the iframe's `load` (the widget shows an error after 20 s). */
  loadMs: number | null;
  messages: ObservedMessage[];
  widgetDocument: {
    status: number | null;
    xFrameOptions: string | null;
    frameAncestors: string | null;
  };
  frame: { url: string | null; title: string | null };
  /** Origins the widget page loaded anything from (its own scripts, APIs, fonts …), with counts. */
  requestOrigins: Record<string, number>;
  observeMs: number;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page a host app would be: on its own origin (`localhost`, cross-site from any Thryve host), it
 * records every `message` event from the moment it starts, then embeds the widget in an iframe with
 * the attributes `<ThryveConnectionWidget>` gives it (its default `sandbox`, no referrer, fullscreen).
 */
function embeddingPage(widgetUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>thryve-connect conformance: host page</title></head>
<body>
<script>
window.__messages = [];
window.__frameLoadedAt = null;
addEventListener('message', function (event) {
  var frame = document.querySelector('iframe');
  var data;
  try { data = JSON.parse(JSON.stringify(event.data)); } catch (e) { data = String(event.data); }
  window.__messages.push({ origin: event.origin, fromWidget: !!frame && event.source === frame.contentWindow, at: performance.now(), data: data });
});
</script>
<iframe src="${escapeAttribute(widgetUrl)}" title="Thryve Connection Widget" sandbox="${escapeAttribute(DEFAULT_WIDGET_SANDBOX)}" referrerpolicy="no-referrer" allow="fullscreen" style="display:block;width:100%;height:640px;border:0" onload="window.__frameLoadedAt = performance.now()"></iframe>
</body></html>`;
}

function frameAncestors(csp: string | null): string | null {
  if (csp === null) return null;
  const directive = csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.toLowerCase().startsWith('frame-ancestors'));
  return directive ?? null;
}

/**
 * Loads `widgetUrl` in an iframe of a page on another origin in headless Chromium, waits for its
 * `load`, keeps listening for `observeMs`, and reports every `message` the page received. Clicks
 * nothing: a message sent only during or after a provider login is out of its reach.
 */
export async function observeWidgetMessages(
  browser: Browser,
  widgetUrl: string,
  options: {
    observeMs: number;
    loadTimeoutMs: number;
    redact: (text: string) => string;
    redactUrl: (url: string) => string;
  },
): Promise<WidgetMessagesObservation> {
  const html = embeddingPage(widgetUrl);
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostOrigin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requestOrigins: Record<string, number> = {};
    const widgetDocument: WidgetMessagesObservation['widgetDocument'] = {
      status: null,
      xFrameOptions: null,
      frameAncestors: null,
    };
    page.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (origin === hostOrigin || origin === 'null') return;
      requestOrigins[origin] = (requestOrigins[origin] ?? 0) + 1;
    });
    page.on('response', async (response) => {
      if (response.url() !== new URL(widgetUrl).href || widgetDocument.status !== null) return;
      widgetDocument.status = response.status();
      const headers = await response.allHeaders().catch(() => ({}) as Record<string, string>);
      widgetDocument.xFrameOptions = headers['x-frame-options'] ?? null;
      widgetDocument.frameAncestors = frameAncestors(headers['content-security-policy'] ?? null);
    });
    await page.goto(`${hostOrigin}/`, { waitUntil: 'load', timeout: options.loadTimeoutMs });
    await page.waitForTimeout(options.observeMs);
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        __messages: Array<{ origin: string; fromWidget: boolean; at: number; data: unknown }>;
        __frameLoadedAt: number | null;
      };
      return { messages: w.__messages, loadedAt: w.__frameLoadedAt };
    });
    const frame = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame());
    const title = frame ? await frame.title().catch(() => null) : null;
    return {
      loaded: seen.loadedAt !== null,
      loadMs: seen.loadedAt === null ? null : Math.round(seen.loadedAt),
      messages: seen.messages.map((message) => {
        const text =
          typeof message.data === 'string' ? message.data : (JSON.stringify(message.data) ?? 'undefined');
        return {
          origin: message.origin,
          fromWidget: message.fromWidget,
          afterLoadMs: seen.loadedAt === null ? null : Math.round(message.at - seen.loadedAt),
          shape:
            typeof message.data === 'string' ? `string(${message.data.length})` : jsonSkeleton(message.data),
          sample: options.redact(text).slice(0, 300),
        };
      }),
      widgetDocument,
      frame: {
        url: frame ? options.redactUrl(frame.url()) : null,
        title: title === null ? null : options.redact(title),
      },
      requestOrigins,
      observeMs: options.observeMs,
    };
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Whether the widget page `postMessage`s its parent: a fresh session for the checks' user, loaded
 * in Chromium as a host app embeds it (see {@link observeWidgetMessages}).
 */
export const probeWidgetMessages: FindingSpec = {
  id: 'widget-messages',
  kind: 'probe',
  title: 'Does the widget postMessage its parent?',
  async run(ctx: ConformanceContext) {
    const { observeMs } = ctx.bounds.widgetMessages;
    const endUserId = ctx.shared.endUserId ?? (await ctx.client.getOrCreateEndUser(ctx.newAlias('messages')));
    if (ctx.dryRun) {
      const session = await ctx.client.createConnectionSession({ endUserId });
      ctx.recorder.note(
        `CHROMIUM GET ${ctx.redactor.url(session.url)}\n` +
          `       in an iframe of http://localhost:<free port>/, watched for ${formatMs(observeMs)} after load,\n` +
          '       plus whatever the widget page itself loads; nothing is clicked',
      );
      return { outcome: 'skipped', summary: 'dry run: Chromium not started', observed: {} };
    }
    const browser = await ctx.launchBrowser();
    try {
      // Minted after Chromium is up, as the library fetches a session right before it shows the widget.
      const session = await ctx.client.createConnectionSession({ endUserId });
      const seen = await observeWidgetMessages(browser, session.url, {
        observeMs,
        loadTimeoutMs: ctx.bounds.requestTimeoutMs * 3,
        redact: (text) => ctx.redactor.text(text),
        redactUrl: (url) => ctx.redactor.url(url),
      });
      const fromWidget = seen.messages.filter((message) => message.fromWidget);
      const framing = [
        seen.widgetDocument.xFrameOptions && `X-Frame-Options ${seen.widgetDocument.xFrameOptions}`,
        seen.widgetDocument.frameAncestors,
      ].filter(Boolean);
      return {
        outcome: 'observed',
        summary:
          `${seen.messages.length} message(s) to the parent (${fromWidget.length} from the widget frame) within ${formatMs(observeMs)} of load; ` +
          `widget document HTTP ${seen.widgetDocument.status ?? '-'}${framing.length > 0 ? `, ${framing.join(', ')}` : ', no framing limits'}; ` +
          `${seen.loaded ? `loaded in ${formatMs(seen.loadMs ?? 0)}` : 'NOT loaded'} "${seen.frame.title ?? ''}"`,
        observed: { ...seen },
      };
    } finally {
      await browser.close();
    }
  },
};
