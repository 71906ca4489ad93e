import type { SandboxCredentials } from './credentials.js';
import type { FaultRegistry } from './faults.js';
import type { SandboxStore, SandboxUser } from './store.js';

/** A user as the control API and `connect()` name one: by `endUserId` (must exist) or by `alias`. */
export interface SandboxUserRef {
  endUserId?: string;
  alias?: string;
}

/** One answered request, as the request log keeps it. */
export interface SandboxRequestLogEntry {
  method: string;
  path: string;
  status: number;
}

/** What every route handler needs from the running sandbox. */
export interface SandboxContext {
  /** The sandbox's base URL (an origin, optionally with a path), without a trailing slash. */
  url: string;
  /** The path part of {@link SandboxContext.url} ('' at the root): every page link starts with it. */
  basePath: string;
  credentials: SandboxCredentials;
  store: SandboxStore;
  faults: FaultRegistry;
  redirectAllowList: readonly string[];
  /** Origins always allowed as redirect targets: the sandbox's own. */
  ownOrigins: readonly string[];
  /** Marks a source connected (now) or disconnected, and sends the webhook if one is configured. */
  setConnected(user: SandboxUser, dataSource: number, connected: boolean): void;
  /** Forgets users, sessions, faults and the request log. */
  reset(): void;
  /** Finds (or, by alias, creates) a user; throws with a readable message for an unknown endUserId. */
  findUser(user: SandboxUserRef): SandboxUser;
  /** Every answered request, oldest first. */
  requests: readonly SandboxRequestLogEntry[];
}
