export {
  type ConnectionSessionQueryConfig,
  connectionSessionQueryKey,
  connectionSessionQueryOptions,
  isSessionExpired,
  sessionExpiry,
  THRYVE_QUERY_KEY,
} from './connectionSessionQueryOptions.js';
export {
  builtInMessages,
  errorMessage,
  getMessages,
  messagesDe,
  messagesEn,
  type ThryveMessages,
} from './messages.js';
export { prefetchConnectionSession } from './prefetchConnectionSession.js';
export {
  ThryveConnectContext,
  type ThryveConnectContextValue,
  useThryveConnect,
} from './ThryveConnectContext.js';
export {
  DEFAULT_WIDGET_LOAD_TIMEOUT_MS,
  DEFAULT_WIDGET_SANDBOX,
  ThryveConnectionWidget,
  type ThryveConnectionWidgetProps,
  type ThryveConnectionWidgetState,
  type WidgetErrorFallbackProps,
} from './ThryveConnectionWidget.js';
export {
  DEFAULT_SESSION_MAX_AGE_MS,
  ThryveConnectProvider,
  type ThryveConnectProviderProps,
} from './ThryveConnectProvider.js';
export {
  type ConnectionSessionState,
  type ConnectionSessionStatus,
  type UseConnectionSessionOptions,
  useConnectionSession,
} from './useConnectionSession.js';
export { usePrefetchConnectionSession } from './usePrefetchConnectionSession.js';
