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
// `1060285265X4247109939067552841` (session); the sandbox mints the same shapes. Web Crypto, not
// node:crypto: the same store runs in Node, in jsdom and in a browser (MSW).
const randomBytes = (count: number): Uint8Array => crypto.getRandomValues(new Uint8Array(count));
const newUserToken = (): string =>
  Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A uniform digit from `min` to 9 (bytes of 250 and more are drawn again, so no digit is favoured). */
function digit(min = 0): string {
  const range = 10 - min;
  const limit = 250 - (250 % range);
  for (;;) {
    const byte = randomBytes(1)[0] ?? 255;
    if (byte < limit) return String(min + (byte % range));
  }
}
const digits = (count: number): string => Array.from({ length: count }, () => digit()).join('');
const newSessionToken = (): string => `${digit(1)}${digits(9)}X${digit(1)}${digits(18)}`;

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
