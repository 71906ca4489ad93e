/** What the flow asks to open: a connect or revoke page of Thryve's, in this window or a new tab. */
export interface NavigationRequest {
  /** Thryve's direct connect or revoke URL, already validated. Open it as it is. */
  url: string;
  /** `self`: leave this page (Thryve sends the user back to `redirectUri`); `tab`: keep it open. */
  target: 'self' | 'tab';
  action: 'connect' | 'revoke';
}

/**
 * Opens a connect or revoke URL: the controller's `navigate` option, for hosts that open URLs their own
 * way (Capacitor's in-app browser, Electron's shell, a React Native WebView). Called synchronously from
 * the click, so it must not wait either. Return `'blocked'` when a tab could not be opened: the picker
 * then offers a link.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: an adapter that returns nothing (`void`) is the common case.
export type ThryveNavigate = (request: NavigationRequest) => 'blocked' | undefined | void;

/**
 * The browser's own way: this window navigates, or a new tab opens. Not `noopener` (with it
 * `window.open` always returns null, and a blocked tab could not be told apart): the opener is cut
 * right away instead, before the new page can run any script.
 */
export const defaultNavigate: ThryveNavigate = ({ url, target }) => {
  if (target === 'self') {
    window.location.assign(url);
    return;
  }
  const opened = window.open(url, '_blank');
  if (!opened) return 'blocked';
  opened.opener = null;
};
