import { CONNECTION_RESULT_PARAMS, removeConnectionResultParams } from './parseConnectionResult.js';

/** The channel a popup's return page relays Thryve's result on, to the tab that opened it. */
export const POPUP_RESULT_CHANNEL = 'thryve-connect:popup-result';

/**
 * On the return page of a popup connect (`mode: 'popup'`, your `redirectUri`): hands Thryve's result
 * in this address to the tab that opened the popup, takes it out of this address, and closes the
 * popup. The opener matches it against its own pending action, so a forged or foreign relay is never a
 * success. Returns `false` when the address carries no result, or when the window could not close
 * itself (then say "You can close this window").
 *
 * The message stays on this origin (a BroadcastChannel) and is not scoped by user: the return page need
 * not know who is signed in, and only the tab holding the matching pending action can use it.
 */
export function relayConnectionResult(options: { close?: boolean | undefined } = {}): boolean {
  if (typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return false;
  const href = window.location.href;
  const params = new URL(href).searchParams;
  if (!CONNECTION_RESULT_PARAMS.some((name) => params.has(name))) return false;
  window.history.replaceState(window.history.state, '', removeConnectionResultParams(href));
  const channel = new BroadcastChannel(POPUP_RESULT_CHANNEL);
  channel.postMessage({ type: 'result', href });
  channel.close();
  if (options.close === false) return true;
  window.close();
  return window.closed === true;
}
