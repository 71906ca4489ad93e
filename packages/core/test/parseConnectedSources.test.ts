import { describe, expect, it } from 'vitest';
import { parseConnectedSources } from '../src/index.js';

describe('parseConnectedSources', () => {
  it('reads each source with its connection time, keeping ids the catalogue does not know', () => {
    expect(
      parseConnectedSources([
        { dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' },
        { dataSource: 48, connectedAt: null },
      ]),
    ).toEqual([
      { dataSource: 1, connectedAt: '2026-04-01T10:00:00Z' },
      { dataSource: 48, connectedAt: null },
    ]);
  });

  it('says undefined for anything that is not a list, so the caller decides what that means', () => {
    for (const value of [undefined, null, {}, 'nope', 7, { connectedSources: [] }]) {
      expect(parseConnectedSources(value)).toBeUndefined();
    }
    expect(parseConnectedSources([])).toEqual([]);
  });

  it('skips a row it cannot read rather than hide the others', () => {
    expect(
      parseConnectedSources([
        null,
        'row',
        7,
        { dataSource: 0 },
        { dataSource: -1 },
        { dataSource: 1.5 },
        { dataSource: 2 ** 53 },
        { dataSource: 'x' },
        { dataSource: '0x10' },
        { dataSource: ' 3' },
        { dataSource: '1e1' },
        { dataSource: '07' },
        { connectedAt: '2026-04-01T10:00:00Z' },
        { dataSource: 2, connectedAt: 17 },
      ]),
    ).toEqual([{ dataSource: 2, connectedAt: null }]);
  });

  it('reads an id Thryve sends as decimal digits as that number', () => {
    expect(parseConnectedSources([{ dataSource: '18', connectedAt: '2026-04-01T10:00:00Z' }])).toEqual([
      { dataSource: 18, connectedAt: '2026-04-01T10:00:00Z' },
    ]);
  });

  it('returns plain new objects: no field of the input rides along', () => {
    const [source] = parseConnectedSources([{ dataSource: 1, connectedAt: null, token: 'secret' }]) ?? [];
    expect(Object.keys(source ?? {})).toEqual(['dataSource', 'connectedAt']);
  });
});
