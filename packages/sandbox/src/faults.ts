/** The routes a fault can target; `'*'` targets every one of them. */
export type SandboxRoute =
  | 'accessToken'
  | 'connection'
  | 'userInformation'
  | 'directConnect'
  | 'directRevoke'
  | 'widget'
  | '*';

/** A failure to simulate on a route: added latency, an error status, a hang, or a malformed body. */
export interface SandboxFault {
  route: SandboxRoute;
  type: 'latency' | 'error' | 'hang' | 'malformed';
  /** For `error`: the status to answer. Default 500. */
  status?: number;
  /** For `latency`: the delay in milliseconds. */
  ms?: number;
  /** How many requests the fault affects. Default: until cleared. */
  times?: number;
}

const ROUTES: readonly SandboxRoute[] = [
  'accessToken',
  'connection',
  'userInformation',
  'directConnect',
  'directRevoke',
  'widget',
  '*',
];
const TYPES: readonly SandboxFault['type'][] = ['latency', 'error', 'hang', 'malformed'];

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Validates untrusted input (the control API's JSON) as a fault. Returns the fault or a reason.
 */
export function parseFault(input: unknown): SandboxFault | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'A fault must be an object.';
  const raw = input as Record<string, unknown>;
  if (!ROUTES.includes(raw.route as SandboxRoute)) return `route must be one of ${ROUTES.join(', ')}.`;
  if (!TYPES.includes(raw.type as SandboxFault['type'])) return `type must be one of ${TYPES.join(', ')}.`;
  const fault: SandboxFault = { route: raw.route as SandboxRoute, type: raw.type as SandboxFault['type'] };
  if (raw.status !== undefined) {
    if (!isWhole(raw.status, 200, 599)) return 'status must be an integer from 200 to 599.';
    fault.status = raw.status;
  }
  if (raw.ms !== undefined) {
    if (!isWhole(raw.ms, 0, 600_000)) return 'ms must be an integer from 0 to 600000.';
    fault.ms = raw.ms;
  }
  if (raw.times !== undefined) {
    if (!isWhole(raw.times, 1, 1_000_000)) return 'times must be a positive integer.';
    fault.times = raw.times;
  }
  return fault;
}

/** The faults in force, consumed per request in the order they were injected. */
export class FaultRegistry {
  #faults: Array<{ fault: SandboxFault; remaining: number }> = [];

  /** Adds a fault; it stays until cleared, or for `times` requests. */
  add(fault: SandboxFault): void {
    this.#faults.push({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults = [];
  }

  /** The faults in force, for the control API. */
  list(): SandboxFault[] {
    return this.#faults.map(({ fault }) => ({ ...fault }));
  }

  /**
   * The faults that apply to one request on `route`, each counted down once. Latency faults come
   * first; at most one terminal fault (error, hang, malformed) is taken, since only one can answer.
   */
  take(route: Exclude<SandboxRoute, '*'>): SandboxFault[] {
    const taken: SandboxFault[] = [];
    let terminal = false;
    for (const entry of this.#faults) {
      if (entry.fault.route !== route && entry.fault.route !== '*') continue;
      if (entry.fault.type !== 'latency') {
        if (terminal) continue;
        terminal = true;
      }
      entry.remaining -= 1;
      taken.push(entry.fault);
    }
    this.#faults = this.#faults.filter((entry) => entry.remaining > 0);
    return taken.sort((a, b) => Number(b.type === 'latency') - Number(a.type === 'latency'));
  }
}
