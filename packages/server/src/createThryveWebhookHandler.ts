import { createHash } from 'node:crypto';
import { createMemoryStore } from './createMemoryStore.js';
import { HttpError } from './internal/HttpError.js';
import { sealStore, storeSecretOf } from './internal/sealedStore.js';
import {
  parseThryveWebhook,
  type ThryveWebhookEvent,
  type ThryveWebhookVerifier,
} from './parseThryveWebhook.js';
import type { ThryveStore } from './ThryveStore.js';
import { isThryveWebhookError } from './ThryveWebhookError.js';

/** Options of {@link createThryveWebhookHandler}. */
export interface ThryveWebhookHandlerOptions {
  /** Required authenticity check (see `createHeaderSecretVerifier`), or `'none'` to opt out explicitly. */
  verify: ThryveWebhookVerifier | 'none';
  /** Your work for one event (store it, queue it). May be async; see `answerWithinMs`. */
  onEvent: (event: ThryveWebhookEvent, request: Request) => void | Promise<void>;
  /** Refused webhooks, failing `onEvent` calls and late failures, for logging. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
  /**
   * The answer goes out no later than this many milliseconds after the request (Thryve waits 2 s):
   * an `onEvent` still running then goes on, and its failure reaches `onError`. Default 1 500.
   */
  answerWithinMs?: number | undefined;
  /**
   * Where handled deliveries are remembered, so that one delivered again is answered 200 and not
   * handed to `onEvent` twice. Default: this process's memory, bounded. With many instances, a
   * shared store (`createRedisStore()`), which needs `storeSecret`.
   */
  store?: ThryveStore | undefined;
  /** Keys what the route keeps in `store` (an HMAC of each body); see the connect handler's `storeSecret`. */
  storeSecret?: string | undefined;
  /**
   * How long a handled delivery is remembered, in milliseconds, or `false` to hand every delivery to
   * `onEvent`. Default 24 hours.
   */
  handledWindowMs?: number | false | undefined;
}

/** Thryve's limit is 2 s; half a second is left for the network. */
const DEFAULT_ANSWER_WITHIN_MS = 1_500;

/** Thryve publishes no retry schedule: a day covers resends and retries after a lost answer. */
const DEFAULT_HANDLED_WINDOW_MS = 24 * 60 * 60_000;

/**
 * A ready-made Fetch-API webhook route: verifies, parses, hands the event to `onEvent`, and answers
 * within Thryve's 2-second limit — 204 once `onEvent` settles or the time is up, 500 when `onEvent`
 * throws in time (Thryve may deliver again), 401/400 for a refused request, 204 for a notification
 * type this library does not handle, 405 for anything but POST.
 *
 * Handled once: Thryve's deliveries carry no id, so a delivery is known by its body. Its HMAC is
 * remembered (`store`, `handledWindowMs`) once `onEvent` succeeded, so a retry after a failure is
 * handled, and the same body again is answered 200 without calling `onEvent`. This is idempotency,
 * not authenticity: whoever holds the webhook secret can send new bodies.
 *
 * @example
 * export const POST = createThryveWebhookHandler({
 *   verify: createHeaderSecretVerifier({ header: 'x-thryve-secret', secret: process.env.HOOK_SECRET! }),
 *   onEvent: (event) => queue.push(event),
 * });
 */
export function createThryveWebhookHandler(
  options: ThryveWebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { verify, onEvent, onError } = options ?? ({} as Partial<ThryveWebhookHandlerOptions>);
  if (typeof onEvent !== 'function' || (typeof verify !== 'function' && verify !== 'none')) {
    throw new TypeError(
      "createThryveWebhookHandler: pass { verify, onEvent } (verify: a verifier, or 'none' to opt out explicitly).",
    );
  }
  const answerWithinMs = options.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS;
  if (!Number.isFinite(answerWithinMs) || answerWithinMs <= 0) {
    throw new TypeError('createThryveWebhookHandler: "answerWithinMs" must be a positive number.');
  }
  const windowMs = options.handledWindowMs ?? DEFAULT_HANDLED_WINDOW_MS;
  if (windowMs !== false && (!Number.isFinite(windowMs) || windowMs <= 0)) {
    throw new TypeError('createThryveWebhookHandler: "handledWindowMs" must be a positive number or false.');
  }
  const store = sealStore(
    options.store ?? createMemoryStore(),
    storeSecretOf(options.storeSecret, options.store !== undefined, 'createThryveWebhookHandler'),
  );
  /** Deliveries being handled in this process: a copy arriving meanwhile is not handled twice. */
  const inFlight = new Set<string>();

  const accepted = () => new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  const alreadyHandled = () => new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
  const failed = () => new HttpError('server_error', 'The webhook could not be handled.').toResponse();
  const report = (error: unknown, request: Request) => {
    try {
      onError?.(error, request);
    } catch {
      // A failing logger must not change the answer.
    }
  };

  return async function thryveWebhookHandler(request: Request): Promise<Response> {
    const started = Date.now();
    if (request.method !== 'POST') {
      return new HttpError('bad_request', 'Use POST.', {
        status: 405,
        headers: { Allow: 'POST' },
      }).toResponse();
    }
    let event: ThryveWebhookEvent;
    // The body as sent, to know the delivery again: read only once the parser accepted it.
    const copy = windowMs === false ? undefined : request.clone();
    try {
      event = await parseThryveWebhook(request, { verify });
    } catch (error) {
      // A type this library does not handle is not Thryve's mistake: acknowledge it, or it is sent again.
      if (isThryveWebhookError(error, 'unknown_type')) return accepted();
      report(error, request);
      if (isThryveWebhookError(error)) return new HttpError(error.code, error.message).toResponse();
      return failed();
    }
    let key: string | undefined;
    if (copy !== undefined) {
      const digest = createHash('sha256')
        .update(await copy.text())
        .digest('base64url');
      key = store.key('wh', digest);
      if (inFlight.has(key)) return alreadyHandled();
      try {
        if ((await store.get(key)) !== undefined) return alreadyHandled();
      } catch (error) {
        // Unknown, so handled: a duplicate is better than a lost event.
        report(error, request);
      }
      inFlight.add(key);
    }
    const remember = async () => {
      if (key === undefined || windowMs === false) return;
      try {
        await store.set(key, '1', windowMs);
      } catch (error) {
        report(error, request);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = Promise.resolve()
      .then(() => onEvent(event, request))
      .then(remember)
      .then(
        () => 'done' as const,
        (error: unknown) => ({ error }),
      )
      .finally(() => {
        if (key !== undefined) inFlight.delete(key);
      });
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, answerWithinMs - (Date.now() - started)), 'late');
    });
    const outcome = await Promise.race([work, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      // Still working: answer now, and report a failure that comes later.
      void work.then((result) => {
        if (result !== 'done') report(result.error, request);
      });
      return accepted();
    }
    if (outcome === 'done') return accepted();
    report(outcome.error, request);
    return failed();
  };
}
