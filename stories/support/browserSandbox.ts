import { createMswSandbox } from '@thryve-connect/sandbox/msw';
import { setupWorker } from 'msw/browser';
import { DEFAULT_DEMO_USER, DEMO_USER_COOKIE, IN_BROWSER_SANDBOX_SCOPE, SANDBOX_URL } from './sandbox.js';

/**
 * The sandbox in the static Storybook, where no process runs: one sandbox per page, in this page's
 * memory, reached two ways.
 *
 * - The page's own requests (the proxy fetcher's `/api/thryve/*`, the control API the loaders call)
 *   go through MSW: its worker hands them to `createMswSandbox`'s handlers, here.
 * - Navigations (the widget iframe, the consent page in a new tab, its form post and redirects) are
 *   something MSW's worker lets through on purpose. A second, tiny service worker,
 *   `thryve-sandbox-relay.js`, answers every request below `thryve-sandbox/` by asking, over a
 *   BroadcastChannel, the page whose sandbox owns that URL; this page answers with the same
 *   `sandbox.fetch`. The relay holds no state, so the browser may stop it between requests.
 *
 * State lives in one place (this page), so what the widget page connects, the picker's next fetch
 * sees. Reloading the page starts a fresh sandbox, as restarting the Node one would.
 */
export async function startBrowserSandbox(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      'This browser does not allow service workers here, so the in-browser Thryve sandbox cannot run. ' +
        'Open the Storybook over http://localhost or https, or run `pnpm start` for the Node sandbox.',
    );
  }
  const thryve = createMswSandbox({
    url: SANDBOX_URL,
    endUser: () => readCookie(DEMO_USER_COOKIE) ?? DEFAULT_DEMO_USER,
  });

  const channel = new BroadcastChannel(RELAY_CHANNEL);
  channel.onmessage = (event: MessageEvent<RelayRequest>) => {
    const message = event.data;
    if (message?.type !== 'request' || !message.url.startsWith(`${SANDBOX_URL}/`)) return;
    void answer(message).then((reply) => channel.postMessage(reply));
  };
  const answer = async (message: RelayRequest): Promise<RelayResponse> => {
    const response = await thryve.sandbox.fetch(
      new Request(message.url, {
        method: message.method,
        headers: message.headers,
        ...(message.body === null ? {} : { body: message.body }),
        redirect: 'manual',
      }),
    );
    return {
      type: 'response',
      id: message.id,
      status: response.status,
      headers: [...response.headers],
      body: await response.arrayBuffer(),
    };
  };

  await setupWorker(...thryve.handlers).start({
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  await controlled();
  const registration = await navigator.serviceWorker.register(
    new URL('thryve-sandbox-relay.js', document.baseURI).pathname,
    { scope: new URL(IN_BROWSER_SANDBOX_SCOPE, document.baseURI).pathname },
  );
  await activated(registration);
}

/** The channel the relay worker and the pages share (stories/public/thryve-sandbox-relay.js). */
const RELAY_CHANNEL = 'thryve-sandbox-relay';

/** A navigation the relay worker passes on. */
interface RelayRequest {
  type: 'request';
  id: string;
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer | null;
}

/** The page's answer to it. */
interface RelayResponse {
  type: 'response';
  id: string;
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

const RELOADED = 'thryve-sandbox:reloaded-for-worker';

/**
 * MSW's worker unregisters itself when its last page closes. A page that loads while that is under way
 * gets the same, still active worker back, which never claims it: MSW answers "started", yet the page's
 * requests bypass it. One reload hands the page to the worker (what MSW itself does on a hard reload).
 */
async function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller !== null) {
    sessionStorage.removeItem(RELOADED);
    return;
  }
  if (sessionStorage.getItem(RELOADED) === null) {
    sessionStorage.setItem(RELOADED, '1');
    window.location.reload();
    await new Promise<never>(() => {});
  }
  throw new Error(
    'MSW’s service worker does not control this page, so the in-browser sandbox cannot answer it.',
  );
}

function readCookie(name: string): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${name}=([A-Za-z0-9-]{1,80})`).exec(document.cookie);
  return match?.[1];
}

// Navigations reach a worker only once it is active; the stories must not render before that.
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (worker === null || worker.state === 'activated') return Promise.resolve();
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant')
        reject(new Error('The Thryve sandbox relay worker failed to install.'));
    });
  });
}
