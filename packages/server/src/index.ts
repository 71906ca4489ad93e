/**
 * `@thryve-connect/server`: the backend proxy that holds Thryve's secrets. A REST client, a
 * Fetch-API handler with the routes `createProxyFetcher` calls, a Node adapter, and webhooks (a
 * parser, ready-made verifiers and a ready-made route).
 */
export {
  type BasicAuthVerifierOptions,
  createBasicAuthVerifier,
} from './createBasicAuthVerifier.js';
export {
  createHeaderSecretVerifier,
  type HeaderSecretVerifierOptions,
} from './createHeaderSecretVerifier.js';
export { createMemoryStore, type MemoryStoreOptions } from './createMemoryStore.js';
export {
  createThryveClient,
  MAX_RESPONSE_BYTES,
  type ThryveCallOptions,
  type ThryveClient,
  type ThryveClientOptions,
  type ThryveConnectedSource,
  type ThryveConnectionSession,
} from './createThryveClient.js';
export {
  createThryveConnectHandler,
  DEFAULT_RATE_LIMITS,
  MAX_BODY_BYTES,
  type ThryveConnectHandler,
  type ThryveConnectHandlerOptions,
  type ThryveCookieSource,
  type ThryveEndUser,
  type ThryveFormResult,
  type ThryveFormsOptions,
  type ThryvePrefetchOptions,
  type ThryvePrefetchResult,
  type ThryveRateLimits,
} from './createThryveConnectHandler.js';
export {
  createThryveWebhookHandler,
  type ThryveWebhookHandlerOptions,
} from './createThryveWebhookHandler.js';
export {
  type ParseThryveWebhookOptions,
  parseThryveWebhook,
  type ThryveWebhookEvent,
  type ThryveWebhookVerifier,
} from './parseThryveWebhook.js';
export {
  isThryveApiError,
  ThryveApiError,
  type ThryveApiErrorCode,
  type ThryveApiErrorOptions,
} from './ThryveApiError.js';
export type { ThryveStore, ThryveTakeResult, ThryveTokenBucket } from './ThryveStore.js';
export {
  isThryveWebhookError,
  ThryveWebhookError,
  type ThryveWebhookErrorCode,
} from './ThryveWebhookError.js';
export { type NodeHandler, toNodeHandler } from './toNodeHandler.js';
