import { describe, expect, it } from 'vitest';
import { countPasses } from '../../src/kernels/passCount.js';
import { powerStep } from '../../src/kernels/powerStep.js';
import { rowSquaredNorms } from '../../src/kernels/rowSquaredNorms.js';
import fc from 'fast-check';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';
import { selectInPlace, medianInPlace } from '../../src/kernels/select.js';
import { namedStream } from '../../src/rng/streams.js';

const dims = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  d: fc.integer({ min: 1, max: 13 }),
  seed: fc.noShrink(fc.integer({ min: 0, max: 1e6 })),
});

describe('kernels', () => {
  it('gemv and gemvT agree with naive loops for every n, d (remainders of the unrolling)', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'k');
        const x = Float64Array.from({ length: n * d }, r.normal);
        const v = Float64Array.from({ length: d }, r.normal);
        const u = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : r.normal()));
        const out = gemv(n, d, x, v, new Float64Array(n));
        for (let i = 0; i < n; i++) {
          let t = 0;
          for (let j = 0; j < d; j++) t += x[i * d + j] * v[j];
          expect(out[i]).toBeCloseTo(t, 12);
        }
        const outT = gemvT(n, d, x, u, new Float64Array(d).fill(99));
        for (let j = 0; j < d; j++) {
          let t = 0;
          for (let i = 0; i < n; i++) t += u[i] * x[i * d + j];
          expect(outT[j]).toBeCloseTo(t, 12);
        }
      }),
    );
  });

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

  it('counts passes over the matrix: one per kernel call (gemv, gemvT, rowSquaredNorms, the fused power step)', () => {
    const n = 50,
      d = 3;
    const x = Float64Array.from({ length: n * d }, (_, k) => Math.sin(k));
    const v = new Float64Array(d).fill(1),
      u = new Float64Array(n).fill(1);
    expect(countPasses(() => gemv(n, d, x, v, new Float64Array(n)))).toBe(1);
    expect(countPasses(() => gemvT(n, d, x, u, new Float64Array(d)))).toBe(1);
    expect(countPasses(() => rowSquaredNorms(n, d, x))).toBe(1);
    expect(countPasses(() => powerStep(n, d, x, v, u, u, 0, new Float64Array(d)))).toBe(1);
    expect(countPasses(() => undefined)).toBe(0);
  });
});
