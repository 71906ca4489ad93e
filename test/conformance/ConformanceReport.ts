/**
 * The conformance run's findings and its JSON report (`.test-results/conformance.json`): what a team
 * with Thryve credentials sends back to us. Everything in it is already redacted (see `Redactor`).
 */

/**
 * How one finding ended:
 * - `pass` / `fail`: a check of the contract as the packages read it;
 * - `observed`: a probe that recorded what it saw (probes never pass or fail on a guess);
 * - `error`: the check or probe could not run to its end (the error is recorded);
 * - `skipped`: not run (e.g. a dry run, or a probe that needs an earlier answer).
 */
export type FindingOutcome = 'pass' | 'fail' | 'observed' | 'error' | 'skipped';

/** One check or probe, as the table and the JSON report show it. */
export interface Finding {
  /** Stable id, e.g. `access-token`, `token-lifetime`. */
  id: string;
  kind: 'check' | 'probe';
  title: string;
  outcome: FindingOutcome;
  /** One line for the human table. */
  summary: string;
  /** For checks: the claim of the contract that is checked. */
  expected?: string;
  /** What was seen, JSON-safe and redacted. */
  observed: Record<string, unknown>;
  /** HTTP requests this finding sent (browser sub-requests not included). */
  requests: number;
  ms: number;
  /** When `outcome` is `error`: what went wrong, redacted. */
  error?: RecordedError;
}

/** An error as the report records it: `code` is recorded, never asserted (its vocabulary may change). */
export interface RecordedError {
  name: string;
  message: string;
  code?: string;
  status?: number;
}

/** The shape of a response body, never its sensitive values. */
export interface BodyShape {
  kind: 'empty' | 'json' | 'html' | 'text';
  length: number;
  /** JSON: the skeleton (`"string(32)"`, `"number"`, keys kept). */
  skeleton?: unknown;
  /** HTML: the `<title>`. */
  title?: string;
  /** The first characters, with every credential and token replaced by a label. */
  sample?: string;
}

/** One HTTP exchange of the run, redacted. */
export interface RecordedExchange {
  /** Which check or probe sent it. */
  label: string;
  method: string;
  /** Query values that are tokens are replaced by labels such as `<session token 3>`. */
  url: string;
  /** Request headers; both Authorization headers show as `Basic <redacted>`. */
  headers: Record<string, string>;
  body?: string;
  /** Absent in a dry run (nothing was sent) and when the request failed without an answer. */
  response?: {
    status: number;
    contentType: string | null;
    /** `Location` of a redirect, redacted (origin, path and parameter names). */
    location?: string;
    /** Set when fetch followed redirects: where it ended, redacted. */
    finalUrl?: string;
    body: BodyShape;
  };
  /** A failure without an answer (timeout, refused connection). */
  failure?: string;
  ms?: number;
}

/** What the suite ran against. */
export type ConformanceTargetSummary =
  | { kind: 'sandbox'; url: string; sessionTtlMs: number; note: string }
  | { kind: 'thryve'; hosts: { api: string; widget: string; direct: string } };

/** Limits each probe keeps to, stated in the report so a reader knows what was (not) tried. */
export interface ConformanceBounds {
  /** Token lifetime: first ask, ceiling, narrowing steps, worst-case requests and duration. */
  lifetime: {
    firstCheckMs: number;
    ceilingMs: number;
    checkpointsMs: number[];
    refineSteps: number;
    maxRequests: number;
    maxDurationMs: number;
  };
  reuse: { maxRequests: number };
  widgetMessages: { observeMs: number; pageLoads: number; maxRequests: number };
  checks: { maxRequests: number };
  /** Time limit of each HTTP request. */
  requestTimeoutMs: number;
}

/** The whole report. */
export interface ConformanceReport {
  schema: 'thryve-connect/conformance@1';
  runId: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  target: ConformanceTargetSummary;
  /** Versions of the packages whose reading of the contract was checked. */
  library: Record<string, string>;
  bounds: ConformanceBounds;
  findings: Finding[];
  /** Every request of the run, in order. */
  exchanges: RecordedExchange[];
  /** What the run leaves in the Thryve account (in a dry run: what a real run would). */
  leftBehind: { aliases: string[]; connections: string; sessions: string; howToRemove: string };
  redaction: string;
}
