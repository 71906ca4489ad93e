import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SessionSeed } from '@thryve-connect/core';
import { createThryveClient, createThryveConnectHandler, toNodeHandler } from '@thryve-connect/server';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig } from 'vite';
import { SANDBOX_CREDENTIALS } from './ports.js';
import { sourceAliases } from './sourceAliases.js';
import { staticFiles } from './staticFiles.js';

const root = resolve('test/bench/ssr-app');

/**
 * The widget page three ways, production-built, beside the real backend proxy: `/ssr` renders it on
 * the server with a session from the handler's `prefetch` (no HTTP hop), `/client` fetches the session
 * from the browser, `/bare` is a bare `<iframe>` with a prefetched session in the HTML. For the bench:
 * how soon the browser asks for the widget's page.
 */
export async function buildSsrApp(sandboxUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  // Inside the repository, so the server build finds react and React Query in node_modules.
  const outDir = resolve('.test-results/ssr-app');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // a user's production build, not Vitest's `test`
  const common: InlineConfig = {
    configFile: false,
    root,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    resolve: { alias: sourceAliases({ production: true }) },
  };
  try {
    await build({ ...common, build: { outDir: join(outDir, 'client'), emptyOutDir: true, minify: true } });
    await build({
      ...common,
      build: { outDir: join(outDir, 'server'), ssr: join(root, 'entry-server.tsx') },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const { render } = (await import(pathToFileURL(join(outDir, 'server', 'entry-server.js')).href)) as {
    render(props: { sandboxUrl: string; initialSession?: SessionSeed }): string;
  };
  const template = readFileSync(join(outDir, 'client', 'index.html'), 'utf8');
  const handler = createThryveConnectHandler({
    client: createThryveClient({
      ...SANDBOX_CREDENTIALS,
      hosts: { api: sandboxUrl, widget: sandboxUrl, direct: sandboxUrl },
    }),
    // Benchmarks replay a page hundreds of times as one user: the per-user limit (a burst of 40, then
    // 30 a minute) would answer 429 and the figures would time out. The limits have tests of their own.
    limits: false,
    getEndUser: () => ({ alias: 'bench-user' }),
  });
  const proxy = toNodeHandler(handler);
  const serve = staticFiles(join(outDir, 'client'));
  const page = (html: string, props: object) =>
    template
      .replace('<div id="root"></div>', `<div id="root">${html}</div>`)
      .replace(
        '<script',
        `<script>window.__PAGE__=${JSON.stringify(props).replaceAll('<', '\\u003c')}</script><script`,
      );

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/thryve/')) return void proxy(req, res);
    const send = (body: string) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store'); // it holds a session token
      res.end(body);
    };
    if (path === '/client') return send(page('', { sandboxUrl, rendered: false }));
    if (path === '/ssr' || path === '/bare') {
      handler
        .prefetch({ alias: 'bench-user' }, { userKey: 'bench-user', locale: 'en' })
        .then(({ initialSession }) => {
          if (path === '/bare') {
            send(
              `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title></head><body>` +
                `<iframe title="widget" src="${initialSession.url.replaceAll('&', '&amp;')}" style="width:100%;min-height:560px;border:0"></iframe></body></html>`,
            );
          } else {
            send(
              page(render({ sandboxUrl, initialSession }), { sandboxUrl, initialSession, rendered: true }),
            );
          }
        })
        .catch(() => {
          res.statusCode = 502;
          res.end('prefetch failed');
        });
      return;
    }
    serve(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
