import type { IncomingMessage, ServerResponse } from 'node:http';
import { HANG, type SandboxCore } from './create-sandbox-handler.js';
import { text } from './http.js';

// A Host header as a client may send it: a name or IPv4 address, or a bracketed IPv6 one, and a port.
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The request body as a web stream that reads the socket only when the handler asks for it: a route
 * that answers without reading (404, 405, 401) leaves the body to Node, which drains it as before, and
 * one that stops at the size limit leaves the rest unread, so the 413 can close the connection.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        return new Promise<void>((resolve, reject) => {
          const cleanup = (): void => {
            req.off('readable', onReadable);
            req.off('end', onEnd);
            req.off('error', onError);
          };
          const onReadable = (): void => {
            const chunk = req.read() as Buffer | null;
            if (chunk === null) return;
            cleanup();
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            resolve();
          };
          const onEnd = (): void => {
            cleanup();
            controller.close();
            resolve();
          };
          const onError = (error: Error): void => {
            cleanup();
            reject(error);
          };
          if (req.readableEnded) return onEnd();
          req.on('readable', onReadable);
          req.on('end', onEnd);
          req.on('error', onError);
          onReadable();
        });
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A `Request` for what the client sent. The URL is the Host it named plus the path, never a target
 * that could name another host (`//evil.example/x` stays a path); without a usable Host, `origin`.
 */
function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request | undefined {
  const host = req.headers.host;
  const base = host !== undefined && HOST.test(host) ? `http://${host}` : origin;
  let url: URL;
  try {
    url = new URL(`${base}${req.url ?? '/'}`);
  } catch {
    return undefined;
  }
  if (!(req.url ?? '/').startsWith('/')) return undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: bodyOf(req), duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // After a refused oversized body the rest of it is still on the wire: close rather than reuse.
  if (response.status === 413) headers.connection = 'close';
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return;
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * The Node adapter: serves the sandbox handler `current()` returns on a `node:http` server. What only a socket can do lives
 * here: a `hang` fault keeps the connection open without a byte (closing the server drops it), a
 * client that sends garbage gets Node's own 400, and a 413 closes the connection.
 */
export function toNodeListener(
  current: () => SandboxCore | undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // `current`, not a handler: the handler's URL, hence the handler, exists once the port is known.
    const sandbox = current();
    if (sandbox === undefined) {
      void send(res, text(503, 'The sandbox is starting.'));
      return;
    }
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const request = toRequest(req, sandbox.url, aborted.signal);
    if (request === undefined) {
      void send(res, text(400, 'The request target is not a valid path.'));
      return;
    }
    sandbox
      .respond(request)
      .then((response) => (response === HANG ? undefined : send(res, response)))
      .catch(() => {
        if (res.headersSent || res.destroyed) return;
        void send(res, text(500, 'Internal sandbox error.'));
      });
  };
}
