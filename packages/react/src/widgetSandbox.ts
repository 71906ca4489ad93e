/**
 * The iframe `sandbox` that keeps Thryve's widget and the providers' logins working: scripts and its own
 * origin (the widget is an app), forms (logins), popups that escape the sandbox (providers that open
 * a window) and top navigation only on a user's click (providers that refuse to be framed).
 */
export const DEFAULT_WIDGET_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
