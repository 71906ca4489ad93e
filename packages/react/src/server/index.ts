// `@thryve-connect/react/server` under the `react-server` condition: for React Server Components only.
export {
  MAX_SERVER_SEED_AGE_MS,
  type ServerConnectionWidgetProps,
  type ServerWidgetSession,
  ThryveConnectionWidget,
} from './ThryveConnectionWidget.js';
