import { describe, expect, it } from 'vitest';
import { dataSources, deriveDataSources, getDataSource, isDataSourceId } from '../src/index.js';

const REFERENCE: Array<[number, string, 'web' | 'native']> = [
  [1, 'Fitbit', 'web'],
  [2, 'Garmin', 'web'],
  [3, 'Polar', 'web'],
  [5, 'Apple Health', 'native'],
  [6, 'Samsung Health', 'native'],
  [8, 'Withings', 'web'],
  [11, 'Strava', 'web'],
  [16, 'Omron Connect', 'web'],
  [17, 'Suunto', 'web'],
  [18, 'Oura', 'web'],
  [21, 'iHealth', 'web'],
  [27, 'Beurer', 'web'],
  [38, 'Huawei Health', 'web'],
  [41, 'Dexcom', 'web'],
  [42, 'Whoop', 'web'],
  [43, 'Decathlon', 'web'],
  [44, 'Health Connect', 'native'],
  [45, 'Komoot', 'web'],
  [46, 'FreeStyle Libre', 'web'],
  [47, 'ShenAI', 'native'],
];

describe('the data-source catalogue', () => {
  it('holds exactly the reference table', () => {
    expect(dataSources.map((source) => [source.id, source.name, source.kind])).toEqual(REFERENCE);
  });

  it('does not offer the retired Google Fit sources', () => {
    expect(dataSources.some((source) => source.id === 12 || source.id === 40)).toBe(false);
  });

  it('names an id it does not know "Data source N" instead of failing', () => {
    expect(getDataSource(99)).toMatchObject({ id: 99, name: 'Data source 99', known: false });
    expect(getDataSource(1)).toMatchObject({ name: 'Fitbit', known: true });
  });

  it('accepts only positive integer ids', () => {
    expect([1, 99].every(isDataSourceId)).toBe(true);
    expect([0, -1, 1.5, '1', null, Number.NaN].some(isDataSourceId)).toBe(false);
  });
});

describe('deriveDataSources', () => {
  it('keeps web sources only by default', () => {
    const list = deriveDataSources();
    expect(list).toHaveLength(16);
    expect(list.every((source) => source.kind === 'web')).toBe(true);
  });

  it('hides, renames, reorders and adds', () => {
    const list = deriveDataSources({
      exclude: [3, 8],
      order: [18, 2],
      overrides: { 2: { name: 'Garmin Connect' }, 77: { name: 'New Ring' } },
    });
    expect(list.slice(0, 3).map((source) => source.name)).toEqual(['Oura', 'Garmin Connect', 'Fitbit']);
    expect(list.some((source) => source.id === 3 || source.id === 8)).toBe(false);
    expect(list.at(-1)).toMatchObject({ id: 77, name: 'New Ring', kind: 'web' });
  });

  it('keeps include order and adds unknown included ids as stand-ins', () => {
    expect(deriveDataSources({ include: [18, 1, 99] }).map((source) => source.name)).toEqual([
      'Oura',
      'Fitbit',
      'Data source 99',
    ]);
  });
});
