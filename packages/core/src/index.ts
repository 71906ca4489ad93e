export { applyConnectionsSeed } from './applyConnectionsSeed.js';
export { buildConnectUrl, type DirectUrlOptions } from './buildConnectUrl.js';
export { buildRevokeUrl } from './buildRevokeUrl.js';
export type {
  ConnectedSource,
  ConnectionSession,
  ConnectionWidgetResponse,
  SessionPayload,
  SessionRequest,
  ThryveFetcher,
} from './ConnectionSession.js';
export { clearThryveConnect } from './clearThryveConnect.js';
export {
  type ConnectDataSourceOptions,
  type ConnectOutcome,
  connectDataSource,
  continueConnectInThisWindow,
} from './connectDataSource.js';
export { connectionsOptions } from './connectionsOptions.js';
export {
  createPendingActionStore,
  type PendingActionStorage,
  type PendingActionStore,
  type PendingActionStoreOptions,
} from './createPendingActionStore.js';
export { createProxyFetcher, DEFAULT_SESSION_PATH, type ProxyFetcherOptions } from './createProxyFetcher.js';
export {
  type ConnectionsQueryOptions,
  createThryveConnect,
  type SessionQueryOptions,
  type ThryveConnect,
  type ThryveConnectOptions,
} from './createThryveConnect.js';
export {
  type DataSourceFlow,
  type DataSourceFlowStatus,
  getDataSourceFlow,
  resetDataSourceFlow,
  subscribeDataSourceFlows,
} from './dataSourceFlows.js';
export {
  type DataSource,
  type DataSourceId,
  type DataSourceKind,
  dataSources,
  getDataSource,
  isDataSourceId,
} from './dataSources.js';
export { type DeriveDataSourcesOptions, deriveDataSources } from './deriveDataSources.js';
export { fingerprintToken } from './fingerprintToken.js';
export { DEFAULT_THRYVE_HOSTS, resolveHosts, type ThryveHosts } from './hosts.js';
export { assertWebDataSource } from './internal/directUrl.js';
export {
  assertLocale,
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type Locale,
  matchLocale,
  toLocale,
} from './locales.js';
export { defaultNavigate, type NavigationRequest, type ThryveNavigate } from './navigate.js';
export type { NewPendingAction, PendingAction, PendingActionKind } from './PendingAction.js';
export { parseConnectedSources } from './parseConnectedSources.js';
export {
  CONNECTION_RESULT_PARAMS,
  type ConnectionResult,
  DEFAULT_PENDING_MAX_AGE_MS,
  type FormConnectionResult,
  type ParseConnectionResultOptions,
  parseConnectionResult,
  removeConnectionResultParams,
  type UnmatchedReason,
} from './parseConnectionResult.js';
export {
  normalizeOrigins,
  type ParsedWidgetUrl,
  type ParseWidgetUrlOptions,
  parseWidgetUrl,
} from './parseWidgetUrl.js';
export {
  connectionsQueryKey,
  SIGNED_OUT_QUERY_KEY,
  sessionQueryKey,
  THRYVE_QUERY_KEY,
  userQueryKey,
} from './queryKeys.js';
export { readConnectionResult } from './readConnectionResult.js';
export { POPUP_RESULT_CHANNEL, relayConnectionResult } from './relayConnectionResult.js';
export { type RevokeDataSourceOptions, revokeDataSource } from './revokeDataSource.js';
export {
  type ConnectionsSeed,
  isSeedFor,
  type SeedOwner,
  type SessionSeed,
  seedConnections,
  seedSession,
  userFingerprint,
} from './seeds.js';
export {
  DEFAULT_SESSION_MAX_AGE_MS,
  isSessionExpired,
  MAX_RATE_LIMIT_WAIT_MS,
  MAX_RETRIES,
  retryDelay,
  SESSION_EXPIRY_MARGIN_MS,
  sessionExpiry,
  sessionRefreshAt,
  shouldRetry,
} from './sessionPolicy.js';
export {
  type ConnectionSessionSnapshot,
  type ConnectionSessionStatus,
  type SessionQueryState,
  toSessionSnapshot,
} from './sessionState.js';
export {
  type ConnectionResultListener,
  getConnectionResult,
  subscribeConnectionResult,
} from './subscribeConnectionResult.js';
export { announceConnectionChange, syncAcrossTabs } from './syncAcrossTabs.js';
export {
  isThryveConnectError,
  ThryveConnectError,
  type ThryveConnectErrorCode,
  type ThryveConnectErrorOptions,
} from './ThryveConnectError.js';
export type { ThryveEvent, ThryveEventListener } from './ThryveEvent.js';
export type { ThryveUser } from './ThryveUser.js';
export {
  normalizeSessionPayload,
  type ToConnectionSessionOptions,
  toConnectionSession,
} from './toConnectionSession.js';
export { toThryveConnectError } from './toThryveConnectError.js';
