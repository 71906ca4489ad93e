/**
 * @thryve-connect/sandbox — a local simulator of Thryve: the REST API, the Connection Widget and the
 * direct connect/revoke pages, with fault injection for tests. One Fetch-API handler
 * (`createSandboxHandler`), served on its own origin by `startSandbox` (Node) or inside tests and
 * browsers by the MSW adapter (`@thryve-connect/sandbox/msw`).
 */
export type { SandboxRequestLogEntry, SandboxUserRef } from './context.js';
export {
  createSandboxHandler,
  DEFAULT_SANDBOX_URL,
  type SandboxHandler,
  type SandboxHandlerOptions,
  type SandboxSimulationOptions,
  type SandboxState,
} from './create-sandbox-handler.js';
export { DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.js';
export { DATA_SOURCES, type SandboxDataSource, WEB_DATA_SOURCES } from './data-sources.js';
export type { SandboxFault, SandboxRoute } from './faults.js';
export { LOCALES } from './locales.js';
export { DEFAULT_REDIRECT_ALLOW_LIST } from './redirect-allow-list.js';
export { type Sandbox, type SandboxOptions, startSandbox } from './start-sandbox.js';
export type { SandboxUser } from './store.js';
export type { SandboxWebhook } from './webhook.js';
