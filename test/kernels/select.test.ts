import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectInPlace, medianInPlace } from '../../src/kernels/select.js';

describe('kernels', () => {
  it('select and median agree with sorting, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(), (vals, k0) => {
        const sorted = [...vals].sort((a, b) => a - b);
        const k = k0 % vals.length;
        expect(selectInPlace(Float64Array.from(vals), k)).toBe(sorted[k]);
        const m = vals.length % 2 ? sorted[(vals.length - 1) / 2] : (sorted[vals.length / 2 - 1] + sorted[vals.length / 2]) / 2;
        expect(medianInPlace(Float64Array.from(vals))).toBe(m);
      }),
    );
  });

  it('median of an empty slice is an error', () => {
    expect(() => medianInPlace(new Float64Array(0))).toThrow(/empty/);
  });
});
