import type { SandboxContext } from '../context.js';
import { dataSourceName } from '../data-sources.js';
import { errorPage, escapeHtml, htmlDocument } from '../html.js';
import { html, mediaType, readBody, redirect } from '../http.js';
import { withParams } from '../redirect-allow-list.js';
import { validateDirectRequest } from './direct-request.js';

/** Path of the result page Thryve ends every direct flow on. */
export const RESULT_PATH = '/dataSourceDirectConnectionResult.html';

const hidden = (name: string, value: string): string =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

/** `GET /dataSourceDirectConnection.html`: the fake provider's consent screen (Allow / Deny). */
export function handleDirectConnect(ctx: SandboxContext, _request: Request, url: URL): Response {
  const request = validateDirectRequest(ctx, url.searchParams);
  if (!('session' in request)) return html(400, errorPage(request.title, request.message));
  const name = request.source.name;
  const fields = [
    hidden('token', request.session.token),
    hidden('dataSource', String(request.source.id)),
    request.redirectUri === undefined ? '' : hidden('redirect_uri', request.redirectUri),
  ].join('\n');
  // A plain form: works in a top-level window and inside a cross-origin iframe, with no JavaScript.
  const body = `<h1>${escapeHtml(name)} wants to share your data with the app</h1>
<p>This is the Thryve sandbox's stand-in for ${escapeHtml(name)}'s sign-in and consent screen.</p>
<form method="post" action="${escapeHtml(`${ctx.basePath}/__consent`)}">
${fields}
<div class="actions">
<button type="submit" class="primary" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`;
  return html(200, htmlDocument({ lang: 'en', title: `${name} – consent`, body }));
}

/** `GET|POST /__consent`: the answer to the consent screen; connects on allow, then reports the outcome. */
export async function handleConsent(ctx: SandboxContext, req: Request, url: URL): Promise<Response> {
  let params = url.searchParams;
  if (req.method === 'POST') {
    const body = await readBody(req);
    const type = mediaType(req);
    if (type !== '' && type !== 'application/x-www-form-urlencoded') {
      return html(415, errorPage('Bad request', 'The consent form must be sent as a form.'));
    }
    params = new URLSearchParams(body);
  }
  const decision = params.get('decision');
  if (decision !== 'allow' && decision !== 'deny') {
    return html(400, errorPage('Bad request', 'decision must be "allow" or "deny".'));
  }
  const request = validateDirectRequest(ctx, params);
  if (!('session' in request)) return html(400, errorPage(request.title, request.message));
  const connected = decision === 'allow';
  if (connected) ctx.setConnected(request.user, request.source.id, true);
  const result = {
    token: request.session.token,
    dataSource: String(request.source.id),
    connected: String(connected),
  };
  if (request.redirectUri !== undefined) return redirect(withParams(request.redirectUri, result));
  return redirect(`${ctx.basePath}${RESULT_PATH}?${new URLSearchParams(result)}`);
}

function resultPage(title: string): string {
  return htmlDocument({
    lang: 'en',
    title,
    body: `<h1>${escapeHtml(title)}</h1>\n<p>You can close this tab and go back to the app.</p>`,
  });
}

/**
 * `GET /dataSourceDirectRevoke.html`: disconnects with no user interaction, so a background GET from
 * another origin is enough. Revoking a source that was not connected still succeeds.
 */
export function handleDirectRevoke(ctx: SandboxContext, _request: Request, url: URL): Response {
  const request = validateDirectRequest(ctx, url.searchParams);
  if (!('session' in request)) return html(400, errorPage(request.title, request.message));
  ctx.setConnected(request.user, request.source.id, false);
  const result = { token: request.session.token, dataSource: String(request.source.id), connected: 'false' };
  if (request.redirectUri !== undefined) return redirect(withParams(request.redirectUri, result));
  return html(200, resultPage(`${request.source.name} disconnected`));
}

/**
 * `GET /dataSourceDirectConnectionResult.html`: the outcome page. Like Thryve's, it cannot tell a
 * connect from a revoke, so `connected=false` reads as a failed connection (revoke renders its own).
 */
export function handleResult(_ctx: SandboxContext, _request: Request, url: URL): Response {
  const rawSource = url.searchParams.get('dataSource') ?? '';
  const name = /^\d{1,9}$/.test(rawSource) ? dataSourceName(Number(rawSource)) : 'The data source';
  const title = url.searchParams.get('connected') === 'true' ? `${name} connected` : 'Connection failed';
  return html(200, resultPage(title));
}
