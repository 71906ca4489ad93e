import type { SandboxCredentials } from './credentials.js';
import type { FaultRegistry } from './faults.js';
import type { SandboxStore, SandboxUser } from './store.js';

/** What every route handler needs from the running sandbox. */
export interface SandboxContext {
  /** The sandbox's origin, without a trailing slash. */
  url: string;
  credentials: SandboxCredentials;
  store: SandboxStore;
  faults: FaultRegistry;
  redirectAllowList: readonly string[];
  /** Origins always allowed as redirect targets: the sandbox's own. */
  ownOrigins: readonly string[];
  /** Marks a source connected (now) or disconnected, and sends the webhook if one is configured. */
  setConnected(user: SandboxUser, dataSource: number, connected: boolean): void;
}
