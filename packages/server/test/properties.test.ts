// Properties of the request parser (the handler, and toNodeHandler in front of it) over 1,000
// generated requests each: whatever arrives, the answer is well-formed, and a refused request never
// reaches getEndUser or Thryve.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createThryveConnectHandler,
  MAX_BODY_BYTES,
  type ThryveClient,
  toNodeHandler,
} from '../src/index.js';

const RUNS = { numRuns: 1_000 };
const CORE_CODES = new Set([
  'bad_request',
  'invalid_locale',
  'invalid_data_source',
  'native_data_source',
  'unauthorized',
  'forbidden',
  'not_found',
  'server_error',
  'configuration_error',
  'timeout',
]);
const WIDGET = 'https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841';

/** Thryve, at the edge: a stub client that records every call the handler makes. */
function stubClient(calls: string[]): ThryveClient {
  return {
    getOrCreateEndUser: async () => {
      calls.push('getOrCreateEndUser');
      return 'end-user-1';
    },
    createConnectionSession: async () => {
      calls.push('createConnectionSession');
      return { url: WIDGET, token: '1060285265X4247109939067552841' };
    },
    getConnectedSources: async () => {
      calls.push('getConnectedSources');
      return [];
    },
    revokeDataSource: async ({ dataSource }) => {
      calls.push(`revokeDataSource:${dataSource}`);
    },
  };
}

const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
const path = fc.oneof(
  fc.constantFrom('/api/thryve/session', '/api/thryve/connections', '/api/thryve/revoke'),
  fc.constantFrom(
    '/api/thryve',
    '/api/thryve/',
    '/api/thryve/__proto__',
    '/api/thryve//session',
    '/api/thryve/session/',
  ),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
);
const origin = fc.option(
  fc.constantFrom(
    'http://app.test',
    'https://app.example',
    'https://evil.example',
    'null',
    'https://app.test',
    'http://app.test:81',
  ),
  { nil: undefined },
);
const site = fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), { nil: undefined });
const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'APPLICATION/JSON',
  ),
  { nil: undefined },
);
const body = fc.option(
  fc.oneof(
    fc.json(),
    fc.string(),
    fc
      .record({
        dataSource: fc.oneof(fc.integer(), fc.double(), fc.string()),
        locale: fc.oneof(fc.constantFrom('en', 'de', 'xx'), fc.string()),
      })
      .map((value) => JSON.stringify(value)),
  ),
  { nil: undefined },
);

describe('the handler over generated requests', () => {
  it('answers JSON with a core error code, and never lets a foreign or malformed request reach getEndUser or Thryve', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, origin, site, contentType, body, async (m, p, o, s, type, text) => {
        const calls: string[] = [];
        let identified = 0;
        const handler = createThryveConnectHandler({
          client: stubClient(calls),
          getEndUser: () => {
            identified += 1;
            return { alias: 'prop-user' };
          },
          cors: { origin: 'https://app.example' },
        });
        const headers = new Headers();
        if (o !== undefined) headers.set('origin', o);
        if (s !== undefined) headers.set('sec-fetch-site', s);
        if (type !== undefined) headers.set('content-type', type);
        const withBody = text !== undefined && m !== 'GET' && m !== 'HEAD';
        const response = await handler(
          new Request(`http://app.test${p}`, { method: m, headers, ...(withBody ? { body: text } : {}) }),
        );
        expect(response.headers.get('cache-control')).toBe('no-store');
        const answer = await response.text();
        if (response.status >= 400) {
          const { error } = JSON.parse(answer) as { error: { code: string; message: string } };
          expect(CORE_CODES.has(error.code), error.code).toBe(true);
          expect(error.message.length).toBeGreaterThan(0);
        }

        const foreign =
          o === undefined
            ? s === 'cross-site' || s === 'same-site'
            : o !== 'http://app.test' && o !== 'https://app.example' && s !== 'same-origin';
        const route = /^\/api\/thryve\/(session|connections|revoke)$/.exec(p)?.[1];
        if (route !== undefined && foreign) expect(response.status).toBe(403);
        const postRoute = route === 'session' || route === 'revoke';
        const json = type?.split(';')[0]?.trim().toLowerCase() === 'application/json';
        if (
          foreign ||
          route === undefined ||
          (postRoute && (m !== 'POST' || !json)) ||
          (!postRoute && m !== 'GET' && m !== 'HEAD')
        ) {
          expect(identified).toBe(0);
          expect(calls).toEqual([]);
        }
        // A revoke reaches Thryve only for a web source of the catalogue.
        for (const call of calls.filter((c) => c.startsWith('revokeDataSource:'))) {
          expect([1, 2, 3, 8, 11, 16, 17, 18, 21, 27, 38, 41, 42, 43, 45, 46]).toContain(
            Number(call.split(':')[1]),
          );
        }
        if (response.status === 200) expect(identified).toBe(1);
      }),
      RUNS,
    );
  });

  it('reads at most MAX_BODY_BYTES of any body', async () => {
    const handler = createThryveConnectHandler({
      client: stubClient([]),
      getEndUser: () => ({ alias: 'prop-user' }),
      // A hundred requests in a second from one user: the limits would answer before the body is read.
      limits: false,
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * MAX_BODY_BYTES }), async (size) => {
        const text = `{"locale":"en","pad":"${'x'.repeat(size)}"}`;
        const response = await handler(
          new Request('http://app.test/api/thryve/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: text,
          }),
        );
        expect(response.status).toBe(Buffer.byteLength(text) <= MAX_BODY_BYTES ? 200 : 400);
      }),
      RUNS,
    );
  });
});

describe('toNodeHandler over generated request targets', () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer(
      toNodeHandler((request) => {
        seen.push(request.url);
        return new Response('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  function send(target: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET ${target} HTTP/1.1\r\nHost: app.test:${port}\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  const segment = fc.stringMatching(/^[A-Za-z0-9._~%@:!$&'()*+,;=\\-]{0,12}$/);
  const target = fc.oneof(
    fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
    fc.array(segment, { maxLength: 5 }).map((parts) => `//${parts.join('/')}`),
    fc
      .tuple(fc.constantFrom('/\\', '//', '/', '\\\\', 'http://', '/./', '/../'), fc.domain(), fc.webPath())
      .map(([prefix, domain, rest]) => `${prefix}${domain}${rest.startsWith('/') ? rest : `/${rest}`}`),
  );

  it('never hands the handler a URL on another host than the Host header', async () => {
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        seen.length = 0;
        const answer = await send(t);
        const status = Number(answer.split(' ')[1]);
        if (status === 200) {
          expect(seen).toHaveLength(1);
          const url = new URL(seen[0] ?? '');
          expect(url.host).toBe(`app.test:${port}`);
          expect(url.pathname.startsWith('//')).toBe(false);
        } else {
          expect([400, 404]).toContain(status);
          expect(seen).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});
