/** What the flow asks to open: a connect or revoke page of Thryve's, in this window or a new tab. */
export interface NavigationRequest {
  /** Thryve's direct connect or revoke URL, already validated. Open it as it is. */
  url: string;
  /**
   * `self`: leave this page (Thryve sends the user back to `redirectUri`); `tab`: keep it open; `popup`:
   * a sized window whose return page relays the result (`relayConnectionResult`).
   */
  target: 'self' | 'tab' | 'popup';
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

/** A window the size of a consent page, centred over this one. */
function popupFeatures(view: Window): string {
  const width = 500;
  const height = 720;
  const left = Math.round(view.screenX + (view.outerWidth - width) / 2);
  const top = Math.round(view.screenY + (view.outerHeight - height) / 2);
  return `popup,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * The browser's own way: this window navigates, or a new tab or a popup opens. Not `noopener` (with it
 * `window.open` always returns null, and a blocked tab could not be told apart): the opener is cut
 * right away instead, before the new page can run any script.
 */
export const defaultNavigate: ThryveNavigate = ({ url, target }) => {
  if (target === 'self') {
    window.location.assign(url);
    return;
  }
  const opened =
    target === 'popup'
      ? window.open(url, 'thryve-connect', popupFeatures(window))
      : window.open(url, '_blank');
  if (!opened) return 'blocked';
  opened.opener = null;
};
