import { type DataSourceId, isDataSourceId } from '@thryve-connect/core';
import { BodyTooLargeError, readBody } from './internal/readBody.js';
import { isObject } from './internal/validation.js';
import { ThryveWebhookError } from './ThryveWebhookError.js';

/** A data source was connected or disconnected, as Thryve's webhook reports it. */
export interface ThryveWebhookEvent {
  type: 'source.connect' | 'source.disconnect';
  /** The Thryve end-user id. */
  endUserId: string;
  /** The app's alias for the user (`partnerUserID`), when Thryve sent it. */
  endUserAlias?: string;
  dataSource: DataSourceId;
  /** When it happened. */
  timestamp: Date;
}

/**
 * A webhook authenticity check, given the request and its raw body: `true` lets it through. Ready-made:
 * `createBasicAuthVerifier` and `createHeaderSecretVerifier` (the checks Thryve's dashboard offers).
 */
export type ThryveWebhookVerifier = (request: Request, rawBody: string) => boolean | Promise<boolean>;

/** Options of {@link parseThryveWebhook}. */
export interface ParseThryveWebhookOptions {
  /**
   * Required: the authenticity check run on the raw body before anything is parsed (`false` →
   * `verification_failed`). Thryve publishes no signature scheme; its dashboard can send Basic
   * credentials or a custom header, which the ready-made verifiers check in constant time. `'none'`
   * opts out explicitly (e.g. a route already authenticated by a gateway).
   */
  verify: ThryveWebhookVerifier | 'none';
}

/** The largest webhook body read. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

const TYPES: Record<string, ThryveWebhookEvent['type']> = {
  'notification.source.connect': 'source.connect',
  'notification.source.disconnect': 'source.disconnect',
};

/**
 * Reads and validates a Thryve webhook request (`notification.source.connect` /
 * `notification.source.disconnect`) into a typed event. Runs `verify` on the raw body first; without
 * a `verify` (or an explicit `'none'`) it throws a `TypeError`. Throws {@link ThryveWebhookError} for a
 * refused request. Thryve expects an answer within 2 s: answer first, work later (or use
 * `createThryveWebhookHandler`, which does).
 *
 * @example
 * const verify = createHeaderSecretVerifier({ header: 'x-hook-key', secret: process.env.HOOK_KEY! });
 * export async function POST(request: Request) {
 *   const event = await parseThryveWebhook(request, { verify });
 *   queue.push(event);
 *   return new Response(null, { status: 204 });
 * }
 */
export async function parseThryveWebhook(
  request: Request,
  options: ParseThryveWebhookOptions,
): Promise<ThryveWebhookEvent> {
  const verify = (options as Partial<ParseThryveWebhookOptions> | undefined)?.verify;
  // Unauthenticated webhooks are how forged "disconnect" events get in: no check is a mistake, not a default.
  if (typeof verify !== 'function' && verify !== 'none') {
    throw new TypeError(
      "parseThryveWebhook: pass { verify } (e.g. createHeaderSecretVerifier), or { verify: 'none' } to accept unauthenticated webhooks.",
    );
  }
  let raw: string;
  try {
    raw = await readBody(request, MAX_WEBHOOK_BYTES);
  } catch (error) {
    const message =
      error instanceof BodyTooLargeError
        ? `The webhook body is larger than ${MAX_WEBHOOK_BYTES} bytes.`
        : 'The webhook body could not be read as UTF-8 text.';
    throw new ThryveWebhookError('invalid_body', message, { cause: error });
  }
  if (verify !== 'none' && (await verify(request, raw)) !== true) {
    throw new ThryveWebhookError('verification_failed', 'The webhook request failed verification.');
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    throw new ThryveWebhookError('invalid_body', 'The webhook body is not valid JSON.', { cause: error });
  }
  if (!isObject(body))
    throw new ThryveWebhookError('invalid_body', 'The webhook body must be a JSON object.');
  const type =
    typeof body.type === 'string' && Object.hasOwn(TYPES, body.type) ? TYPES[body.type] : undefined;
  if (type === undefined) {
    throw new ThryveWebhookError(
      'unknown_type',
      `Unknown webhook type ${JSON.stringify(typeof body.type === 'string' ? body.type.slice(0, 60) : typeof body.type)}.`,
    );
  }
  const { endUserId, endUserAlias, data } = body;
  if (typeof endUserId !== 'string' || endUserId.trim() === '') {
    throw new ThryveWebhookError('invalid_body', 'The webhook has no "endUserId".');
  }
  if (endUserAlias !== undefined && endUserAlias !== null && typeof endUserAlias !== 'string') {
    throw new ThryveWebhookError('invalid_body', 'The webhook\'s "endUserAlias" must be a string.');
  }
  if (!isObject(data)) throw new ThryveWebhookError('invalid_body', 'The webhook has no "data" object.');
  const dataSource = typeof data.dataSourceId === 'string' ? Number(data.dataSourceId) : data.dataSourceId;
  if (!isDataSourceId(dataSource)) {
    throw new ThryveWebhookError(
      'invalid_body',
      'The webhook\'s "data.dataSourceId" must be a positive integer.',
    );
  }
  const ms =
    typeof data.timestamp === 'number'
      ? data.timestamp
      : typeof data.timestamp === 'string'
        ? /^\d+$/.test(data.timestamp)
          ? Number(data.timestamp)
          : Date.parse(data.timestamp)
        : Number.NaN;
  const timestamp = new Date(ms);
  if (Number.isNaN(timestamp.getTime())) {
    throw new ThryveWebhookError(
      'invalid_body',
      'The webhook\'s "data.timestamp" must be epoch milliseconds.',
    );
  }
  const event: ThryveWebhookEvent = { type, endUserId, dataSource, timestamp };
  if (typeof endUserAlias === 'string' && endUserAlias !== '') event.endUserAlias = endUserAlias;
  return event;
}
