import { randomBytes } from 'node:crypto';
import {
  type ConnectionResult,
  type DataSourceId,
  DEFAULT_PENDING_MAX_AGE_MS,
  type FormConnectionResult,
  fingerprintToken,
  isDataSourceId,
  parseConnectionResult,
} from '@thryve-connect/core';
import { seal, sign, unseal } from './signedCookie.js';
import { isObject } from './validation.js';

/** What the page reads after a form post: core's one type for it (see `FormConnectionResult`). */
export type ThryveFormResult = FormConnectionResult;

/** One connect started by a form post, waiting for Thryve's return. */
export interface Click {
  /** Fingerprint of the session token sent to Thryve (core's `fingerprintToken`), never the token. */
  fingerprint: string;
  dataSource: DataSourceId;
  /** {@link userTag} of the user who clicked. */
  user: string;
  /** The checked page address to come back to. */
  returnTo: string;
  startedAt: number;
}

/** A result on its way to the page: read once, within {@link FLASH_MAX_AGE_MS}. */
export interface Flash {
  id: string;
  result: ThryveFormResult;
  /** {@link userTag} of the user it is for; `''` when nobody was signed in. */
  user: string;
  expiresAt: number;
}

/** How many clicks the cookie holds: one per tab, a few tabs at once; the oldest goes first. */
export const MAX_CLICKS = 6;
/** A click lives as long as a pending action does (core's 30 minutes). */
export const CLICK_MAX_AGE_MS = DEFAULT_PENDING_MAX_AGE_MS;
/** Long enough for the redirect and a slow server render, short enough to be gone before a revisit. */
export const FLASH_MAX_AGE_MS = 2 * 60_000;

/** A short HMAC of the signed-in user: the cookies carry neither the alias nor the Thryve id. */
export function userTag(secret: string, user: { alias: string } | { endUserId: string }): string {
  const identity = 'alias' in user ? `a:${user.alias}` : `u:${user.endUserId}`;
  return sign(secret, 'user', identity).slice(0, 22);
}

function isClick(value: unknown): value is Click {
  return (
    isObject(value) &&
    typeof value.fingerprint === 'string' &&
    isDataSourceId(value.dataSource) &&
    typeof value.user === 'string' &&
    typeof value.returnTo === 'string' &&
    typeof value.startedAt === 'number'
  );
}

/** The clicks of a sealed cookie that are well formed and not older than {@link CLICK_MAX_AGE_MS}. */
export function openClicks(secret: string, sealed: string | undefined, now: number): Click[] {
  const value = unseal(secret, 'clicks', sealed);
  if (!Array.isArray(value)) return [];
  return value.filter((click) => isClick(click) && isRecent(click.startedAt, now)).slice(-MAX_CLICKS);
}

function isRecent(startedAt: number, now: number): boolean {
  // A click from the future (a clock step back, or a forgery) is no more trusted than an old one.
  return now - startedAt <= CLICK_MAX_AGE_MS && startedAt <= now + 60_000;
}

export function sealClicks(secret: string, clicks: readonly Click[]): string {
  return seal(secret, 'clicks', clicks);
}

/** `clicks` with `click` added last, keeping the newest {@link MAX_CLICKS}. */
export function addClick(clicks: readonly Click[], click: Click): Click[] {
  return [...clicks, click].slice(-MAX_CLICKS);
}

/** Which click Thryve's return answers, what it says, and the clicks left once it is cleared. */
export interface ReturnMatch {
  result: ConnectionResult;
  click: Click | undefined;
  remaining: Click[];
}

/**
 * Reads Thryve's return (`token`, `dataSource`, `connected` in `url`) against the cookie's clicks and
 * the signed-in user's tag, with core's `parseConnectionResult`: only this user's click with the same
 * token and source makes a result, and that click is cleared, so a replay finds nothing. Another
 * user's click is left where it is and the return is `unmatched`.
 */
export function matchReturn(
  url: URL,
  clicks: readonly Click[],
  user: string | undefined,
  now: number,
): ReturnMatch {
  const unmatched = parseConnectionResult(url, null);
  if (unmatched.status !== 'unmatched') {
    return { result: { status: 'unmatched', reason: 'malformed' }, click: undefined, remaining: [...clicks] };
  }
  if (unmatched.reason === 'malformed')
    return { result: unmatched, click: undefined, remaining: [...clicks] };
  const fingerprint = fingerprintToken(url.searchParams.get('token') ?? '');
  const index = clicks.findIndex(
    (click) => click.fingerprint === fingerprint && click.dataSource === unmatched.dataSource,
  );
  const click = clicks[index];
  if (click === undefined || user === undefined || click.user !== user) {
    return { result: unmatched, click, remaining: [...clicks] };
  }
  const result = parseConnectionResult(
    url,
    {
      owner: user,
      action: 'connect',
      dataSource: click.dataSource,
      tokenFingerprint: fingerprint,
      startedAt: click.startedAt,
    },
    { now },
  );
  return { result, click, remaining: clicks.filter((_, at) => at !== index) };
}

export function newFlash(result: ThryveFormResult, user: string, now: number): Flash {
  return { id: randomBytes(12).toString('base64url'), result, user, expiresAt: now + FLASH_MAX_AGE_MS };
}

export function sealFlash(secret: string, flash: Flash): string {
  return seal(secret, 'flash', flash);
}

/** What a flash cookie holds: `missing`, `invalid` (forged, tampered, another secret), or the flash. */
export function openFlash(
  secret: string,
  sealed: string | undefined,
): { state: 'missing' } | { state: 'invalid' } | { state: 'valid'; flash: Flash } {
  if (sealed === undefined || sealed === '') return { state: 'missing' };
  const value = unseal(secret, 'flash', sealed);
  if (
    !isObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.user !== 'string' ||
    typeof value.expiresAt !== 'number' ||
    !isObject(value.result) ||
    typeof value.result.status !== 'string'
  ) {
    return { state: 'invalid' };
  }
  return { state: 'valid', flash: value as unknown as Flash };
}
