import { buildConnectUrl } from '@thryve-connect/core';
import type { ConformanceContext } from './ConformanceContext.js';
import { htmlTitle } from './describeBody.js';

/** The two pages a session token opens: the Connection Widget and the direct connect page. */
export type PageKind = 'widget' | 'direct';

/** How a page answered a token, reduced to what tells "accepted" from "refused". */
export interface PageAnswer {
  /** Status, redirect target (origin and path) and title, with the token itself taken out. */
  signature: string;
  status: number;
  /** Clock readings just before sending and just after the whole answer arrived. */
  sentAt: number;
  receivedAt: number;
}

/** What a token's answer says, against a fresh token's and an unknown token's answers. */
export type TokenVerdict = 'accepted' | 'refused' | 'unobservable';

/**
 * The URL of `kind` for `token`: the widget URL Thryve handed out with its token swapped, or the
 * direct connect URL for Fitbit (1, a web source) built by core's `buildConnectUrl`, without a
 * `redirect_uri` (the app's allow-list at Thryve is not ours to know).
 */
export function pageUrl(ctx: ConformanceContext, kind: PageKind, token: string, widgetUrl: string): string {
  if (kind === 'direct') return buildConnectUrl({ token, dataSource: 1, hosts: ctx.thryve.hosts });
  const url = new URL(widgetUrl);
  url.searchParams.set('connectionSessionToken', token);
  return url.href;
}

/**
 * GETs a page for a token the way a browser's first request would, without following a redirect: a
 * direct connect page may send the user on to the provider's login, which this suite never opens.
 */
export async function askPage(ctx: ConformanceContext, url: string, token: string): Promise<PageAnswer> {
  const sentAt = ctx.clock.now();
  const response = await ctx.recorder.fetch(url, {
    method: 'GET',
    redirect: 'manual',
    headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    signal: AbortSignal.timeout(ctx.bounds.requestTimeoutMs),
  });
  const text = await response.text();
  const receivedAt = ctx.clock.now();
  const rawLocation = response.headers.get('location');
  let location = '-';
  if (rawLocation !== null) {
    try {
      const target = new URL(rawLocation, url);
      location = `${target.origin}${target.pathname}`;
    } catch {
      location = 'unparsable';
    }
  }
  const signature = `${response.status} ${location} ${htmlTitle(text) ?? '-'}`.split(token).join('<token>');
  return { signature, status: response.status, sentAt, receivedAt };
}

/** `answer` against a fresh token's and an unknown token's answers to the same page. */
export function verdict(answer: PageAnswer, fresh: PageAnswer, unknown: PageAnswer): TokenVerdict {
  if (fresh.signature === unknown.signature) return 'unobservable';
  return answer.signature === fresh.signature ? 'accepted' : 'refused';
}
