import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';
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
});
