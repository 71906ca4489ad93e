/**
 * Story helpers that talk to the local Thryve sandbox: its origin (another origin than Storybook's,
 * as Thryve is in production) and its control API, used to put a demo user into a known state.
 */
/**
 * True in the static Storybook (`pnpm build-storybook`): no sandbox and no backend proxy run there, so
 * the stories use an in-browser fake of Thryve's pages (stories/public/fake-thryve), labelled as such.
 */
export const OFFLINE: boolean = import.meta.env.STORYBOOK_THRYVE_OFFLINE === 'true';

/** Where Thryve's hosts are: the sandbox, or the offline fake beside the static site. */
export const SANDBOX_URL: string = OFFLINE
  ? new URL('fake-thryve', window.location.href).href
  : ((import.meta.env.STORYBOOK_THRYVE_SANDBOX_URL as string | undefined) ?? 'http://127.0.0.1:4010');

/** The origin widget URLs come from (the only allowed widget origin of the stories). */
export const SANDBOX_ORIGIN: string = new URL(SANDBOX_URL).origin;

/** Hosts for `<ThryveConnectProvider hosts>`: the sandbox serves all three of Thryve's hosts. */
export const SANDBOX_HOSTS = { api: SANDBOX_URL, widget: SANDBOX_URL, direct: SANDBOX_URL } as const;

/** The offline fake's state: which sources the demo user has connected (shared with fake.js). */
export const OFFLINE_STATE_KEY = 'thryve-connect:fake-thryve:connected';

/** Cookie the dev proxy reads to pick the demo user (see test/support/thryveDevProxy.ts). */
const DEMO_USER_COOKIE = 'thryve-demo-user';

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
  if (OFFLINE) {
    localStorage.setItem(OFFLINE_STATE_KEY, JSON.stringify(dataSources));
    return;
  }
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
