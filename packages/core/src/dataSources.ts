/**
 * A Thryve data source id. A plain number on purpose: Thryve adds sources over time, and an id the
 * catalogue does not know must flow through everything without being rejected.
 */
export type DataSourceId = number;

/** How a source connects: `web` through the widget or direct URLs, `native` only through Thryve's mobile SDKs. */
export type DataSourceKind = 'web' | 'native';

/** One entry of the data-source catalogue. */
export interface DataSource {
  id: DataSourceId;
  /** Display name, e.g. "Fitbit". */
  name: string;
  kind: DataSourceKind;
  /** False for an id that is not in the catalogue (shown as "Data source 99"). */
  known: boolean;
}

/**
 * Builds the frozen catalogue. Marked free of side effects so that bundlers drop the whole list from
 * apps that never read it (an app that shows only the widget).
 */
/* @__NO_SIDE_EFFECTS__ */
function catalogue(
  entries: readonly (readonly [DataSourceId, string, DataSourceKind?])[],
): readonly DataSource[] {
  return Object.freeze(
    entries.map(([id, name, kind = 'web']): DataSource => Object.freeze({ id, name, kind, known: true })),
  );
}

/**
 * Thryve's data sources (reference table in shared/reference/thryve-api.md), in id order.
 * Retired sources (12 Google Fit REST, 40 Google Fit Native) are left out on purpose.
 */
export const dataSources: readonly DataSource[] = catalogue([
  [1, 'Fitbit'],
  [2, 'Garmin'],
  [3, 'Polar'],
  [5, 'Apple Health', 'native'],
  [6, 'Samsung Health', 'native'],
  [8, 'Withings'],
  [11, 'Strava'],
  [16, 'Omron Connect'],
  [17, 'Suunto'],
  [18, 'Oura'],
  [21, 'iHealth'],
  [27, 'Beurer'],
  [38, 'Huawei Health'],
  [41, 'Dexcom'],
  [42, 'Whoop'],
  [43, 'Decathlon'],
  [44, 'Health Connect', 'native'],
  [45, 'Komoot'],
  [46, 'FreeStyle Libre'],
  [47, 'ShenAI', 'native'],
]);

/** True when `value` has the shape of a data-source id: a positive safe integer. */
export function isDataSourceId(value: unknown): value is DataSourceId {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * The catalogue entry for `id`, or a stand-in named "Data source {id}" for an id the catalogue does
 * not know. Never throws for an unknown id: Thryve may report sources newer than this library.
 */
export function getDataSource(id: DataSourceId, catalogue: readonly DataSource[] = dataSources): DataSource {
  const found = catalogue.find((source) => source.id === id);
  if (found) return found;
  return { id, name: `Data source ${id}`, kind: 'web', known: false };
}
