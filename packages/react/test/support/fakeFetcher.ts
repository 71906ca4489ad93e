import type { SessionPayload, SessionRequest, ThryveFetcher } from '@thryve-connect/core';
import { ThryveConnectError } from '@thryve-connect/core';

/** The widget origin the jsdom tests allow; real origins are exercised in the browser tests. */
export const WIDGET_ORIGIN = 'https://connect.thryve.de';

let counter = 1_000_000_000;
/** A widget URL in Thryve's format, with a new token each call. */
export function widgetUrl(locale = 'en', origin = WIDGET_ORIGIN): string {
  counter += 1;
  return `${origin}/?connectionSessionToken=${counter}X4247109939067552841&platform=web&lang=${locale}`;
}

type Answer = SessionPayload | Error | ((request: SessionRequest) => Promise<SessionPayload>);

/**
 * The one edge the jsdom tests cannot reach is the host's backend: this fetcher stands in for it and
 * records every call. Answers are consumed in order; the last one repeats.
 */
export function fakeFetcher(...answers: Answer[]) {
  const calls: SessionRequest[] = [];
  const fetcher: ThryveFetcher = async (request) => {
    calls.push(request);
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer === undefined) return { url: widgetUrl(request.locale) };
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    return answer;
  };
  return { fetcher, calls };
}

/** A backend failure as the proxy fetcher reports it. */
export function httpError(status: number): ThryveConnectError {
  const code =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status >= 500
          ? 'server_error'
          : 'bad_request';
  return new ThryveConnectError(code, `HTTP ${status}`, { status });
}
