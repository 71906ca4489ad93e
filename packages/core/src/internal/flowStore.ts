import { createPendingActionStore, type PendingActionStore } from '../createPendingActionStore.js';
import type { ThryveConnect } from '../createThryveConnect.js';
import type { DataSourceId } from '../dataSources.js';
import type { NewPendingAction, PendingAction } from '../PendingAction.js';
import type { ThryveConnectError } from '../ThryveConnectError.js';
import type { ThryveUser } from '../ThryveUser.js';

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

/** One user's flows and pending action: it can neither read nor write another user's. */
export interface FlowStore {
  get(dataSource: DataSourceId): DataSourceFlow;
  set(dataSource: DataSourceId, flow: DataSourceFlow): void;
  subscribe(listener: () => void): () => void;
  savePendingAction(action: Omit<NewPendingAction, 'userKey'>): PendingAction;
  peekPendingAction(): PendingAction | null;
  takePendingAction(): PendingAction | null;
}

// Attached on first use by the flow functions, so an app that shows only the widget ships none of this.
const pendingStores = new WeakMap<ThryveConnect, PendingActionStore>();
const stores = new WeakMap<ThryveUser, FlowStore>();

/** The controller's one pending-action store (one storage key per tab), told about every user change. */
export function pendingActionsOf(thryve: ThryveConnect): PendingActionStore {
  const store = pendingStores.get(thryve);
  if (store) return store;
  const created = createPendingActionStore({ storage: thryve.storage, now: () => thryve.now() });
  // Signing out forgets the action; another user's is forgotten when that user reads it (peek).
  const forget = (userKey: string | null) =>
    userKey === null ? created.clear() : void created.peek(userKey);
  thryve.onUserChange(forget);
  if (thryve.userKey !== undefined) forget(thryve.userKey);
  pendingStores.set(thryve, created);
  return created;
}

export function flowStore(user: ThryveUser): FlowStore {
  let store = stores.get(user);
  if (store) return store;
  const { thryve, userKey } = user;
  const pendingActions = pendingActionsOf(thryve);
  const flows = new Map<DataSourceId, DataSourceFlow>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  // A retired user's flows are gone at once: its components may still be on screen for a moment.
  const stop = thryve.onUserChange(() => {
    if (user.active) return;
    stop();
    if (flows.size > 0) {
      flows.clear();
      notify();
    }
  });
  store = {
    get: (dataSource) => (user.active ? (flows.get(dataSource) ?? IDLE) : IDLE),
    set(dataSource, flow) {
      // A late answer for a past user, or after a sign-out, sets nothing.
      if (!user.active) return;
      if (flow.status === 'idle' && !flow.error) flows.delete(dataSource);
      else flows.set(dataSource, flow);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    savePendingAction: (action) => pendingActions.save({ ...action, userKey }),
    peekPendingAction: () => (user.active ? pendingActions.peek(userKey) : null),
    takePendingAction: () => (user.active ? pendingActions.take(userKey) : null),
  };
  stores.set(user, store);
  return store;
}
