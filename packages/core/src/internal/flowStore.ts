import { createPendingActionStore, type PendingActionStore } from '../createPendingActionStore.js';
import type { ThryveConnect } from '../createThryveConnect.js';
import type { DataSourceId } from '../dataSources.js';
import type { ThryveConnectError } from '../ThryveConnectError.js';

/** Where one source's connect or disconnect stands, beyond what the backend reports. */
export type DataSourceFlowStatus = 'idle' | 'connecting' | 'revoking' | 'error';

/** One source's flow state for the signed-in user. */
export interface DataSourceFlow {
  status: DataSourceFlowStatus;
  /** Set with `error`: what failed, until the next action. */
  error?: ThryveConnectError | undefined;
  /** After a blocked popup: the connect URL to offer as a link or a same-window fallback. */
  fallbackUrl?: string | undefined;
}

export const IDLE: DataSourceFlow = Object.freeze({ status: 'idle' });

export interface FlowStore {
  get(userKey: string, dataSource: DataSourceId): DataSourceFlow;
  set(userKey: string, dataSource: DataSourceId, flow: DataSourceFlow): void;
  subscribe(listener: () => void): () => void;
  pendingActions: PendingActionStore;
}

// Attached to a controller on first use by the flow functions, so an app that shows only the widget
// ships none of this.
const stores = new WeakMap<ThryveConnect, FlowStore>();

const keyOf = (userKey: string, dataSource: DataSourceId) => `${dataSource}\u0000${userKey}`;

export function flowStore(thryve: ThryveConnect): FlowStore {
  let store = stores.get(thryve);
  if (store) return store;
  const flows = new Map<string, DataSourceFlow>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const pendingActions = createPendingActionStore({ storage: thryve.storage, now: () => thryve.now() });
  const forget = (userKey: string | null) => {
    // Another user's flows and pending action are dropped the moment the user changes.
    let changed = false;
    for (const key of flows.keys()) {
      if (userKey === null || !key.endsWith(`\u0000${userKey}`)) {
        flows.delete(key);
        changed = true;
      }
    }
    if (userKey === null) pendingActions.clear();
    else pendingActions.peek(userKey);
    if (changed) notify();
  };
  thryve.onUserChange(forget);
  if (thryve.userKey !== undefined) forget(thryve.userKey);
  store = {
    get: (userKey, dataSource) => flows.get(keyOf(userKey, dataSource)) ?? IDLE,
    set(userKey, dataSource, flow) {
      // A late answer for a past user, or after a sign-out, sets nothing. Before the app has said who is
      // signed in (`undefined`), the caller's userKey is all there is to go by.
      if (thryve.userKey !== undefined && userKey !== thryve.userKey) return;
      if (flow.status === 'idle' && !flow.error) flows.delete(keyOf(userKey, dataSource));
      else flows.set(keyOf(userKey, dataSource), flow);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    pendingActions,
  };
  stores.set(thryve, store);
  return store;
}
