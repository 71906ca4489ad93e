import {
  type DataSource,
  type DataSourceId,
  type DataSourceKind,
  dataSources,
  getDataSource,
} from './dataSources.js';

/** How a host app tailors the catalogue: add, hide, rename, reorder. */
export interface DeriveDataSourcesOptions {
  /** Start from this catalogue instead of the built-in one. */
  catalogue?: readonly DataSource[];
  /** Which kinds to keep. Default `['web']`: native sources cannot be connected from a web page. */
  kinds?: readonly DataSourceKind[];
  /** Keep only these ids (in this order unless `order` says otherwise). Unknown ids are added as stand-ins. */
  include?: readonly DataSourceId[];
  /** Hide these ids. */
  exclude?: readonly DataSourceId[];
  /** Ids to put first, in this order; the rest keep their catalogue order. */
  order?: readonly DataSourceId[];
  /** Per-id changes (e.g. a new `name`); an id missing from the catalogue is added as a web source. */
  overrides?: Readonly<Record<DataSourceId, Partial<Omit<DataSource, 'id'>>>>;
}

/**
 * The host's list of data sources, derived from the catalogue. Pure: the same options give the same
 * list, and no option can make it throw.
 */
export function deriveDataSources(options: DeriveDataSourcesOptions = {}): DataSource[] {
  const { catalogue = dataSources, kinds = ['web'], include, exclude, order, overrides } = options;
  const byId = new Map<DataSourceId, DataSource>();
  for (const source of catalogue) byId.set(source.id, source);
  for (const [key, override] of Object.entries(overrides ?? {})) {
    const id = Number(key);
    const base = byId.get(id) ?? getDataSource(id, []);
    byId.set(id, { ...base, ...override, id });
  }

  let list: DataSource[];
  if (include) {
    list = [];
    for (const id of new Set(include)) {
      list.push(byId.get(id) ?? getDataSource(id, []));
    }
  } else {
    list = [...byId.values()];
  }

  const hidden = new Set(exclude ?? []);
  const allowedKinds = new Set(kinds);
  list = list.filter((source) => !hidden.has(source.id) && allowedKinds.has(source.kind));

  if (order && order.length > 0) {
    const rank = new Map<DataSourceId, number>();
    order.forEach((id, index) => {
      if (!rank.has(id)) rank.set(id, index);
    });
    // Array.prototype.sort is stable, so unranked sources keep their relative order.
    list.sort(
      (a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER),
    );
  }
  return list;
}
