import type { ThryveConnect } from './createThryveConnect.js';
import { pendingActionsOf } from './internal/flowStore.js';
import {
  CONNECTION_RESULT_PARAMS,
  type ConnectionResult,
  removeConnectionResultParams,
} from './parseConnectionResult.js';
import { readConnectionResult } from './readConnectionResult.js';
import type { ThryveUser } from './ThryveUser.js';

/** Hears the page's connection result once, when it is matched to a user. */
export type ConnectionResultListener = (result: ConnectionResult) => void;

/** The page's one reading of the result redirect, shared by every listener of one controller. */
interface Inbox {
  /** The address as Thryve sent the user back, held in memory (never in storage) until a user is known. */
  held: string | null;
  /** The result, once matched, and whose it is. */
  matched: { user: ThryveUser; result: ConnectionResult } | null;
  /** Each listener with the user it listens for (`undefined`: sign-in is still loading). */
  listeners: Map<ConnectionResultListener, ThryveUser | undefined>;
  /** The user to match the held result to: the last one a listener named. */
  user: ThryveUser | undefined;
  scheduled: boolean;
}

const NONE: ConnectionResult = Object.freeze({ status: 'none' });
const inboxes = new WeakMap<ThryveConnect, Inbox>();

function inboxOf(thryve: ThryveConnect): Inbox {
  let inbox = inboxes.get(thryve);
  if (inbox) return inbox;
  inbox = { held: null, matched: null, listeners: new Map(), user: undefined, scheduled: false };
  inboxes.set(thryve, inbox);
  const created = inbox;
  // Read once per page load, and the parameters leave the address at once, whoever is signed in.
  if (typeof window !== 'undefined') {
    const href = window.location.href;
    const params = new URL(href).searchParams;
    if (CONNECTION_RESULT_PARAMS.some((name) => params.has(name))) {
      created.held = href;
      window.history.replaceState(window.history.state, '', removeConnectionResultParams(href));
    }
  }
  const forget = (userKey: string | null | undefined) => {
    // Signed out: a result nobody claimed is dropped. Another user: theirs is matched (and dropped)
    // when they listen; a result already matched stays with its user only.
    if (userKey === null) created.held = null;
    if (created.matched && !created.matched.user.active) created.matched = null;
  };
  thryve.onUserChange(forget);
  forget(thryve.userKey);
  // A page that listens for results also clears the pending action on sign-out, even if it never
  // started a connect itself (the picker of a signed-out page renders no row).
  pendingActionsOf(thryve);
  return created;
}

function deliver(inbox: Inbox): void {
  inbox.scheduled = false;
  const { user } = inbox;
  if (inbox.held === null || !user?.active) return;
  const result = readConnectionResult(user, { href: inbox.held });
  inbox.held = null;
  // Some of Thryve's parameters but not a result (one alone, say): taken out of the address, not heard.
  if (result.status !== 'none') deliverConnectionResult(user, result);
}

/**
 * Hands a result read elsewhere on this page — a popup's return page relayed it — to every listener
 * of its user, as the page's own result.
 */
export function deliverConnectionResult(user: ThryveUser, result: ConnectionResult): void {
  const inbox = inboxOf(user.thryve);
  inbox.matched = { user, result };
  // Everyone listening for this user now hears it once; a listener that comes later reads it as state.
  for (const [listener, listeningFor] of [...inbox.listeners]) {
    if (listeningFor === user) listener(result);
  }
}

/**
 * Listens for the page's connection result (after Thryve's redirect back). The address is read once
 * per page load, by the first listener: its parameters leave the address bar at once, and the result
 * is held in memory until a user is known. It is then matched to that user's pending action (see
 * `readConnectionResult`) and every listener for that user hears it once — those that subscribe in the
 * same task included (React's StrictMode double effects count once). A listener that subscribes after
 * that reads it with {@link getConnectionResult}. `user` is `undefined` while sign-in is still loading;
 * when the controller learns that nobody is signed in (`setUser(null)`), an unclaimed result is dropped.
 */
export function subscribeConnectionResult(
  thryve: ThryveConnect,
  user: ThryveUser | undefined,
  listener: ConnectionResultListener,
): () => void {
  const inbox = inboxOf(thryve);
  inbox.listeners.set(listener, user);
  if (user?.active) {
    inbox.user = user;
    if (inbox.held !== null && !inbox.scheduled) {
      inbox.scheduled = true;
      // After the listeners of this render have subscribed, so all of them hear it.
      queueMicrotask(() => deliver(inbox));
    }
  }
  return () => void inbox.listeners.delete(listener);
}

/** The page's connection result if it was matched to `user`, else `{ status: 'none' }`. */
export function getConnectionResult(
  thryve: ThryveConnect,
  user: ThryveUser | null | undefined,
): ConnectionResult {
  const matched = inboxes.get(thryve)?.matched;
  return user && matched?.user === user ? matched.result : NONE;
}
