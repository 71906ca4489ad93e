/**
 * @thryve-connect/sandbox — a local simulator of Thryve on its own origin: the REST API, the
 * Connection Widget and the direct connect/revoke pages, with fault injection for tests.
 */
export { DEFAULT_SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.js';
export { DATA_SOURCES, type SandboxDataSource, WEB_DATA_SOURCES } from './data-sources.js';
export type { SandboxFault, SandboxRoute } from './faults.js';
export { LOCALES } from './locales.js';
export { DEFAULT_REDIRECT_ALLOW_LIST } from './redirect-allow-list.js';
export type { Sandbox, SandboxOptions, SandboxState } from './server.js';
export { startSandbox } from './server.js';
export type { SandboxUser } from './store.js';
export type { SandboxWebhook } from './webhook.js';
