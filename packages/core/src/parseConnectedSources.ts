import type { ConnectedSource } from './ConnectionSession.js';
import { isDataSourceId } from './dataSources.js';

/** PLACEHOLDER: replaced by the server helper's version at merge. */
export function parseConnectedSources(value: unknown): ConnectedSource[] | undefined {
  const list = (value as { connectedSources?: unknown } | null | undefined)?.connectedSources;
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item: { dataSource?: unknown; connectedAt?: unknown } | null) =>
    isDataSourceId(item?.dataSource)
      ? [
          {
            dataSource: item.dataSource,
            connectedAt: typeof item.connectedAt === 'string' ? item.connectedAt : null,
          },
        ]
      : [],
  );
}
