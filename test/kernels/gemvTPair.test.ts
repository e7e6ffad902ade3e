import { describe, expect, it } from 'vitest';
import { gemvT } from '../../src/kernels/gemvT.js';
import { gemvTPair } from '../../src/kernels/gemvTPair.js';
import { randomRows, sameDoubles, SIZES } from './randomRows.js';

describe('gemvTPair', () => {
  it('equals two gemvT calls bit for bit, zero weights included', () => {
    for (const [n, d] of SIZES) {
      const { x, rowVector } = randomRows(n, d, 2 * n + d);
      const u1 = rowVector(),
        u2 = rowVector();
      u2[0] = 0;
      const o1 = new Float64Array(d),
        o2 = new Float64Array(d);
      gemvTPair(n, d, x, u1, u2, o1, o2);
      expect(sameDoubles(o1, gemvT(n, d, x, u1, new Float64Array(d)))).toBe(true);
      expect(sameDoubles(o2, gemvT(n, d, x, u2, new Float64Array(d)))).toBe(true);
    }
  });
});
