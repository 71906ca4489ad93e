import type { SandboxSession } from './store.js';

/** The widget URL for `session` on the sandbox at `origin`, as `POST /widget/v6/connection` hands it out. */
export function widgetUrl(origin: string, session: SandboxSession): string {
  const query = new URLSearchParams({
    connectionSessionToken: session.token,
    platform: 'web',
    lang: session.locale ?? 'en',
  });
  return `${origin}/?${query}`;
}
