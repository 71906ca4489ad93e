import type { SandboxContext } from '../context.js';
import { findDataSource, type SandboxDataSource } from '../data-sources.js';
import { isAllowedRedirect } from '../redirect-allow-list.js';
import type { SandboxSession, SandboxUser } from '../store.js';

/** A direct connect/revoke request whose token, source and redirect target all checked out. */
export interface DirectRequest {
  session: SandboxSession;
  user: SandboxUser;
  source: SandboxDataSource;
  redirectUri: string | undefined;
}

/** Why a direct request was refused: the error page's title and reason. */
export interface DirectRefusal {
  title: string;
  message: string;
}

/** The "session expired" refusal, shared by every page that takes a session token. */
export function sessionRefusal(
  token: string | null | undefined,
  ctx: SandboxContext,
): DirectRefusal | undefined {
  if (token === null || token === undefined || token === '') {
    return { title: 'Session missing', message: 'The link has no session token. Start again from the app.' };
  }
  const found = ctx.store.session(token);
  if (found === 'expired') {
    return {
      title: 'Session expired',
      message: 'This session has expired. Go back to the app and try again.',
    };
  }
  if (found === undefined) {
    return {
      title: 'Session expired',
      message: 'This session has expired or is not valid. Go back to the app and try again.',
    };
  }
  return undefined;
}

/**
 * Validates the parameters shared by the connect, consent and revoke steps, in the order Thryve would
 * meet them: the session, then the source, then where to send the user afterwards.
 */
export function validateDirectRequest(
  ctx: SandboxContext,
  params: URLSearchParams,
): DirectRequest | DirectRefusal {
  const token = params.get('token');
  const refusal = sessionRefusal(token, ctx);
  if (refusal) return refusal;
  const found = ctx.store.session(token ?? '');
  if (typeof found !== 'object') return { title: 'Session expired', message: 'This session has expired.' };

  const rawSource = params.get('dataSource') ?? '';
  if (!/^\d{1,9}$/.test(rawSource)) {
    return { title: 'Unknown data source', message: 'dataSource must be the numeric id of a data source.' };
  }
  const source = findDataSource(Number(rawSource));
  if (!source) {
    return { title: 'Unknown data source', message: `Data source ${rawSource} is not available.` };
  }
  if (source.type !== 'Web') {
    return {
      title: 'Not available on the web',
      message: `${source.name} can only be connected in the mobile app.`,
    };
  }

  const rawRedirect = params.get('redirect_uri');
  const redirectUri = rawRedirect === null || rawRedirect === '' ? undefined : rawRedirect;
  if (redirectUri !== undefined && !isAllowedRedirect(redirectUri, ctx.redirectAllowList, ctx.ownOrigins)) {
    return { title: 'Redirect not allowed', message: 'redirect_uri is not on the allow-list for this app.' };
  }
  return { session: found.session, user: found.user, source, redirectUri };
}
