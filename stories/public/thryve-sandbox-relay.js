// The static Storybook's navigation relay (see stories/support/browserSandbox.ts). MSW's worker lets
// navigations through, but the widget iframe, the consent page and its redirects are navigations. This
// worker answers every request below its scope (thryve-sandbox/) by asking, over a BroadcastChannel,
// the Storybook page whose in-browser sandbox owns that URL, and returns that page's answer. It holds
// no state and no copy of Thryve: the sandbox (@thryve-connect/sandbox's Fetch handler) runs in the page.

const channel = new BroadcastChannel('thryve-sandbox-relay');
const waiting = new Map();
// Long enough for a page busy rendering; short enough that a closed tab gives a readable page.
const TIMEOUT_MS = 10_000;

channel.onmessage = (event) => {
  const message = event.data;
  if (message?.type !== 'response') return;
  waiting.get(message.id)?.(message);
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => event.respondWith(relay(event.request)));

const GONE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sandbox not running</title>
<h1>The Thryve sandbox is not running</h1>
<p role="alert">It runs inside the Storybook tab that opened this page. Reload that tab and try again.</p></html>`;

async function relay(request) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  const answered = new Promise((resolve) => {
    waiting.set(id, resolve);
    setTimeout(() => resolve(null), TIMEOUT_MS);
  });
  channel.postMessage({
    type: 'request',
    id,
    url: request.url,
    method: request.method,
    headers: [...request.headers],
    body,
  });
  const answer = await answered;
  waiting.delete(id);
  if (answer === null) {
    return new Response(GONE, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
  const location = answer.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  // A built Response's relative Location has no URL to resolve against: hand the browser a real redirect.
  if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
    return Response.redirect(new URL(location, request.url).href, answer.status);
  }
  const empty = request.method === 'HEAD' || answer.status === 204 || answer.status === 304;
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}
