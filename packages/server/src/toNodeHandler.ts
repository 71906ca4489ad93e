import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { HttpError } from './internal/HttpError.js';

/** A Node.js (`http.createServer`, Express, Connect) request handler. */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/** A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST_HEADER = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** A JSON error answer written without the handler: a request toNodeHandler cannot turn into a `Request`. */
function writeError(res: ServerResponse, error: HttpError): void {
  res.statusCode = error.status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(error.body);
}

const notFound = () => new HttpError('not_found', 'Not found.');
const unreadable = () => new HttpError('bad_request', 'The request could not be read.');

function toRequest(
  req: IncomingMessage & { originalUrl?: string; body?: unknown },
  signal: AbortSignal,
): Request {
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  const authority = String(req.headers.host ?? req.headers[':authority'] ?? 'localhost');
  // Only the host part may come from the Host header: nothing that could carry a path, credentials or a query.
  if (!HOST_HEADER.test(authority)) throw unreadable();
  const origin = `${encrypted ? 'https' : 'http'}://${authority}`;
  // Express strips a mount path from req.url; originalUrl keeps the full path the handler routes on.
  const path = String(req.originalUrl ?? req.url);
  // The URL is this server's origin plus the path, never a URL the request line names: `//evil.example/x`
  // (or `/\evil.example/x`) would otherwise resolve to another host.
  if (!path.startsWith('/')) throw notFound();
  const url = new URL(`${origin}${path}`);
  if (url.pathname.startsWith('//')) throw notFound();

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (`:path`, `:authority`) are not headers of the request.
    if (name.startsWith(':')) continue;
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }

  const method = String(req.method);
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.readableEnded && req.body !== undefined) {
      // A body parser (e.g. express.json()) ran first: rebuild the body from what it parsed.
      const body =
        typeof req.body === 'string'
          ? req.body
          : req.body instanceof Uint8Array
            ? new Uint8Array(req.body)
            : JSON.stringify(req.body);
      headers.delete('content-length');
      init.body = body;
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  // Answered before the whole body arrived (e.g. a body over the limit): this socket cannot be reused.
  if (!req.complete) res.setHeader('connection', 'close');
  for (const [name, value] of response.headers) {
    // Headers joins Set-Cookie values with ", ", which breaks cookies with dates: send each one.
    res.setHeader(name, name === 'set-cookie' ? response.headers.getSetCookie() : value);
  }
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
  }
  res.end();
}

/**
 * Adapts a Fetch-API handler (such as `createThryveConnectHandler`'s) to Node's `http` and Express:
 * builds a `Request` (this server's origin from the Host header plus the requested path, streamed body,
 * aborted when the client goes away) and writes the `Response` back. A request target that is not a
 * path (`//host/…`, an absolute URL) is answered 404, an invalid Host header 400. Never rejects: an
 * error goes to `next` when given, otherwise answers 500.
 *
 * @example
 * http.createServer(toNodeHandler(handler)).listen(3000);
 * app.use('/api/thryve', toNodeHandler(handler)); // Express 5
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>): NodeHandler {
  return async (req, res, next) => {
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort();
    };
    res.once('close', onClose);
    try {
      let request: Request;
      try {
        request = toRequest(req, controller.signal);
      } catch (error) {
        // Anything else Request refuses (e.g. a TRACE method) is a request that cannot be read.
        return writeError(res, error instanceof HttpError ? error : unreadable());
      }
      const response = await handler(request);
      await writeResponse(response, req, res);
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      if (res.headersSent) res.destroy();
      else writeError(res, new HttpError('server_error', 'Internal error.'));
    } finally {
      res.off('close', onClose);
    }
  };
}
