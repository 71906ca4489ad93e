import { type DataSource, dataSources, isDataSourceId } from '@thryve-connect/core';

/**
 * The catalogue a client or handler checks ids against: core's `dataSources` extended by the host's
 * entries. An entry with a built-in id replaces that entry in place; new ids follow in the host's order.
 */
export function extendCatalogue(extra: readonly DataSource[] | undefined): readonly DataSource[] {
  if (extra === undefined || extra === dataSources) return dataSources;
  const byId = new Map<number, DataSource>(dataSources.map((source) => [source.id, source]));
  for (const source of extra) byId.set(source.id, source);
  return Object.freeze([...byId.values()]);
}

/**
 * What the catalogue says of a revoke's `dataSource`: `malformed` (not a positive safe integer: never
 * sent to Thryve), `native` (connects only through Thryve's mobile SDKs), `web`, or `unlisted` — a
 * well-formed id the catalogue does not know, revocable only when Thryve lists it among the user's
 * connections (Thryve adds sources, and a user may have connected one through the widget).
 */
export function classifyDataSource(
  value: unknown,
  catalogue: readonly DataSource[],
): 'malformed' | 'native' | 'web' | 'unlisted' {
  if (!isDataSourceId(value)) return 'malformed';
  const source = catalogue.find((entry) => entry.id === value);
  if (source === undefined) return 'unlisted';
  return source.kind === 'web' ? 'web' : 'native';
}

/** Why a revoke's `dataSource` was refused, in words safe to show. */
export const DATA_SOURCE_MESSAGES = {
  malformed: 'The data source must be a positive integer id (e.g. 1 for Fitbit).',
  native: "That data source connects only through Thryve's mobile SDKs, not from a web page.",
  unlisted:
    'The data source must be a web data source in the catalogue, or one Thryve lists as connected for this user (add new ones with the client\'s "catalogue" option).',
  unlistedConnect:
    'The data source must be a web data source in the catalogue (add new ones with the client\'s "catalogue" option).',
} as const;
