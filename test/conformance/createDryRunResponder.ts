import { isLocale } from '@thryve-connect/core';
import type { DryRunResponder } from './Recorder.js';
import type { ThryveTarget } from './resolveConformanceTarget.js';

const basic = (user: string, secret: string): string =>
  `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;

const text = (status: number, body: string): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const page = (status: number, title: string): Response =>
  new Response(`<!doctype html><title>${title}</title>`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });

/**
 * The answers of a dry run: the contract exactly as the packages read it, made up locally so the run
 * can walk its whole course (every check, every probe step up to its ceiling) and print each request
 * it would send, without sending one. Right credentials and tokens it minted are accepted; anything
 * else is refused the way the contract says (401, 403, 400).
 */
export function createDryRunResponder(target: ThryveTarget): DryRunResponder {
  const { hosts, credentials } = target;
  const authorization = basic(credentials.username, credentials.password);
  const appAuthorization = basic(credentials.authId, credentials.authSecret);
  const users = new Map<string, string>();
  const sessions = new Set<string>();

  return (url, init) => {
    const href = url.href;
    const headers = new Headers(init.headers);
    const authorized =
      headers.get('authorization') === authorization && headers.get('appauthorization') === appAuthorization;
    const body = typeof init.body === 'string' ? init.body : '';
    // The sandbox serves all three hosts on one origin: the REST paths tell the API apart.
    const path = href.startsWith(`${hosts.api}/`) ? href.slice(hosts.api.length).split('?')[0] : undefined;
    if (path === '/v5/accessToken' || path === '/widget/v6/connection' || path === '/v5/userInformation') {
      if (!authorized) return text(401, 'Unauthorized');
      if (path === '/v5/accessToken') {
        const alias = new URLSearchParams(body).get('partnerUserID') ?? `anonymous-${users.size}`;
        if (!users.has(alias)) users.set(alias, `dry-run-end-user-${users.size + 1}`);
        return text(200, users.get(alias) ?? '');
      }
      if (path === '/widget/v6/connection') {
        const input = JSON.parse(body || '{}') as { endUserId?: string; locale?: string };
        if (![...users.values()].includes(input.endUserId ?? '')) return json(400, { error: 'unknown user' });
        if (input.locale !== undefined && !isLocale(input.locale)) return json(400, { error: 'bad locale' });
        const token = `dry-run-session-${sessions.size + 1}`;
        sessions.add(token);
        const query = new URLSearchParams({
          connectionSessionToken: token,
          platform: 'web',
          lang: input.locale ?? 'en',
        });
        return json(200, { type: 'enduser.widget.connection', data: { url: `${hosts.widget}/?${query}` } });
      }
      const token = new URLSearchParams(body).get('authenticationToken') ?? '';
      if (![...users.values()].includes(token)) return text(403, 'Forbidden');
      return json(200, [{ authenticationToken: token, connectedSources: [] }]);
    }
    const token = url.searchParams.get('connectionSessionToken') ?? url.searchParams.get('token') ?? '';
    return sessions.has(token) ? page(200, 'Dry run page') : page(400, 'Session expired');
  };
}
