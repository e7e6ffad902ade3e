import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EigenvalueDecomposition } from 'ml-matrix';
import { denseCovariance } from '../robust/denseCovariance.js';
import { lanczosTopEigenvector } from '../../src/eigen/lanczosTopEigenvector.js';
import { namedStream } from '../../src/rng/streams.js';

describe('lanczosTopEigenvector', () => {
  test.prop([
    fc.noShrink(fc.integer({ min: 1, max: 2 ** 31 - 1 })),
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 20, max: 200 }),
    fc.boolean(),
    fc.constantFrom(0, 0.5, 2),
  ])('with d steps it finds the dense top eigenvector, whatever the shift, centered or not', (seed, d, n, centered, shift) => {
    const r = namedStream(seed, 'lanczos');
    const x = Float64Array.from({ length: n * d }, r.normal);
    const spike = Math.floor(r.uniform() * d);
    for (let i = 0; i < n; i++) x[i * d + spike] *= 2;
    const s = Float64Array.from({ length: n }, () => 0.5 + r.uniform());
    const c = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0.5 : 1));
    const mu = centered ? Float64Array.from({ length: d }, () => 0.2 * r.normal()) : null;
    const W = c.reduce((a, b) => a + b, 0);
    const evd = new EigenvalueDecomposition(denseCovariance(n, d, x, s, c, mu), { assumeSymmetric: true });
    const values = evd.realEigenvalues;
    const sorted = [...values].sort((a, b) => b - a);
    const v = Float64Array.from({ length: d }, (_, j) => 1 + j);
    const steps = lanczosTopEigenvector({ n, d, x, s, c, mu }, W, v, { shift, maxSteps: 50, tolerance: 0 });
    expect(steps).toBeGreaterThanOrEqual(1);
    expect(steps).toBeLessThanOrEqual(d);
    expect(Math.hypot(...v)).toBeCloseTo(1, 12);
    // the direction is determined only when the top eigenvalue is simple
    if (d === 1 || sorted[0] - sorted[1] > 1e-6 * sorted[0]) {
      const expected = evd.eigenvectorMatrix.getColumn(values.indexOf(sorted[0]));
      const cosine = Math.abs(v.reduce((a, t, j) => a + t * expected[j], 0));
      expect(cosine).toBeGreaterThan(1 - 1e-8);
    }
  });

  test.prop([fc.noShrink(fc.integer({ min: 1, max: 2 ** 31 - 1 })), fc.integer({ min: 2, max: 6 })])(
    'stops at maxSteps and keeps the result oriented along its start',
    (seed, maxSteps) => {
      const n = 300,
        d = 10;
      const r = namedStream(seed, 'lanczos-stop');
      const x = Float64Array.from({ length: n * d }, r.normal);
      const ones = new Float64Array(n).fill(1);
      const start = Float64Array.from({ length: d }, r.normal);
      const v = Float64Array.from(start);
      const steps = lanczosTopEigenvector({ n, d, x, s: ones, c: ones, mu: null }, n, v, { shift: 0, maxSteps, tolerance: 0 });
      expect(steps).toBe(maxSteps);
      expect(v.reduce((a, t, j) => a + t * start[j], 0)).toBeGreaterThanOrEqual(0);
    },
  );
});
