import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createThryveClient, isThryveApiError } from '@thryve-connect/server';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import type { Clock, ConformanceContext, FindingSpec } from './ConformanceContext.js';
import type { ConformanceBounds, ConformanceReport, Finding } from './ConformanceReport.js';
import { CONTRACT_CHECKS } from './contractChecks.js';
import { createDryRunResponder } from './createDryRunResponder.js';
import { probeTokenLifetime } from './probeTokenLifetime.js';
import { probeTokenReuse } from './probeTokenReuse.js';
import { probeWidgetMessages } from './probeWidgetMessages.js';
import { Recorder } from './Recorder.js';
import { Redactor } from './Redactor.js';
import type { ThryveTarget } from './resolveConformanceTarget.js';

/** Every finding, in the order they run: the checks, then the probes (the lifetime probe last, it is long). */
export const FINDINGS: readonly FindingSpec[] = [
  ...CONTRACT_CHECKS,
  probeTokenReuse,
  probeWidgetMessages,
  probeTokenLifetime,
];

/** The prefix of every alias the suite creates: what to look for when cleaning up. */
export const ALIAS_PREFIX = 'tc-conformance-';

/** Options of {@link runConformance}. */
export interface RunConformanceOptions {
  thryve: ThryveTarget;
  /** Set when `thryve` is a sandbox this run started: the report says so (sandbox results are not Thryve's). */
  sandbox?: { url: string; sessionTtlMs: number } | undefined;
  bounds: ConformanceBounds;
  /** Print every request instead of sending it. */
  dryRun?: { print: (text: string) => void } | undefined;
  /** Only these findings (ids), for tests of one probe. Default: all. */
  only?: readonly string[] | undefined;
  /** Default: Debian's Chromium (test/support/chromium.ts). */
  launchBrowser?: (() => Promise<Browser>) | undefined;
  runId?: string | undefined;
}

/** A run id that is also a valid part of an alias: `20261127-101500-x7k2`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

function realClock(): Clock {
  return { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}

// A dry run waits in its head: the schedule is printed, no time passes.
function virtualClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

function libraryVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of ['core', 'server', 'react']) {
    const manifest = JSON.parse(
      readFileSync(new URL(`../../packages/${name}/package.json`, import.meta.url), 'utf8'),
    ) as { name: string; version: string };
    versions[manifest.name] = manifest.version;
  }
  return versions;
}

/**
 * Runs every check and probe against `thryve` through `createThryveClient`, each in turn, and returns
 * the report. A finding that throws is recorded as `error`; the run goes on. Nothing is written here:
 * the caller writes the report and prints the table.
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformanceReport> {
  const { thryve, bounds, dryRun } = options;
  const runId = options.runId ?? newRunId();
  const started = new Date();
  const startedMs = performance.now();
  const redactor = new Redactor();
  for (const secret of Object.values(thryve.credentials)) redactor.add(secret, 'credential');
  const recorder = new Recorder({
    redactor,
    dryRun: dryRun && { print: dryRun.print, respond: createDryRunResponder(thryve) },
  });
  const aliases: string[] = [];
  const clientWith: ConformanceContext['clientWith'] = (credentials) =>
    createThryveClient({
      ...credentials,
      hosts: thryve.hosts,
      fetch: recorder.fetch,
      timeoutMs: bounds.requestTimeoutMs,
    });
  const ctx: ConformanceContext = {
    runId,
    thryve,
    client: clientWith(thryve.credentials),
    clientWith,
    recorder,
    redactor,
    clock: dryRun ? virtualClock() : realClock(),
    dryRun: dryRun !== undefined,
    bounds,
    newAlias(purpose) {
      const alias = `${ALIAS_PREFIX}${runId}-${purpose}`;
      aliases.push(alias);
      return alias;
    },
    launchBrowser: options.launchBrowser ?? launchChromium,
    shared: {},
  };

  const findings: Finding[] = [];
  for (const spec of FINDINGS) {
    if (options.only && !options.only.includes(spec.id)) continue;
    recorder.label = spec.id;
    const t0 = performance.now();
    const base = {
      id: spec.id,
      kind: spec.kind,
      title: spec.title,
      ...(spec.expected ? { expected: spec.expected } : {}),
    };
    try {
      const result = await spec.run(ctx);
      findings.push({
        ...base,
        ...result,
        // A dry run's answers are made up: nothing in it passes or fails.
        outcome: dryRun ? 'skipped' : result.outcome,
        requests: recorder.count(spec.id),
        ms: Math.round(performance.now() - t0),
      });
    } catch (error) {
      const message = redactor.text(error instanceof Error ? error.message : String(error));
      findings.push({
        ...base,
        outcome: 'error',
        summary: `could not run: ${message}`,
        observed: {},
        requests: recorder.count(spec.id),
        ms: Math.round(performance.now() - t0),
        error: {
          name: error instanceof Error ? error.name : typeof error,
          message,
          ...(isThryveApiError(error) ? { code: error.code } : {}),
          ...(isThryveApiError(error) && error.status !== undefined ? { status: error.status } : {}),
        },
      });
    }
  }

  const sandbox = options.sandbox;
  return {
    schema: 'thryve-connect/conformance@1',
    runId,
    dryRun: dryRun !== undefined,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - startedMs),
    target: sandbox
      ? {
          kind: 'sandbox',
          url: sandbox.url,
          sessionTtlMs: sandbox.sessionTtlMs,
          note: "The local sandbox (our own reading of Thryve's docs), not Thryve: these results prove the suite, not the contract.",
        }
      : { kind: 'thryve', hosts: thryve.hosts },
    library: libraryVersions(),
    bounds,
    findings,
    exchanges: recorder.exchanges,
    leftBehind: {
      aliases,
      connections:
        'none: no provider login is ever completed; the revoke targets a source that was never connected',
      sessions: 'widget sessions expire on their own',
      howToRemove: sandbox
        ? 'nothing to remove: the sandbox kept everything in memory and was closed'
        : `The contract we know has no call that deletes an end user: ask Thryve's customer operations to delete the end users whose partnerUserID starts with "${ALIAS_PREFIX}${runId}-" (or "${ALIAS_PREFIX}" for every run). They hold no data.`,
    },
    redaction:
      'Credentials never appear (Basic headers show as "Basic <redacted>"); every end-user and session token is replaced by a numbered label such as <session token 3>; query values other than dataSource, connected, direct, platform, lang are <redacted>; aliases and hosts are kept.',
  };
}
