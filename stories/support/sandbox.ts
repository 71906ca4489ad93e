/**
 * Story helpers that talk to the local Thryve sandbox: its URL and its control API, used to put a
 * demo user into a known state. Two ways it runs:
 * - `pnpm start` / the stories' tests: the Node sandbox on its own origin (as Thryve is in
 *   production), behind the real backend proxy on the dev server;
 * - the static Storybook (`pnpm build-storybook`): no process at all, so the same sandbox runs in the
 *   page (see stories/support/browserSandbox.ts): MSW answers the page's fetches, a small service
 *   worker hands it the frame's navigations.
 */

/** True in the static Storybook: the sandbox and the proxy routes run in the browser. */
export const IN_BROWSER_SANDBOX: boolean = import.meta.env.STORYBOOK_THRYVE_IN_BROWSER === 'true';

/** Where the in-browser sandbox's service worker answers: every URL below this path of the site. */
export const IN_BROWSER_SANDBOX_SCOPE = 'thryve-sandbox/';

// One id per page load: the service worker sends a navigation to the page whose sandbox owns it, so
// two Storybook tabs never answer for each other.
function pageId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Where Thryve's hosts are: the Node sandbox, or a path of this site served by the in-browser one. */
export const SANDBOX_URL: string = IN_BROWSER_SANDBOX
  ? new URL(`${IN_BROWSER_SANDBOX_SCOPE}${pageId()}`, window.location.href).href
  : ((import.meta.env.STORYBOOK_THRYVE_SANDBOX_URL as string | undefined) ?? 'http://127.0.0.1:4010');

/** The origin widget URLs come from (the only allowed widget origin of the stories). */
export const SANDBOX_ORIGIN: string = new URL(SANDBOX_URL).origin;

/** Hosts for `<ThryveConnectProvider hosts>`: the sandbox serves all three of Thryve's hosts. */
export const SANDBOX_HOSTS = { api: SANDBOX_URL, widget: SANDBOX_URL, direct: SANDBOX_URL } as const;

/** Cookie the dev proxy (test/support/thryveDevProxy.ts) and the in-browser proxy read to pick the demo user. */
export const DEMO_USER_COOKIE = 'thryve-demo-user';

/** The demo user the proxy signs in when no story chose one. */
export const DEFAULT_DEMO_USER = 'storybook-demo-user';

/**
 * Signs the story in as `alias` (a fresh demo user per story keeps stories independent) and
 * returns it. Call from a loader or `beforeEach`.
 */
export function useDemoUser(alias: string): string {
  // biome-ignore lint/suspicious/noDocumentCookie: a demo session cookie is what the proxy reads.
  document.cookie = `${DEMO_USER_COOKIE}=${alias}; path=/; SameSite=Lax`;
  return alias;
}

async function control(path: string, init?: RequestInit): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/${path}`, init);
  if (!response.ok) throw new Error(`Sandbox control ${path} answered ${response.status}`);
}

/** Connects `dataSources` for the demo user `alias` in the sandbox, without the browser flow. */
export async function connectInSandbox(alias: string, dataSources: readonly number[]): Promise<void> {
  for (const dataSource of dataSources) {
    await control('connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alias, dataSource }),
    });
  }
}

/** Injects a fault into the sandbox (see the sandbox README for the shapes). */
export async function injectSandboxFault(fault: Record<string, unknown>): Promise<void> {
  await control('faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

/** Removes every injected fault. */
export async function clearSandboxFaults(): Promise<void> {
  await control('faults', { method: 'DELETE' });
}
