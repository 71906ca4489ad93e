import type { ThryveClient } from '@thryve-connect/server';
import type { Browser } from 'playwright-core';
import type { ConformanceBounds } from './ConformanceReport.js';
import type { Recorder } from './Recorder.js';
import type { Redactor } from './Redactor.js';
import type { ThryveCredentials, ThryveTarget } from './resolveConformanceTarget.js';

/** Time as the probes see it: real in a run, virtual in a dry run (a wait is printed, not slept). */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What every check and probe gets from the run. */
export interface ConformanceContext {
  runId: string;
  thryve: ThryveTarget;
  /** The client under test, holding the target's credentials, sending through {@link recorder}. */
  client: ThryveClient;
  /** A client with other credentials (for the refusals), sending through the same recorder. */
  clientWith(credentials: ThryveCredentials): ThryveClient;
  recorder: Recorder;
  redactor: Redactor;
  clock: Clock;
  dryRun: boolean;
  bounds: ConformanceBounds;
  /** A fresh alias `tc-conformance-<run id>-<purpose>`, remembered for the "left behind" list. */
  newAlias(purpose: string): string;
  /** Launches headless Chromium (never called in a dry run). */
  launchBrowser(): Promise<Browser>;
  /** Answers shared between findings (the main user, the reuse probe's verdicts). */
  shared: SharedAnswers;
}

/** Answers one finding leaves for the next. */
export interface SharedAnswers {
  /** The end user of the checks and its alias, created by the access-token check. */
  endUserId?: string;
  alias?: string;
  /** The reuse probe's verdicts, which decide what the lifetime probe may ask repeatedly. */
  reuse?: { directAfterDirect: string; widgetAfterWidget: string };
}

/** One check or probe: what it is, and how to run it against a context. */
export interface FindingSpec {
  id: string;
  kind: 'check' | 'probe';
  title: string;
  /** For checks: the claim of the contract it checks. */
  expected?: string;
  run(ctx: ConformanceContext): Promise<{
    outcome: 'pass' | 'fail' | 'observed' | 'skipped';
    summary: string;
    observed: Record<string, unknown>;
  }>;
}
