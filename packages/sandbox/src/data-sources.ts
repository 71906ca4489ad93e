/** One entry of Thryve's data-source catalogue. */
export interface SandboxDataSource {
  id: number;
  name: string;
  type: 'Web' | 'Native';
}

/** The sources Thryve offers (retired 12 and 40 are left out on purpose: they are not offered). */
export const DATA_SOURCES: readonly SandboxDataSource[] = [
  { id: 1, name: 'Fitbit', type: 'Web' },
  { id: 2, name: 'Garmin', type: 'Web' },
  { id: 3, name: 'Polar', type: 'Web' },
  { id: 5, name: 'Apple Health', type: 'Native' },
  { id: 6, name: 'Samsung Health', type: 'Native' },
  { id: 8, name: 'Withings', type: 'Web' },
  { id: 11, name: 'Strava', type: 'Web' },
  { id: 16, name: 'Omron Connect', type: 'Web' },
  { id: 17, name: 'Suunto', type: 'Web' },
  { id: 18, name: 'Oura', type: 'Web' },
  { id: 21, name: 'iHealth', type: 'Web' },
  { id: 27, name: 'Beurer', type: 'Web' },
  { id: 38, name: 'Huawei Health', type: 'Web' },
  { id: 41, name: 'Dexcom', type: 'Web' },
  { id: 42, name: 'Whoop', type: 'Web' },
  { id: 43, name: 'Decathlon', type: 'Web' },
  { id: 44, name: 'Health Connect', type: 'Native' },
  { id: 45, name: 'Komoot', type: 'Web' },
  { id: 46, name: 'FreeStyle Libre', type: 'Web' },
  { id: 47, name: 'ShenAI', type: 'Native' },
];

/** The sources that can be connected on the web, in catalogue order. */
export const WEB_DATA_SOURCES: readonly SandboxDataSource[] = DATA_SOURCES.filter((s) => s.type === 'Web');

/** Looks a source up by id; `undefined` for unknown and retired ids. */
export function findDataSource(id: number): SandboxDataSource | undefined {
  return DATA_SOURCES.find((s) => s.id === id);
}

/** A display name even for ids the catalogue does not know (they can still come back from state). */
export function dataSourceName(id: number): string {
  return findDataSource(id)?.name ?? `Data source ${id}`;
}
