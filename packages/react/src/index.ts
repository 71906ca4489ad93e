export {
  ThryveConnectContext,
  type ThryveConnectContextValue,
  useThryveConnect,
} from './ThryveConnectContext.js';
export {
  DEFAULT_SESSION_MAX_AGE_MS,
  ThryveConnectProvider,
  type ThryveConnectProviderProps,
} from './ThryveConnectProvider.js';
