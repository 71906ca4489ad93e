import type { SandboxContext } from '../context.js';
import { checkAuth } from '../credentials.js';
import { HttpError, json, mediaType, readBody, text } from '../http.js';
import { isLocale } from '../locales.js';
import { ALIAS_PATTERN } from '../store.js';
import { widgetUrl } from '../widget-url.js';

// Thryve publishes no error schema beyond the status; this shape is readable and easy to parse.
const jsonError = (status: number, message: string): Response => json(status, { error: { message } });

function authorize(ctx: SandboxContext, request: Request): void {
  const reason = checkAuth(request.headers, ctx.credentials);
  if (reason !== undefined) throw new HttpError(401, reason);
}

async function readForm(request: Request): Promise<URLSearchParams> {
  const body = await readBody(request);
  const type = mediaType(request);
  if (body.length > 0 && type !== '' && type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'The body must be application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(body);
}

/** `POST /v5/accessToken`: creates (or finds, by alias) an end user and answers its token as text. */
export async function handleAccessToken(ctx: SandboxContext, request: Request): Promise<Response> {
  authorize(ctx, request);
  const form = await readForm(request);
  const partnerUserId = form.get('partnerUserID');
  const endUserAlias = form.get('endUserAlias');
  if (partnerUserId !== null && endUserAlias !== null && partnerUserId !== endUserAlias) {
    throw new HttpError(400, 'partnerUserID and endUserAlias name the same alias; send one of them.');
  }
  const alias = partnerUserId ?? endUserAlias ?? undefined;
  if (alias !== undefined && !ALIAS_PATTERN.test(alias)) {
    throw new HttpError(400, 'The alias must be 1 to 80 letters, digits or "-".');
  }
  return text(200, ctx.store.userFor(alias).endUserId);
}

/** `POST /widget/v6/connection`: a fresh widget session for a known user. */
export async function handleConnection(ctx: SandboxContext, request: Request): Promise<Response> {
  authorize(ctx, request);
  const body = await readBody(request);
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return jsonError(400, 'The body must be JSON: { "endUserId": "…", "locale"?: "en" }.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return jsonError(400, 'The body must be a JSON object.');
  }
  const { endUserId, locale } = input as Record<string, unknown>;
  if (typeof endUserId !== 'string' || endUserId === '') return jsonError(400, 'endUserId is required.');
  const user = ctx.store.users.get(endUserId);
  if (!user) return jsonError(400, 'endUserId does not name a known user.');
  if (locale !== undefined && locale !== null && !isLocale(locale)) {
    return jsonError(400, 'locale is not one of the supported languages.');
  }
  const lang = typeof locale === 'string' ? locale : undefined;
  const session = ctx.store.createSession(user, lang);
  return json(200, { type: 'enduser.widget.connection', data: { url: widgetUrl(ctx.url, session) } });
}

/** `POST /v5/userInformation`: the user's connected sources, as a one-item array. */
export async function handleUserInformation(ctx: SandboxContext, request: Request): Promise<Response> {
  authorize(ctx, request);
  const form = await readForm(request);
  const token = form.get('authenticationToken');
  if (token === null || token === '') throw new HttpError(400, 'authenticationToken is required.');
  const user = ctx.store.users.get(token);
  if (!user) throw new HttpError(403, 'authenticationToken does not name a known user.');
  const connectedSources = [...user.connected]
    .sort(([a], [b]) => a - b)
    .map(([dataSource, connectedAt]) => ({ dataSource, connectedAt }));
  return json(200, [
    { authenticationToken: user.endUserId, partnerUserID: user.alias ?? null, connectedSources, devices: [] },
  ]);
}
