import type { SandboxContext } from '../context.js';
import { dataSourceName, WEB_DATA_SOURCES } from '../data-sources.js';
import { errorPage, escapeHtml, htmlDocument } from '../html.js';
import { html } from '../http.js';
import { type WidgetMessages, widgetMessages } from '../messages.js';
import { widgetUrl } from '../widget-url.js';
import { sessionRefusal } from './direct-request.js';

// After a connect or revoke the direct flow comes back here with the outcome; `action` (added to our
// own redirect_uri) says which of the two it was, since `connected=false` alone cannot.
function notice(url: URL, text: WidgetMessages): string {
  const action = url.searchParams.get('action');
  const rawSource = url.searchParams.get('dataSource') ?? '';
  const connected = url.searchParams.get('connected');
  if ((action !== 'connect' && action !== 'revoke') || !/^\d{1,9}$/.test(rawSource) || connected === null)
    return '';
  const name = dataSourceName(Number(rawSource));
  const message =
    action === 'revoke'
      ? text.disconnectedNotice(name)
      : connected === 'true'
        ? text.connectedNotice(name)
        : text.failedNotice(name);
  return `<p role="status">${escapeHtml(message)}</p>\n`;
}

/**
 * `GET /?connectionSessionToken=…`: the Connection Widget. Plain forms that navigate the frame they
 * are in, so it works inside a cross-origin iframe and in a top-level window alike.
 */
export function handleWidgetPage(ctx: SandboxContext, _request: Request, url: URL): Response {
  const token = url.searchParams.get('connectionSessionToken');
  const refusal = sessionRefusal(token, ctx);
  const found = refusal ? undefined : ctx.store.session(token ?? '');
  if (refusal || typeof found !== 'object') {
    const reason = refusal ?? { title: 'Session expired', message: 'This session has expired.' };
    return html(400, errorPage(reason.title, reason.message));
  }
  const { session, user } = found;
  const text = widgetMessages(session.locale);
  const back = widgetUrl(ctx.url, session);
  const rows = WEB_DATA_SOURCES.map((source) => {
    const connected = user.connected.has(source.id);
    const name = escapeHtml(source.name);
    const statusId = `status-${source.id}`;
    const action = connected ? 'dataSourceDirectRevoke.html' : 'dataSourceDirectConnection.html';
    const fields = [
      ['token', session.token],
      ['dataSource', String(source.id)],
      ...(connected ? [['direct', 'true']] : []),
      ['redirect_uri', `${back}&action=${connected ? 'revoke' : 'connect'}`],
    ]
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    const label = connected ? text.disconnect(source.name) : text.connect(source.name);
    return `<li>
<span class="name">${name}</span>
<span class="status${connected ? ' connected' : ''}" id="${statusId}">${escapeHtml(connected ? text.connected : text.notConnected)}</span>
<form method="get" action="${escapeHtml(`${ctx.basePath}/${action}`)}">${fields}<button type="submit"${connected ? '' : ' class="primary"'} aria-describedby="${statusId}">${escapeHtml(label)}</button></form>
</li>`;
  }).join('\n');
  const body = `<h1>${escapeHtml(text.title)}</h1>
${notice(url, text)}<p>${escapeHtml(text.intro)}</p>
<ul aria-label="${escapeHtml(text.title)}">
${rows}
</ul>`;
  return html(200, htmlDocument({ lang: text.lang, title: text.title, body }));
}
