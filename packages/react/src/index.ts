export type { Consent } from './Consent.js';
export { DataSourcePicker, type DataSourcePickerProps, type PickerResult } from './DataSourcePicker.js';
export type { NativeSourcesAction } from './internal/NativeSourceRow.js';
export type { RenderSourceProps } from './internal/PickerContext.js';
export {
  type OwnPickerMessages,
  type PickerMessages,
  pickerMessagesEn,
  type ThryveMessages,
} from './pickerMessages.js';
export {
  type ThryveConnectContextValue,
  type ThryveTranslations,
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
export { ThryveConnectProvider, type ThryveConnectProviderProps } from './ThryveConnectProvider.js';
export {
  type ConnectionResultSource,
  type UseConnectionResultOptions,
  useConnectionResult,
} from './useConnectionResult.js';
export {
  type ConnectionSessionState,
  type ConnectionSessionStatus,
  type UseConnectionSessionOptions,
  useConnectionSession,
} from './useConnectionSession.js';
export {
  type ConnectOutcome,
  type DataSourceConnectionStatus,
  type UseDataSourceConnectionOptions,
  type UseDataSourceConnectionResult,
  useDataSourceConnection,
} from './useDataSourceConnection.js';
export {
  type DataSourceStatus,
  type DataSourceWithStatus,
  type UseDataSourcesOptions,
  type UseDataSourcesResult,
  useDataSources,
} from './useDataSources.js';
export { usePrefetchConnectionSession } from './usePrefetchConnectionSession.js';
export {
  errorMessage,
  type MessageOverrides,
  type WidgetMessages,
  widgetMessagesEn,
} from './widgetMessages.js';
