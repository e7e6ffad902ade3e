import { describe, expect, it } from 'vitest';
import { distancesAndGemv } from '../../src/kernels/distancesAndGemv.js';
import { gemv } from '../../src/kernels/gemv.js';
import { randomRows, sameDoubles, SIZES } from './randomRows.js';

describe('distancesAndGemv', () => {
  it('dist_i = |s_i x_i - mu|^2 against the definition, and proj = gemv bit for bit', () => {
    for (const [n, d] of SIZES) {
      const { x, rowVector, colVector } = randomRows(n, d, 3 * n + d);
      const s = rowVector(),
        mu = colVector(),
        v = colVector();
      const dist = new Float64Array(n),
        proj = new Float64Array(n);
      distancesAndGemv(n, d, x, s, mu, v, dist, proj);
      expect(sameDoubles(proj, gemv(n, d, x, v, new Float64Array(n)))).toBe(true);
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += (s[i] * x[i * d + j] - mu[j]) ** 2;
        expect(dist[i]).toBeCloseTo(t, 10);
      }
    }
  });
});
