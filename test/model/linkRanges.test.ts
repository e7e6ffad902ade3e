import { describe, expect, it } from 'vitest';
import { getLink, type Link } from '../../src/model/links.js';
import { fillValues, fillValuesAndSlopes } from '../../src/model/linkRanges.js';

describe('fillValues and fillValuesAndSlopes', () => {
  const u = Float64Array.from([-3, -0.5, 0, 0.25, 2, 7.5]);
  const gelu = getLink('gelu');
  // the same link without its own loops: the row-by-row fallback a user-made link takes
  const bare: Link = { ...gelu, values: undefined, valuesAndSlopes: undefined };

  it("fill phi and phi' over rows i0 <= i < i1 only, the same doubles with and without the link's own loops", () => {
    for (const link of [gelu, bare]) {
      const value = new Float64Array(u.length).fill(-1);
      const slope = new Float64Array(u.length).fill(-1);
      const only = new Float64Array(u.length).fill(-1);
      fillValuesAndSlopes(link, u, 1, 5, value, slope);
      fillValues(link, u, 1, 5, only);
      for (const a of [value, slope, only]) expect([a[0], a[5]]).toEqual([-1, -1]);
      for (let i = 1; i < 5; i++) {
        expect(value[i]).toBe(gelu.phi(u[i]));
        expect(slope[i]).toBe(gelu.dphi(u[i]));
        expect(only[i]).toBe(gelu.phi(u[i]));
      }
    }
  });

  it('may write its values over its arguments (in place)', () => {
    const inPlace = Float64Array.from(u);
    fillValues(gelu, inPlace, 0, u.length, inPlace);
    expect(Array.from(inPlace)).toEqual(Array.from(u, (z) => gelu.phi(z)));
  });
});
