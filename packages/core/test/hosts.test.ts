import { describe, expect, it } from 'vitest';
import { DEFAULT_THRYVE_HOSTS, resolveHosts } from '../src/index.js';

describe('resolveHosts', () => {
  it("gives Thryve's production hosts when none are given", () => {
    expect(resolveHosts()).toEqual(DEFAULT_THRYVE_HOSTS);
    expect(resolveHosts({})).toEqual(DEFAULT_THRYVE_HOSTS);
  });

  it('takes each host given and keeps the default for the others', () => {
    expect(resolveHosts({ widget: 'https://connect.qa.thryve.de' })).toEqual({
      ...DEFAULT_THRYVE_HOSTS,
      widget: 'https://connect.qa.thryve.de',
    });
  });

  it('keeps the default for a host given as undefined (a spread would blank it)', () => {
    expect(resolveHosts({ api: undefined, direct: 'http://localhost:4010' })).toEqual({
      ...DEFAULT_THRYVE_HOSTS,
      direct: 'http://localhost:4010',
    });
  });

  it('returns a new object each time, never the frozen defaults', () => {
    expect(resolveHosts()).not.toBe(DEFAULT_THRYVE_HOSTS);
    expect(Object.isFrozen(resolveHosts())).toBe(false);
  });
});
