import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { tridiagonalEigenvector, tridiagonalTopEigenvalue } from '../../src/eigen/tridiagonalTop.js';

/** Entries on a grid (fast-check's doubles would sample subnormals and 1e308). */
const entry = fc.integer({ min: -40, max: 40 }).map((k) => k / 8);

describe('tridiagonalTopEigenvalue and tridiagonalEigenvector', () => {
  test.prop([
    fc
      .integer({ min: 1, max: 12 })
      .chain((k) => fc.tuple(fc.array(entry, { minLength: k, maxLength: k }), fc.array(entry, { minLength: k, maxLength: k }))),
  ])('agree with a dense eigen-decomposition of the same matrix', ([a, b]) => {
    const k = a.length;
    const alpha = Float64Array.from(a);
    const beta = Float64Array.from(b);
    beta[k - 1] = 0;
    const dense = new Matrix(k, k);
    for (let i = 0; i < k; i++) {
      dense.set(i, i, alpha[i]);
      if (i < k - 1) {
        dense.set(i, i + 1, beta[i]);
        dense.set(i + 1, i, beta[i]);
      }
    }
    const evd = new EigenvalueDecomposition(dense, { assumeSymmetric: true });
    const values = evd.realEigenvalues;
    const top = Math.max(...values);
    const theta = tridiagonalTopEigenvalue(k, alpha, beta);
    const scale = Math.max(1, ...values.map(Math.abs));
    expect(Math.abs(theta - top)).toBeLessThanOrEqual(1e-12 * scale);
    const sorted = [...values].sort((p, q) => q - p);
    // the eigenvector is determined only when the top eigenvalue is simple
    if (k === 1 || sorted[0] - sorted[1] > 1e-6 * scale) {
      const y = new Float64Array(k);
      tridiagonalEigenvector(k, alpha, beta, theta, y, new Float64Array(2 * k));
      const expected = evd.eigenvectorMatrix.getColumn(values.indexOf(top));
      const cosine = Math.abs(y.reduce((acc, t, i) => acc + t * expected[i], 0));
      expect(cosine).toBeGreaterThan(1 - 1e-8);
      // a residual check independent of the reference: |T y - theta y| small
      let residual = 0;
      for (let i = 0; i < k; i++) {
        const ty = alpha[i] * y[i] + (i > 0 ? beta[i - 1] * y[i - 1] : 0) + (i < k - 1 ? beta[i] * y[i + 1] : 0);
        residual = Math.max(residual, Math.abs(ty - theta * y[i]));
      }
      expect(residual).toBeLessThanOrEqual(1e-8 * scale);
    }
  });
});
