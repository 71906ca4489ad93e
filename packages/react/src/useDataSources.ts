'use client';
import { replaceEqualDeep, useQuery } from '@tanstack/react-query';
import {
  type DataSource,
  type DataSourceId,
  type DeriveDataSourcesOptions,
  deriveDataSources,
  getDataSource,
  syncAcrossTabs,
  type ThryveConnectError,
  toThryveConnectError,
} from '@thryve-connect/core';
import { useEffect, useMemo, useRef } from 'react';
import { explainDroppedSeeds, IS_DEVELOPMENT, warnConfigurationError } from '#is-development';
import { useConnectionsOptions } from './internal/useConnectionsOptions.js';
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
  'include' | 'exclude' | 'order' | 'overrides' | 'kinds'
>;

/** What {@link useDataSources} returns. */
export interface UseDataSourcesResult {
  /** The sources to show (web ones unless `kinds` says otherwise), each with its status. An unchanged source keeps its object identity. */
  sources: DataSourceWithStatus[];
  /**
   * `pending` until the statuses are known; `ready` also when there is no connections route;
   * `signed_out` when the provider's `userKey` is `null` (no statuses are read then).
   */
  status: 'pending' | 'ready' | 'error' | 'signed_out';
  error: ThryveConnectError | undefined;
  /** Reads the statuses again. */
  refetch: () => void;
}

/**
 * The catalogue's web sources (tailored by `include`, `exclude`, `order`, `overrides`; `kinds` adds
 * the native ones) merged with the
 * signed-in user's connection status from the backend. A connected source the catalogue does not know
 * (Thryve adds sources) is listed as "Data source N", so it can still be disconnected.
 */
export function useDataSources(options: UseDataSourcesOptions = {}): UseDataSourcesResult {
  const context = useThryveConnect('useDataSources');
  const { client, user } = context;
  const hasRoute = Boolean(client.fetcher.getConnections);
  const query = useQuery(
    {
      ...useConnectionsOptions(context, IS_DEVELOPMENT ? explainDroppedSeeds : undefined),
      enabled: hasRoute && user !== null,
    },
    client.queryClient,
  );

  // A connect or revoke finished in another tab of this user: read the statuses again here. Only where
  // statuses are shown, so a page with just the widget ships none of it.
  useEffect(() => (user ? syncAcrossTabs(user) : undefined), [user]);

  // Options are usually inline literals: key the derivation by value, not identity.
  const optionsKey = JSON.stringify(options);
  // biome-ignore lint/correctness/useExhaustiveDependencies: optionsKey stands for options' value.
  const catalogue = useMemo(() => deriveDataSources(options), [optionsKey]);
  const data = user === null ? undefined : query.data;

  const derived = useMemo(() => {
    const connected = new Map<DataSourceId, string | null>();
    for (const item of data ?? []) connected.set(item.dataSource, item.connectedAt);
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
      status: !hasRoute || !data ? 'unknown' : connected.has(source.id) ? 'connected' : 'disconnected',
      connectedAt: connected.get(source.id) ?? null,
    }));
  }, [catalogue, data, hasRoute, options.include, options.exclude]);
  // Structural sharing, as React Query shares query data: an unchanged source is the same object, so a
  // memoized row re-renders only when its own source changed.
  const shared = useRef<DataSourceWithStatus[]>(derived);
  shared.current = replaceEqualDeep(shared.current, derived);

  const { refetch } = query;
  const error = user !== null && query.error ? toThryveConnectError(query.error) : undefined;
  // A status list refused for the app's setup (a route answering HTML, say) is named in the console.
  if (IS_DEVELOPMENT) warnConfigurationError(error);
  return {
    sources: shared.current,
    status: user === null ? 'signed_out' : !hasRoute || data ? 'ready' : query.isError ? 'error' : 'pending',
    error,
    refetch: () => void refetch(),
  };
}
