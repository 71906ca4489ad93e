import type { ConnectedSource } from './ConnectionSession.js';
import { isDataSourceId } from './dataSources.js';

/** A data-source id written as decimal digits, as Thryve's `userInformation` sometimes sends it. */
const DECIMAL_ID = /^[1-9][0-9]{0,15}$/;

function toDataSourceId(value: unknown): number | undefined {
  const id = typeof value === 'string' && DECIMAL_ID.test(value) ? Number(value) : value;
  return isDataSourceId(id) ? id : undefined;
}

/**
 * Reads a list of connected sources — Thryve's `connectedSources`, the proxy's connections route, a
 * server-handed `initialConnections.connectedSources` — the one way everywhere. Returns `undefined`
 * when `value` is not a list, so each caller decides what a wrong shape means (a failed request, an
 * ignored seed). An entry that does not read as a source is skipped, so one odd row never hides the
 * others: its `dataSource` must be a positive safe integer or such an integer in decimal digits
 * (Thryve has sent `"18"`); `connectedAt` is kept when it is a string, otherwise `null`. Ids the
 * catalogue does not know are kept: Thryve adds sources over time.
 *
 * @example parseConnectedSources(body.connectedSources) ?? fail('not { connectedSources: [...] }')
 */
export function parseConnectedSources(value: unknown): ConnectedSource[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const result: ConnectedSource[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const { dataSource, connectedAt } = item as { dataSource?: unknown; connectedAt?: unknown };
    const id = toDataSourceId(dataSource);
    if (id === undefined) continue;
    result.push({ dataSource: id, connectedAt: typeof connectedAt === 'string' ? connectedAt : null });
  }
  return result;
}
