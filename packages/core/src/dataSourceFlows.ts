import type { ThryveConnect } from './createThryveConnect.js';
import type { DataSourceId } from './dataSources.js';
import { type DataSourceFlow, flowStore } from './internal/flowStore.js';

export type { DataSourceFlow, DataSourceFlowStatus } from './internal/flowStore.js';

/** Where `dataSource`'s connect or disconnect stands for `userKey` (`idle` when nothing is going on). */
export function getDataSourceFlow(
  thryve: ThryveConnect,
  userKey: string,
  dataSource: DataSourceId,
): DataSourceFlow {
  return flowStore(thryve).get(userKey, dataSource);
}

/** Calls `listener` after any source's flow changed; returns the unsubscribe function. */
export function subscribeDataSourceFlows(thryve: ThryveConnect, listener: () => void): () => void {
  return flowStore(thryve).subscribe(listener);
}

/** Clears a source's error and fallback (e.g. when the user dismisses them). */
export function resetDataSourceFlow(thryve: ThryveConnect, userKey: string, dataSource: DataSourceId): void {
  const store = flowStore(thryve);
  if (store.get(userKey, dataSource).status === 'error') store.set(userKey, dataSource, { status: 'idle' });
}
