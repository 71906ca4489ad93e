'use client';
import { useQuery } from '@tanstack/react-query';
import {
  type DataSource,
  type DataSourceId,
  type DeriveDataSourcesOptions,
  deriveDataSources,
  getDataSource,
  type ThryveConnectError,
} from '@thryve-connect/core';
import { useMemo } from 'react';
import { connectionsQueryOptions } from './connectionsQueryOptions.js';
import { toThryveConnectError } from './internal/toThryveConnectError.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/** A source's status as the backend reports it; `unknown` when there is no connections route. */
export type DataSourceStatus = 'connected' | 'disconnected' | 'unknown';

/** A data source with the signed-in user's status. */
export interface DataSourceWithStatus extends DataSource {
  status: DataSourceStatus;
  /** ISO 8601 when known. */
  connectedAt: string | null;
}

/** Options of {@link useDataSources}: how the host tailors the catalogue. */
export type UseDataSourcesOptions = Pick<
  DeriveDataSourcesOptions,
  'include' | 'exclude' | 'order' | 'overrides'
>;

/** What {@link useDataSources} returns. */
export interface UseDataSourcesResult {
  /** The web sources to show, each with its status. */
  sources: DataSourceWithStatus[];
  /** `pending` until the statuses are known; `ready` also when there is no connections route. */
  status: 'pending' | 'ready' | 'error';
  error: ThryveConnectError | undefined;
  /** Reads the statuses again. */
  refetch: () => void;
}

/**
 * The catalogue's web sources (tailored by `include`, `exclude`, `order`, `overrides`) merged with the
 * user's connection status from the backend. A connected source the catalogue does not know (Thryve
 * adds sources) is listed as "Data source N", so it can still be disconnected.
 */
export function useDataSources(options: UseDataSourcesOptions = {}): UseDataSourcesResult {
  const config = useThryveConnect('useDataSources');
  const hasRoute = Boolean(config.fetcher.getConnections);
  const query = useQuery(connectionsQueryOptions({ fetcher: config.fetcher }), config.queryClient);

  // Options are usually inline literals: key the derivation by value, not identity.
  const optionsKey = JSON.stringify(options);
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionsKey stands for options' value.
  const catalogue = useMemo(() => deriveDataSources(options), [optionsKey]);

  const sources = useMemo(() => {
    const connected = new Map<DataSourceId, string | null>();
    for (const item of query.data ?? []) connected.set(item.dataSource, item.connectedAt);
    const list: DataSource[] = [...catalogue];
    if (!options.include) {
      const listed = new Set(list.map((source) => source.id));
      const hidden = new Set(options.exclude ?? []);
      for (const id of connected.keys()) {
        const source = getDataSource(id);
        if (!listed.has(id) && !hidden.has(id) && !source.known) list.push(source);
      }
    }
    return list.map<DataSourceWithStatus>((source) => ({
      ...source,
      status: !hasRoute || !query.data ? 'unknown' : connected.has(source.id) ? 'connected' : 'disconnected',
      connectedAt: connected.get(source.id) ?? null,
    }));
  }, [catalogue, query.data, hasRoute, options.include, options.exclude]);

  const { refetch } = query;
  return {
    sources,
    status: !hasRoute || query.data ? 'ready' : query.isError ? 'error' : 'pending',
    error: query.error ? toThryveConnectError(query.error) : undefined,
    refetch: () => void refetch(),
  };
}
