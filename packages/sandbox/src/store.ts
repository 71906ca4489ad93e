import { randomBytes, randomInt } from 'node:crypto';

/** A Thryve end user as the sandbox holds it. */
export interface SandboxUser {
  endUserId: string;
  alias?: string;
  /** Connected data sources: id → ISO `connectedAt`. */
  connected: Map<number, string>;
}

/** A Connection Widget session: the token in the widget URL and the direct URLs. */
export interface SandboxSession {
  token: string;
  endUserId: string;
  locale: string | undefined;
  expiresAt: number;
}

/** The alias rule Thryve documents: letters, digits and `-`, 1 to 80 characters. */
export const ALIAS_PATTERN = /^[A-Za-z0-9-]{1,80}$/;

// Thryve's tokens look like `de3d1e068537dd927b48988cb6969abe` (user) and
// `1060285265X4247109939067552841` (session); the sandbox mints the same shapes.
const newUserToken = (): string => randomBytes(16).toString('hex');
const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');
const newSessionToken = (): string => `${randomInt(1, 10)}${digits(9)}X${randomInt(1, 10)}${digits(18)}`;

/** Users and widget sessions, in memory. */
export class SandboxStore {
  /** Users by endUserId. */
  readonly users = new Map<string, SandboxUser>();
  readonly #byAlias = new Map<string, string>();
  readonly #sessions = new Map<string, SandboxSession>();

  constructor(private readonly sessionTtlMs: number) {}

  /** The user for `alias` (created on first use), or a new anonymous user without an alias. */
  userFor(alias: string | undefined): SandboxUser {
    if (alias !== undefined) {
      const existing = this.#byAlias.get(alias);
      const user = existing === undefined ? undefined : this.users.get(existing);
      if (user) return user;
    }
    let endUserId = newUserToken();
    while (this.users.has(endUserId)) endUserId = newUserToken();
    const user: SandboxUser =
      alias === undefined ? { endUserId, connected: new Map() } : { endUserId, alias, connected: new Map() };
    this.users.set(endUserId, user);
    if (alias !== undefined) this.#byAlias.set(alias, endUserId);
    return user;
  }

  /** A fresh session for `user`, expiring after the configured TTL. */
  createSession(user: SandboxUser, locale: string | undefined, now = Date.now()): SandboxSession {
    let token = newSessionToken();
    while (this.#sessions.has(token)) token = newSessionToken();
    const session: SandboxSession = {
      token,
      endUserId: user.endUserId,
      locale,
      expiresAt: now + this.sessionTtlMs,
    };
    this.#sessions.set(token, session);
    this.#sweep(now);
    return session;
  }

  /**
   * The session for `token` with its user, `'expired'` once its TTL has passed, or `undefined` when
   * it never existed. Expired sessions are kept (until swept) so the error can say "expired".
   */
  session(
    token: string,
    now = Date.now(),
  ): { session: SandboxSession; user: SandboxUser } | 'expired' | undefined {
    const session = this.#sessions.get(token);
    if (!session) return undefined;
    if (now >= session.expiresAt) return 'expired';
    const user = this.users.get(session.endUserId);
    return user ? { session, user } : undefined;
  }

  /** How many sessions are still valid. */
  liveSessions(now = Date.now()): number {
    let count = 0;
    for (const session of this.#sessions.values()) if (now < session.expiresAt) count += 1;
    return count;
  }

  /** Forgets every user and session. */
  clear(): void {
    this.users.clear();
    this.#byAlias.clear();
    this.#sessions.clear();
  }

  // Drops sessions long past expiry so a long-running sandbox does not grow without bound, while a
  // recently expired token still gets the "expired" page rather than "unknown".
  #sweep(now: number): void {
    const horizon = Math.max(this.sessionTtlMs, 60 * 60_000);
    for (const [token, session] of this.#sessions) {
      if (now - session.expiresAt > horizon) this.#sessions.delete(token);
    }
  }
}
