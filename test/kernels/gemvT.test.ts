import { describe, expect, it } from 'vitest';
import { gemvT } from '../../src/kernels/gemvT.js';
import { randomRows, SIZES } from './randomRows.js';

describe('gemvT', () => {
  it('out = X^T u, against the definition', () => {
    for (const [n, d] of SIZES) {
      const { x, rowVector } = randomRows(n, d, n + d);
      const u = rowVector();
      const out = gemvT(n, d, x, u, new Float64Array(d));
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += x[i * d + j] * u[i];
        expect(out[j]).toBeCloseTo(s, 10);
      }
    }
  });
});
