import { describe, expect, it } from 'vitest';
import { covarianceScratch, weightedCovariance } from '../../src/kernels/weightedCovariance.js';
import { randomRows, SIZES } from './randomRows.js';

describe('weightedCovariance', () => {
  it('sum_i c_i (s_i x_i - mu)(s_i x_i - mu)^T, centred and not, against the definition; symmetric', () => {
    for (const [n, d] of SIZES) {
      const { x, rowVector, colVector } = randomRows(n, d, 7 * n + d);
      const s = rowVector(),
        c = rowVector().map(Math.abs),
        mu = colVector();
      for (const centre of [mu, null]) {
        const out = new Float64Array(d * d);
        weightedCovariance(n, d, x, s, c, centre, covarianceScratch(d), out);
        for (let j = 0; j < d; j++)
          for (let k = 0; k < d; k++) {
            let t = 0;
            for (let i = 0; i < n; i++)
              t += c[i] * (s[i] * x[i * d + j] - (centre ? centre[j] : 0)) * (s[i] * x[i * d + k] - (centre ? centre[k] : 0));
            expect(out[j * d + k]).toBeCloseTo(t, 9);
            expect(out[j * d + k]).toBe(out[k * d + j]);
          }
      }
    }
  });
});
