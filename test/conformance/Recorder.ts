import type { RecordedExchange } from './ConformanceReport.js';
import { describeBody } from './describeBody.js';
import type { Redactor } from './Redactor.js';

/** Answers a request in a dry run, where nothing may leave the machine. */
export type DryRunResponder = (url: URL, init: RequestInit) => Response;

/** Options of {@link Recorder}. */
export interface RecorderOptions {
  redactor: Redactor;
  /** Set for a dry run: requests are printed and answered by this, never sent. */
  dryRun?: { respond: DryRunResponder; print: (text: string) => void } | undefined;
  /** The real fetch (tests may pass another). Default: the global one. */
  fetch?: typeof fetch | undefined;
}

// Wide enough for the longest finding id, so a dry run's listing lines up.
const LABEL_WIDTH = 21;
const SESSION_TOKEN_IN_TEXT = /connectionSessionToken=([A-Za-z0-9._~%-]+)/g;

function bodyText(body: BodyInit | null | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return `<${Object.prototype.toString.call(body).slice(8, -1)}>`;
}

/**
 * The one `fetch` of the run, handed to `createThryveClient` and used for every page request: it
 * learns each token from the answers (so the report can hide it), records every exchange redacted,
 * and in a dry run prints the request and answers it locally instead of sending it.
 */
export class Recorder {
  /** Which check or probe the next requests belong to. */
  label = 'setup';
  readonly exchanges: RecordedExchange[] = [];
  readonly #options: RecorderOptions;
  // The unredacted answers, for checks that read a field the client does not return (the widget
  // answer's `type`). In memory only: never written to the report.
  readonly #texts = new WeakMap<RecordedExchange, string>();

  constructor(options: RecorderOptions) {
    this.#options = options;
  }

  /** How many requests `label` has sent so far. */
  count(label: string): number {
    return this.exchanges.filter((exchange) => exchange.label === label).length;
  }

  /** The latest exchange `label` sent, with its unredacted answer text (in memory only). */
  last(label: string): { exchange: RecordedExchange; text: string | undefined } | undefined {
    for (let i = this.exchanges.length - 1; i >= 0; i -= 1) {
      const exchange = this.exchanges[i];
      if (exchange?.label === label) return { exchange, text: this.#texts.get(exchange) };
    }
    return undefined;
  }

  /** Prints a line in a dry run (a wait, a browser page load); nothing otherwise. */
  note(text: string): void {
    this.#options.dryRun?.print(`     ${this.label.padEnd(LABEL_WIDTH)} ${text}`);
  }

  readonly fetch: typeof fetch = async (input, init = {}) => {
    const { redactor, dryRun } = this.#options;
    const request = input instanceof Request ? input : undefined;
    const rawUrl = request ? request.url : String(input);
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const body = bodyText(init.body);
    const exchange: RecordedExchange = {
      label: this.label,
      method,
      url: redactor.url(rawUrl),
      headers: redactor.headers(init.headers),
      ...(body === undefined ? {} : { body: redactor.text(body) }),
    };
    this.exchanges.push(exchange);
    if (dryRun) this.#print(exchange);

    const started = performance.now();
    let response: Response;
    try {
      response = dryRun
        ? dryRun.respond(new URL(rawUrl), init)
        : await (this.#options.fetch ?? globalThis.fetch)(input, init);
    } catch (error) {
      exchange.ms = Math.round(performance.now() - started);
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      exchange.failure = redactor.text(`${error instanceof Error ? error.name : 'Error'}${cause}`);
      throw error;
    }
    const text = await response.clone().text();
    this.#texts.set(exchange, text);
    exchange.ms = Math.round(performance.now() - started);
    this.#learn(new URL(rawUrl), response.status, text);
    const contentType = response.headers.get('content-type');
    const location = response.headers.get('location');
    exchange.response = {
      status: response.status,
      contentType,
      ...(location === null ? {} : { location: redactor.location(location, rawUrl) }),
      ...(response.redirected ? { finalUrl: redactor.url(response.url) } : {}),
      body: describeBody(contentType, text, redactor),
    };
    // A dry run's answers are made up: the report must not read as if they were Thryve's.
    if (dryRun) delete exchange.response;
    return response;
  };

  // Every token the run meets is a secret from the moment it is seen: before it is recorded anywhere.
  #learn(url: URL, status: number, text: string): void {
    const { redactor } = this.#options;
    if (status === 200 && url.pathname.endsWith('/v5/accessToken'))
      redactor.add(text.trim(), 'end-user token');
    for (const match of text.matchAll(SESSION_TOKEN_IN_TEXT)) {
      const token = match[1];
      if (token !== undefined) redactor.add(decodeURIComponent(token), 'session token');
    }
  }

  #print(exchange: RecordedExchange): void {
    const print = this.#options.dryRun?.print;
    if (!print) return;
    const number = String(this.exchanges.length).padStart(3);
    const lines = [`${number}. ${exchange.label.padEnd(LABEL_WIDTH)} ${exchange.method} ${exchange.url}`];
    for (const [name, value] of Object.entries(exchange.headers)) lines.push(`       ${name}: ${value}`);
    if (exchange.body !== undefined) lines.push(`       body: ${exchange.body}`);
    print(lines.join('\n'));
  }
}
