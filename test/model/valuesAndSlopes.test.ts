import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINK_NAMES, getLink } from '../../src/model/links.js';

describe('Link.valuesAndSlopes at one row', () => {
  it("gives phi and phi' bit for bit, for every built-in link", () => {
    const value = new Float64Array(1);
    const slope = new Float64Array(1);
    const withIt = LINK_NAMES.map(getLink).filter((l) => l.valuesAndSlopes);
    expect(withIt.map((l) => l.name)).toEqual([...LINK_NAMES]);
    // a grid of arguments, including the far tails where erfc and exp under/overflow
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (k) => {
        // k = 0 is z = 0 exactly, where the kinked links' slopes choose a side
        const z = k / 1000;
        for (const link of withIt) {
          link.valuesAndSlopes!(Float64Array.of(z), 0, 1, value, slope);
          expect(Object.is(value[0], link.phi(z))).toBe(true);
          expect(Object.is(slope[0], link.dphi(z))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Link.values and Link.valuesAndSlopes', () => {
  it("fill phi and phi' over a range of rows bit for bit, for every built-in link, and touch nothing outside it", () => {
    const withThem = LINK_NAMES.map(getLink).filter((l) => l.values && l.valuesAndSlopes);
    expect(withThem.map((l) => l.name)).toEqual([...LINK_NAMES]);
    // a grid reaching the far tails, and the values a projection can take at its edges
    const grid = Array.from({ length: 8001 }, (_, k) => (k - 4000) / 100);
    const u = Float64Array.from([...grid, 0, -0, 5e-324, -5e-324, 1e300, -1e300, Infinity, -Infinity, NaN]);
    const n = u.length;
    for (const link of withThem) {
      const value = new Float64Array(n + 2).fill(7);
      const slope = new Float64Array(n + 2).fill(7);
      const only = new Float64Array(n + 2).fill(7);
      const shifted = new Float64Array(n + 2);
      shifted.set(u, 1);
      link.valuesAndSlopes!(shifted, 1, n + 1, value, slope);
      link.values!(shifted, 1, n + 1, only);
      for (const a of [value, slope, only]) expect([a[0], a[n + 1]]).toEqual([7, 7]);
      for (let i = 0; i < n; i++) {
        expect(Object.is(value[i + 1], link.phi(u[i]))).toBe(true);
        expect(Object.is(slope[i + 1], link.dphi(u[i]))).toBe(true);
        expect(Object.is(only[i + 1], link.phi(u[i]))).toBe(true);
      }
    }
  });
});
