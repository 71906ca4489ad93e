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

const web = (id: number, name: string): DataSource => Object.freeze({ id, name, kind: 'web', known: true });
const native = (id: number, name: string): DataSource =>
  Object.freeze({ id, name, kind: 'native', known: true });

/**
 * Thryve's data sources (reference table in shared/reference/thryve-api.md), in id order.
 * Retired sources (12 Google Fit REST, 40 Google Fit Native) are left out on purpose.
 */
export const dataSources: readonly DataSource[] = Object.freeze([
  web(1, 'Fitbit'),
  web(2, 'Garmin'),
  web(3, 'Polar'),
  native(5, 'Apple Health'),
  native(6, 'Samsung Health'),
  web(8, 'Withings'),
  web(11, 'Strava'),
  web(16, 'Omron Connect'),
  web(17, 'Suunto'),
  web(18, 'Oura'),
  web(21, 'iHealth'),
  web(27, 'Beurer'),
  web(38, 'Huawei Health'),
  web(41, 'Dexcom'),
  web(42, 'Whoop'),
  web(43, 'Decathlon'),
  native(44, 'Health Connect'),
  web(45, 'Komoot'),
  web(46, 'FreeStyle Libre'),
  native(47, 'ShenAI'),
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
