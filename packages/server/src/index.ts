/**
 * `@thryve-connect/server`: the backend proxy that holds Thryve's secrets. A REST client, a
 * Fetch-API handler with the routes `createProxyFetcher` calls, a Node adapter and a webhook parser.
 */
export {
  createThryveClient,
  type ThryveClient,
  type ThryveClientOptions,
  type ThryveConnectedSource,
  type ThryveConnectionSession,
} from './createThryveClient.js';
export {
  createThryveConnectHandler,
  MAX_BODY_BYTES,
  type ThryveConnectHandler,
  type ThryveConnectHandlerOptions,
  type ThryveEndUser,
} from './createThryveConnectHandler.js';
export {
  type ParseThryveWebhookOptions,
  parseThryveWebhook,
  type ThryveWebhookEvent,
} from './parseThryveWebhook.js';
export {
  isThryveApiError,
  ThryveApiError,
  type ThryveApiErrorCode,
  type ThryveApiErrorOptions,
} from './ThryveApiError.js';
export {
  isThryveWebhookError,
  ThryveWebhookError,
  type ThryveWebhookErrorCode,
} from './ThryveWebhookError.js';
export { type NodeHandler, toNodeHandler } from './toNodeHandler.js';
