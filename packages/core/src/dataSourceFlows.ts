import type { DataSourceId } from './dataSources.js';
import { type DataSourceFlow, flowStore } from './internal/flowStore.js';
import type { ThryveUser } from './ThryveUser.js';

export type { DataSourceFlow, DataSourceFlowStatus } from './internal/flowStore.js';

/** Where `dataSource`'s connect or disconnect stands for `user` (`idle` when nothing is going on). */
export function getDataSourceFlow(user: ThryveUser, dataSource: DataSourceId): DataSourceFlow {
  return flowStore(user).get(dataSource);
}

/** Calls `listener` after any of `user`'s source flows changed; returns the unsubscribe function. */
export function subscribeDataSourceFlows(user: ThryveUser, listener: () => void): () => void {
  return flowStore(user).subscribe(listener);
}

/** Clears a source's error and fallback (e.g. when the user dismisses them). */
export function resetDataSourceFlow(user: ThryveUser, dataSource: DataSourceId): void {
  const store = flowStore(user);
  if (store.get(dataSource).status === 'error') store.set(dataSource, { status: 'idle' });
}
