import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition } from 'ml-matrix';
import { denseCovariance } from '../robust/denseCovariance.js';
import { powerBuffers, weightedTopEigenvector } from '../../src/eigen/topEigenvector.js';
import { namedStream } from '../../src/rng/streams.js';

describe('weightedTopEigenvector', () => {
  it('finds the top eigenvector of the weighted covariance (centered and uncentered) without forming it', () => {
    const n = 400,
      d = 6;
    const r = namedStream(5, 'top');
    const x = Float64Array.from({ length: n * d }, r.normal);
    for (let i = 0; i < n; i++) x[i * d + 2] *= 3; // a spike along e_3
    const s = Float64Array.from({ length: n }, () => 0.5 + r.uniform());
    const c = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0.25 : 1));
    const mu = Float64Array.from({ length: d }, () => 0.1 * r.normal());
    for (const centre of [mu, null]) {
      const dense = new EigenvalueDecomposition(denseCovariance(n, d, x, s, c, centre));
      const values = dense.realEigenvalues;
      const top = values.indexOf(Math.max(...values));
      const expected = dense.eigenvectorMatrix.getColumn(top);
      const v = new Float64Array(d).fill(1 / Math.sqrt(d));
      const W = c.reduce((a, b) => a + b, 0);
      const steps = weightedTopEigenvector(
        { n, d, x, s, c, mu: centre },
        W,
        v,
        { shift: 0, maxSteps: 500, tolerance: 1e-14 },
        powerBuffers(n, d),
      );
      expect(steps).toBeGreaterThan(1);
      expect(steps).toBeLessThan(500);
      const cosine = Math.abs(v.reduce((a, t, j) => a + t * expected[j], 0));
      expect(cosine).toBeGreaterThan(1 - 1e-8);
    }
  });

  it('a shift moves the spectrum, not the top direction; it stops at maxSteps', () => {
    const n = 200,
      d = 4;
    const r = namedStream(6, 'top');
    const x = Float64Array.from({ length: n * d }, (_, k) => (k % d === 0 ? 4 : 1) * r.normal());
    const ones = new Float64Array(n).fill(1);
    const v = new Float64Array(d).fill(0.5);
    expect(
      weightedTopEigenvector({ n, d, x, s: ones, c: ones, mu: null }, n, v, { shift: 0.5, maxSteps: 3, tolerance: 0 }, powerBuffers(n, d)),
    ).toBe(3);
    weightedTopEigenvector(
      { n, d, x, s: ones, c: ones, mu: null },
      n,
      v,
      { shift: 0.5, maxSteps: 200, tolerance: 1e-14 },
      powerBuffers(n, d),
    );
    expect(Math.abs(v[0])).toBeGreaterThan(0.999);
  });
});
