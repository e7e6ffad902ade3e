import { describe, expect, it } from 'vitest';
import { powerStep } from '../../src/kernels/powerStep.js';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';
import { randomRows, sameDoubles, SIZES } from './randomRows.js';

describe('powerStep', () => {
  it('equals gemv, the O(n) loop and gemvT unfused, bit for bit (out and the returned sum)', () => {
    for (const [n, d] of SIZES) {
      const { x, rowVector, colVector } = randomRows(n, d, 11 * n + d);
      const v = colVector(),
        s = rowVector(),
        c = rowVector().map(Math.abs);
      const mv = 0.3;
      const out = new Float64Array(d);
      const total = powerStep(n, d, x, v, s, c, mv, out);
      const p = gemv(n, d, x, v, new Float64Array(n));
      const u = new Float64Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const a = s[i] * p[i] - mv;
        u[i] = c[i] * s[i] * a;
        sum += c[i] * a;
      }
      expect(sameDoubles(out, gemvT(n, d, x, u, new Float64Array(d)))).toBe(true);
      expect(total).toBe(sum);
    }
  });
});
