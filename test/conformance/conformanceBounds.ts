import type { ConformanceBounds } from './ConformanceReport.js';
import { lifetimeCheckpoints, lifetimeMaxRequests } from './probeTokenLifetime.js';
import { REUSE_MAX_REQUESTS } from './probeTokenReuse.js';

/** Requests the contract checks send: 3 + 5 + 1 + 1 + 3 + 2 + 2 + 2. */
export const CHECKS_MAX_REQUESTS = 19;

/**
 * How long the sandbox's sessions live in the sandbox run: long enough for Chromium to load the widget
 * with a fresh one on a busy machine, short enough for the lifetime probe (asks at 0.4, 0.8, 1.6, 3.2
 * and 6.4 s, then narrows across 1.6–3.2 s) to finish in about 6 s.
 */
export const SANDBOX_SESSION_TTL_MS = 3_000;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of ms, got "${raw}".`);
  return value;
}

/**
 * The limits of a run. Against a real Thryve: the token is asked at 30 s, 1, 2, 4, 8, 16 and 20 min
 * (the packages assume 10 minutes; the sandbox 15), then narrowed in 8 steps; the widget is watched
 * for 10 s. Environment overrides: THRYVE_CONFORMANCE_LIFETIME_FIRST_MS, …_LIFETIME_CEILING_MS,
 * …_REFINE_STEPS, …_OBSERVE_MS, …_REQUEST_TIMEOUT_MS.
 */
export function conformanceBounds(
  kind: 'sandbox' | 'thryve',
  env: NodeJS.ProcessEnv = {},
): ConformanceBounds {
  const sandbox = kind === 'sandbox';
  const firstCheckMs = positive(env, 'THRYVE_CONFORMANCE_LIFETIME_FIRST_MS', sandbox ? 400 : 30_000);
  const ceilingMs = positive(env, 'THRYVE_CONFORMANCE_LIFETIME_CEILING_MS', sandbox ? 6_400 : 20 * 60_000);
  const refineSteps = Math.round(positive(env, 'THRYVE_CONFORMANCE_REFINE_STEPS', 8));
  const observeMs = positive(env, 'THRYVE_CONFORMANCE_OBSERVE_MS', sandbox ? 500 : 10_000);
  const requestTimeoutMs = positive(env, 'THRYVE_CONFORMANCE_REQUEST_TIMEOUT_MS', 10_000);
  const checkpointsMs = lifetimeCheckpoints(firstCheckMs, Math.max(ceilingMs, firstCheckMs));
  return {
    lifetime: {
      firstCheckMs,
      ceilingMs,
      checkpointsMs,
      refineSteps,
      maxRequests: lifetimeMaxRequests(checkpointsMs.length, refineSteps),
      // The growing asks reach the ceiling; the narrowing token lives at most as long again.
      maxDurationMs: 2 * ceilingMs + (checkpointsMs.length + refineSteps + 4) * 2 * requestTimeoutMs,
    },
    reuse: { maxRequests: REUSE_MAX_REQUESTS },
    widgetMessages: { observeMs, pageLoads: 1, maxRequests: 1 },
    checks: { maxRequests: CHECKS_MAX_REQUESTS },
    requestTimeoutMs,
  };
}
