import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSandboxCore,
  type SandboxCore,
  type SandboxHandler,
  type SandboxSimulationOptions,
} from './create-sandbox-handler.js';
import { toNodeListener } from './node-adapter.js';

/** How to start a sandbox; every field has a default. */
export interface SandboxOptions extends SandboxSimulationOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
}

/** A running sandbox: its Fetch handler, served on its own origin by a Node server. */
export interface Sandbox extends Omit<SandboxHandler, 'close'> {
  /** The sandbox's origin, e.g. `http://127.0.0.1:4319` (no trailing slash). */
  url: string;
  /** Stops listening and drops every open connection, including keep-alive and hung ones. */
  close(): Promise<void>;
}

function originOf(host: string, port: number): string {
  // A wildcard bind is reachable on loopback; that is the address to hand out.
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** Starts a sandbox on its own origin and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port, host = '127.0.0.1', ...simulation } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new RangeError('port must be an integer from 0 to 65535.');
  }
  // Checked before listening, so bad options never leave a server behind.
  createSandboxCore(simulation);

  // The handler builds widget URLs from its origin, which is known once the port is.
  let core: SandboxCore | undefined;
  const server = createServer(toNodeListener(() => core));
  // A client that sends garbage gets a 400 from Node itself; it must never take the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const sandbox = createSandboxCore({
    ...simulation,
    url: originOf(host, (server.address() as AddressInfo).port),
  });
  core = sandbox;

  let closing: Promise<void> | undefined;
  return {
    url: sandbox.url,
    hosts: sandbox.hosts,
    state: sandbox.state,
    fetch: sandbox.fetch,
    reset: sandbox.reset,
    inject: sandbox.inject,
    clearFaults: sandbox.clearFaults,
    connect: sandbox.connect,
    disconnect: sandbox.disconnect,
    close() {
      closing ??= new Promise<void>((resolve) => {
        sandbox.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
