import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINK_NAMES, getLink } from '../../src/model/links.js';

describe('Link.valueAndSlope', () => {
  it("gives phi and phi' bit for bit, for every built-in link", () => {
    const out = new Float64Array(2);
    const withIt = LINK_NAMES.map(getLink).filter((l) => l.valueAndSlope);
    expect(withIt.map((l) => l.name)).toEqual([...LINK_NAMES]);
    // a grid of arguments, including the far tails where erfc and exp under/overflow
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (k) => {
        // k = 0 is z = 0 exactly, where the kinked links' slopes choose a side
        const z = k / 1000;
        for (const link of withIt) {
          link.valueAndSlope!(z, out);
          expect(Object.is(out[0], link.phi(z))).toBe(true);
          expect(Object.is(out[1], link.dphi(z))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
