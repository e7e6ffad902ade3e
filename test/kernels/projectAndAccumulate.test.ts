import { describe, expect, it } from 'vitest';
import { projectAndAccumulate } from '../../src/kernels/projectAndAccumulate.js';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';
import { randomRows, sameDoubles, SIZES } from './randomRows.js';

describe('projectAndAccumulate', () => {
  it('equals gemv, the weighing of every row, then gemvT, bit for bit (blocks change nothing)', () => {
    for (const [n, d] of [...SIZES, [20000, 9] as [number, number]]) {
      const { x, colVector } = randomRows(n, d, 5 * n + d);
      const v = colVector();
      // a weighing of the projections, as a loss's per-row factor would be
      const weigh = (i0: number, i1: number, proj: Float64Array, coef: Float64Array): void => {
        for (let i = i0; i < i1; i++) coef[i] = Math.tanh(proj[i]) - 0.5 * proj[i];
      };
      const proj = new Float64Array(n),
        coef = new Float64Array(n),
        out = new Float64Array(d);
      projectAndAccumulate(n, d, x, v, proj, weigh, coef, out);
      const p2 = gemv(n, d, x, v, new Float64Array(n));
      const c2 = new Float64Array(n);
      weigh(0, n, p2, c2);
      expect(sameDoubles(proj, p2)).toBe(true);
      expect(sameDoubles(coef, c2)).toBe(true);
      expect(sameDoubles(out, gemvT(n, d, x, c2, new Float64Array(d)))).toBe(true);
    }
  });
});
