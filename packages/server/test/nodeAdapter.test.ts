// toNodeHandler over real sockets: HTTP/2, TLS-terminated sockets, body parsers that ran first,
// cookies, large and failing bodies.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as connectH2, createServer as createH2Server, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../src/index.js';

const servers: Array<Server | Http2Server> = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function listen(server: Server | Http2Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A handler that echoes what it received as JSON. */
const echo = toNodeHandler(async (request) =>
  Response.json({
    url: request.url,
    method: request.method,
    body: request.method === 'GET' || request.method === 'HEAD' ? null : await request.text(),
    cookie: request.headers.get('set-cookie'),
    pseudo: [...request.headers.keys()].filter((name) => name.startsWith(':')),
    type: request.headers.get('content-type'),
    length: request.headers.get('content-length'),
  }),
);

describe('toNodeHandler', () => {
  it('serves HTTP/2: the URL from :authority and :path, no pseudo-headers in the Request', async () => {
    const port = await listen(createH2Server((req, res) => echo(req as never, res as never)));
    const session = connectH2(`http://127.0.0.1:${port}`);
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const stream = session.request({
          ':method': 'GET',
          ':path': '/x?y=1',
          ':authority': `h2.test:${port}`,
        });
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          data += chunk;
        });
        stream.on('end', () => resolve(data));
        stream.on('error', reject);
        stream.end();
      });
      const seen = JSON.parse(text) as { url: string; pseudo: string[] };
      expect(seen.url).toBe(`http://h2.test:${port}/x?y=1`);
      expect(seen.pseudo).toEqual([]);
    } finally {
      session.close();
    }
  });

  it('builds an https URL on a TLS socket', async () => {
    const port = await listen(
      createServer((req: IncomingMessage, res: ServerResponse) => {
        // TLS terminated by Node itself: the socket says so (stands in for https.createServer).
        Object.defineProperty(req.socket, 'encrypted', { value: true, configurable: true });
        void echo(req, res);
      }),
    );
    const seen = (await (await fetch(`http://127.0.0.1:${port}/secure`)).json()) as { url: string };
    expect(seen.url).toBe(`https://127.0.0.1:${port}/secure`);
  });

  it('falls back to localhost without a Host header (HTTP/1.0)', async () => {
    const port = await listen(createServer(echo));
    const { connect } = await import('node:net');
    const text = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /old HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('end', () => resolve(data));
    });
    expect(text).toContain('"url":"http://localhost/old"');
  });

  it.each([
    ['express.text()', express.text({ type: '*/*' }), 'plain words', 'plain words'],
    ['express.raw()', express.raw({ type: '*/*' }), 'raw bytes', 'raw bytes'],
    ['express.json()', express.json({ type: '*/*' }), '{"a":1}', '{"a":1}'],
  ])('rebuilds the body after %s consumed it', async (_name, parser, sent, received) => {
    const app = express();
    app.use(parser);
    app.use(echo);
    const port = await listen(createServer(app));
    const response = await fetch(`http://127.0.0.1:${port}/p`, {
      method: 'POST',
      body: sent,
      headers: { 'content-type': 'application/x-test' },
    });
    const seen = (await response.json()) as { body: string; length: string | null; type: string };
    expect(seen.body).toBe(received);
    expect(seen.length).toBeNull();
    expect(seen.type).toBe('application/x-test');
  });

  it('streams the body when no parser ran, and passes repeated request headers on', async () => {
    const port = await listen(createServer(echo));
    const { request } = await import('node:http');
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', method: 'PUT', path: '/s', headers: { 'set-cookie': ['a=1', 'b=2'] } },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            data += chunk;
          });
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end('streamed');
    });
    expect(JSON.parse(text)).toMatchObject({ method: 'PUT', body: 'streamed', cookie: 'a=1, b=2' });
  });

  it('writes every Set-Cookie, the status and headers, and a large body whole', async () => {
    const big = 'y'.repeat(5 * 1024 * 1024);
    const port = await listen(
      createServer(
        toNodeHandler(() => {
          const headers = new Headers({ 'x-one': '1' });
          headers.append('set-cookie', 'a=1');
          headers.append('set-cookie', 'b=2');
          return new Response(big, { status: 201, headers });
        }),
      ),
    );
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-one')).toBe('1');
    expect((await response.text()).length).toBe(big.length);
  });

  it('answers a body-less response with no body', async () => {
    const port = await listen(createServer(toNodeHandler(() => new Response(null, { status: 204 }))));
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect([response.status, await response.text()]).toEqual([204, '']);
  });

  it('closes the connection of a request it answered before reading its body', async () => {
    const port = await listen(createServer(toNodeHandler(() => new Response('early', { status: 400 }))));
    const { request } = await import('node:http');
    const connection = await new Promise<string | undefined>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/' }, (res) => {
        res.resume();
        resolve(res.headers.connection);
      });
      req.on('error', reject);
      req.write('x'.repeat(1024)); // …and never ends the body.
    });
    expect(connection).toBe('close');
  });

  it('cuts the connection when the response body fails after the headers were sent', async () => {
    const port = await listen(
      createServer(
        toNodeHandler(() => {
          let sent = false;
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent) return controller.error(new Error('stream broke'));
              sent = true;
              controller.enqueue(new TextEncoder().encode('partial'));
            },
          });
          return new Response(body);
        }),
      ),
    );
    const outcome = await fetch(`http://127.0.0.1:${port}/`)
      .then((response) => response.text())
      .then(
        () => 'complete',
        () => 'cut',
      );
    expect(outcome).toBe('cut');
  });

  it('stops writing when the client goes away mid-body', async () => {
    let pulls = 0;
    let cancelled = false;
    const port = await listen(
      createServer(
        toNodeHandler(
          () =>
            new Response(
              new ReadableStream<Uint8Array>({
                pull(controller) {
                  pulls += 1;
                  controller.enqueue(new Uint8Array(64 * 1024));
                },
                cancel() {
                  cancelled = true;
                },
              }),
            ),
        ),
      ),
    );
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen = pulls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pulls).toBe(seen);
    expect(cancelled).toBe(true);
  });
});
