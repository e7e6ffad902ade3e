import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';
import { rowSquaredNorms } from '../../src/kernels/rowSquaredNorms.js';
import { boundPowerStep, powerStep } from '../../src/kernels/powerStep.js';
import { covarianceScratch, weightedCovariance } from '../../src/kernels/weightedCovariance.js';
import { gemvTPair } from '../../src/kernels/gemvTPair.js';
import { distancesAndGemv } from '../../src/kernels/distancesAndGemv.js';
import { projectAndAccumulate } from '../../src/kernels/projectAndAccumulate.js';
import { GRAM_MAX_D, WASM_MIN_ENTRIES, allocMatrix, copyMatrix, isWasmBacked, kernelsFor } from '../../src/kernels/wasmKernels.js';
import { namedStream } from '../../src/rng/streams.js';
import { countPasses } from '../../src/kernels/passCount.js';

// d spans the unrolling remainders (d mod 4) and n x d crosses WASM_MIN_ENTRIES, so both
// the SIMD path and the JS path run; they must agree bit for bit (same operation order).
const dims = fc.record({
  n: fc.integer({ min: 1, max: 3000 }),
  d: fc.integer({ min: 1, max: 23 }),
  seed: fc.noShrink(fc.integer({ min: 0, max: 1e6 })),
});

function same(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('WebAssembly SIMD kernels', () => {
  it('allocMatrix holds large matrices in a kernel memory and small ones as plain arrays', () => {
    const big = allocMatrix(WASM_MIN_ENTRIES / 8, 8);
    expect(isWasmBacked(big)).toBe(true);
    expect(big.length).toBe(WASM_MIN_ENTRIES);
    expect(big.every((v) => v === 0)).toBe(true);
    expect(isWasmBacked(allocMatrix(10, 10))).toBe(false);
    // a pass that would leave the matrix area or overflow the scratch vectors falls back to JS
    expect(kernelsFor(WASM_MIN_ENTRIES / 8, 8, big)).not.toBeNull();
    expect(kernelsFor(WASM_MIN_ENTRIES / 8 + 1, 8, big)).toBeNull();
    expect(kernelsFor(WASM_MIN_ENTRIES / 16, 16, big)).toBeNull();
  });

  it('gemv, gemvT and rowSquaredNorms are bit-identical to the JS loops for every n, d', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'wasm');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        expect(isWasmBacked(held)).toBe(n * d >= WASM_MIN_ENTRIES);
        const v = Float64Array.from({ length: d }, r.normal);
        const u = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : r.normal()));
        expect(same(gemv(n, d, held, v, new Float64Array(n)), gemv(n, d, plain, v, new Float64Array(n)))).toBe(true);
        expect(same(gemvT(n, d, held, u, new Float64Array(d).fill(7)), gemvT(n, d, plain, u, new Float64Array(d)))).toBe(true);
        expect(same(rowSquaredNorms(n, d, held), rowSquaredNorms(n, d, plain))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('powerStep is gemv, the weighting and gemvT fused: bit-identical to them, and its SIMD twin to its JS loop', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'power-step');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        const v = Float64Array.from({ length: d }, r.normal);
        const s = Float64Array.from({ length: n }, r.normal);
        const c = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : r.uniform())); // zero weights skip rows
        const mv = r.normal();
        // the unfused reference: X v, the weighting loop, then X^T u
        const proj = gemv(n, d, plain, v, new Float64Array(n));
        const u = new Float64Array(n);
        let ca = 0;
        for (let i = 0; i < n; i++) {
          const a = s[i] * proj[i] - mv;
          u[i] = c[i] * s[i] * a;
          ca += c[i] * a;
        }
        const expected = gemvT(n, d, plain, u, new Float64Array(d));
        for (const x of [plain, held]) {
          const out = new Float64Array(d).fill(7);
          expect(Object.is(powerStep(n, d, x, v, s, c, mv, out), ca)).toBe(true);
          expect(same(out, expected)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('boundPowerStep, s and c bound once for several steps, is powerStep at every step, bit for bit, on both paths', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'bound-power-step');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        const s = Float64Array.from({ length: n }, r.normal);
        const c = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : r.uniform()));
        const vs = [0, 1, 2].map(() => Float64Array.from({ length: d }, r.normal));
        const mvs = [r.normal(), r.normal(), 0];
        for (const x of [plain, held]) {
          const step = boundPowerStep(n, d, x, s, c);
          for (let k = 0; k < vs.length; k++) {
            const expected = new Float64Array(d);
            const caExpected = powerStep(n, d, plain, vs[k]!, s, c, mvs[k]!, expected);
            const out = new Float64Array(d).fill(7);
            let ca = NaN;
            // one pass counted per step, as for powerStep
            expect(countPasses(() => (ca = step(vs[k]!, mvs[k]!, out)))).toBe(1);
            expect(Object.is(ca, caExpected)).toBe(true);
            expect(same(out, expected)).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('weightedCovariance is sum_i c_i (s_i x_i - mu)(s_i x_i - mu)^T, symmetric, and its SIMD twin gives the doubles of its JS loop', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 3000 }),
          d: fc.integer({ min: 1, max: GRAM_MAX_D }),
          centred: fc.boolean(),
          seed: fc.noShrink(fc.integer({ min: 0, max: 1e6 })),
        }),
        ({ n, d, centred, seed }) => {
          const r = namedStream(seed, 'weighted-covariance');
          const plain = Float64Array.from({ length: n * d }, r.normal);
          const held = copyMatrix(n, d, plain);
          const s = Float64Array.from({ length: n }, r.normal);
          const c = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : r.uniform()));
          const mu = centred ? Float64Array.from({ length: d }, r.normal) : null;
          const scratch = covarianceScratch(d);
          const js = new Float64Array(d * d);
          expect(countPasses(() => weightedCovariance(n, d, plain, s, c, mu, scratch, js))).toBe(1);
          const simd = new Float64Array(d * d).fill(7);
          weightedCovariance(n, d, held, s, c, mu, scratch, simd);
          expect(same(simd, js)).toBe(true);
          // the definition, summed row by row (another order: equal to rounding)
          for (let j = 0; j < d; j++)
            for (let k = 0; k < d; k++) {
              let t = 0,
                scale = 0;
              for (let i = 0; i < n; i++) {
                const a = s[i]! * plain[i * d + j]! - (mu ? mu[j]! : 0);
                const b = s[i]! * plain[i * d + k]! - (mu ? mu[k]! : 0);
                t += c[i]! * a * b;
                scale += Math.abs(c[i]! * a * b);
              }
              expect(Math.abs(js[j * d + k]! - t)).toBeLessThanOrEqual(1e-12 * (scale + 1));
              expect(Object.is(js[j * d + k], js[k * d + j])).toBe(true);
            }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gemvTPair is two gemvT calls in one pass, bit for bit, on both paths', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'gemvt-pair');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        // zero weights skip a row for one product and not the other
        const u1 = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : r.normal()));
        const u2 = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : r.normal()));
        const e1 = gemvT(n, d, plain, u1, new Float64Array(d));
        const e2 = gemvT(n, d, plain, u2, new Float64Array(d));
        for (const x of [plain, held]) {
          const o1 = new Float64Array(d).fill(7);
          const o2 = new Float64Array(d).fill(-7);
          expect(countPasses(() => gemvTPair(n, d, x, u1, u2, o1, o2))).toBe(1);
          expect(same(o1, e1) && same(o2, e2)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('distancesAndGemv gives the in-order squared distances to mu and gemv, bit for bit, on both paths', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'distances');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        const s = Float64Array.from({ length: n }, r.normal);
        const mu = Float64Array.from({ length: d }, r.normal);
        const v = Float64Array.from({ length: d }, r.normal);
        const dist = new Float64Array(n);
        for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) dist[i] += (s[i] * plain[i * d + j] - mu[j]) ** 2;
        const proj = gemv(n, d, plain, v, new Float64Array(n));
        for (const x of [plain, held]) {
          const gotDist = new Float64Array(n);
          const gotProj = new Float64Array(n);
          expect(countPasses(() => distancesAndGemv(n, d, x, s, mu, v, gotDist, gotProj))).toBe(1);
          expect(same(gotDist, dist) && same(gotProj, proj)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('projectAndAccumulate is gemv, the weighing and gemvT in one pass of row blocks, bit for bit, on both paths', () => {
    fc.assert(
      fc.property(dims, ({ n, d, seed }) => {
        const r = namedStream(seed, 'project-accumulate');
        const plain = Float64Array.from({ length: n * d }, r.normal);
        const held = copyMatrix(n, d, plain);
        const v = Float64Array.from({ length: d }, r.normal);
        // a nonlinear weighing with zeros (skipped rows), as a loss's per-row factor is
        const weighOne = (p: number, i: number): number => (i % 5 === 0 ? 0 : Math.tanh(p) * (1 + i / n));
        const proj = gemv(n, d, plain, v, new Float64Array(n));
        const coef = Float64Array.from(proj, weighOne);
        const expected = gemvT(n, d, plain, coef, new Float64Array(d));
        for (const x of [plain, held]) {
          const gotProj = new Float64Array(n);
          const gotCoef = new Float64Array(n);
          const out = new Float64Array(d).fill(3);
          let next = 0; // the blocks come in row order and cover every row once
          const passes = countPasses(() =>
            projectAndAccumulate(
              n,
              d,
              x,
              v,
              gotProj,
              (i0, i1, p, c) => {
                expect(i0).toBe(next);
                next = i1;
                for (let i = i0; i < i1; i++) c[i] = weighOne(p[i], i);
              },
              gotCoef,
              out,
            ),
          );
          expect(passes).toBe(1);
          expect(next).toBe(n);
          expect(same(gotProj, proj) && same(gotCoef, coef) && same(out, expected)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('runs on a row range of a held matrix (a subarray view) like on the full one', () => {
    const n = 4000,
      d = 9;
    const r = namedStream(5, 'wasm');
    const held = allocMatrix(n, d);
    for (let i = 0; i < n * d; i++) held[i] = r.normal();
    const v = Float64Array.from({ length: d }, r.normal);
    const from = 1500,
      rows = 2000;
    const view = held.subarray(from * d, (from + rows) * d);
    const plain = Float64Array.from(view);
    expect(kernelsFor(rows, d, view)).not.toBeNull();
    expect(same(gemv(rows, d, view, v, new Float64Array(rows)), gemv(rows, d, plain, v, new Float64Array(rows)))).toBe(true);
  });

  it('rowSquaredNorms agrees with a naive sum of squares', () => {
    const x = Float64Array.from({ length: 35 }, (_, i) => Math.sin(i));
    const out = rowSquaredNorms(5, 7, x);
    for (let i = 0; i < 5; i++) {
      let t = 0;
      for (let j = 0; j < 7; j++) t += x[i * 7 + j] ** 2;
      expect(out[i]).toBeCloseTo(t, 13);
    }
  });
});
