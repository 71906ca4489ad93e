import { HttpError } from './internal/HttpError.js';
import {
  parseThryveWebhook,
  type ThryveWebhookEvent,
  type ThryveWebhookVerifier,
} from './parseThryveWebhook.js';
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
}

/** Thryve's limit is 2 s; half a second is left for the network. */
const DEFAULT_ANSWER_WITHIN_MS = 1_500;

/**
 * A ready-made Fetch-API webhook route: verifies, parses, hands the event to `onEvent`, and answers
 * within Thryve's 2-second limit — 204 once `onEvent` settles or the time is up, 500 when `onEvent`
 * throws in time (Thryve may deliver again), 401/400 for a refused request, 204 for a notification
 * type this library does not handle, 405 for anything but POST.
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

  const accepted = () => new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
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
    try {
      event = await parseThryveWebhook(request, { verify });
    } catch (error) {
      // A type this library does not handle is not Thryve's mistake: acknowledge it, or it is sent again.
      if (isThryveWebhookError(error, 'unknown_type')) return accepted();
      report(error, request);
      if (isThryveWebhookError(error)) return new HttpError(error.code, error.message).toResponse();
      return failed();
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = Promise.resolve()
      .then(() => onEvent(event, request))
      .then(
        () => 'done' as const,
        (error: unknown) => ({ error }),
      );
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
