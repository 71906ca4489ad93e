import { buildResultUrl } from './buildResultUrl.js';
import type { FakeFetcher } from './createFakeFetcher.js';

/** Options of {@link simulateThryveRedirect}. */
export interface SimulateThryveRedirectOptions {
  /** What the user did at Thryve: `allow` (default) or `deny`. */
  decision?: 'allow' | 'deny';
  /** Your fake backend: its connected sources change as Thryve's would. */
  backend?: FakeFetcher | undefined;
}

/**
 * Plays Thryve's part after your app navigated to a direct connect or revoke URL (the URL your test
 * caught, e.g. with {@link interceptNavigation}): the user allows or denies, and comes back to the
 * `redirect_uri` with Thryve's result parameters. In jsdom it puts that address in the address bar
 * (same origin as the page), so the next render of your page reads the result as it would after the
 * real redirect. Returns the address.
 */
export function simulateThryveRedirect(
  directUrl: string,
  options: SimulateThryveRedirectOptions = {},
): string {
  const url = new URL(directUrl);
  const token = url.searchParams.get('token');
  const dataSource = Number(url.searchParams.get('dataSource'));
  const redirectUri = url.searchParams.get('redirect_uri');
  if (!token || !Number.isSafeInteger(dataSource) || !redirectUri) {
    throw new TypeError(
      'simulateThryveRedirect needs the direct URL your app navigated to, with token, dataSource and redirect_uri.',
    );
  }
  const revoke = url.pathname.endsWith('/dataSourceDirectRevoke.html');
  const allowed = revoke || (options.decision ?? 'allow') === 'allow';
  if (options.backend && allowed) {
    if (revoke) options.backend.disconnect(dataSource);
    else options.backend.connect(dataSource);
  }
  // Thryve's convention: after a revoke, connected=false is the success.
  const result = buildResultUrl({ redirectUri, token, dataSource, connected: revoke ? !allowed : allowed });
  const target = new URL(result);
  if (typeof window !== 'undefined') {
    if (target.origin !== window.location.origin) {
      throw new TypeError(
        `The redirect_uri ${target.origin} is not this page's origin (${window.location.origin}).`,
      );
    }
    window.history.replaceState(null, '', `${target.pathname}${target.search}${target.hash}`);
  }
  return result;
}
