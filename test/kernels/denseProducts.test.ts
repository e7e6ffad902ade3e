import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { denseWorkspace, matmulABt, matmulAtBAccumulate } from '../../src/kernels/denseProducts.js';
import { fixedMemory, kernelInstance } from '../../src/kernels/wasmKernels.js';
import { namedStream } from '../../src/rng/streams.js';

// n, m and d span the tiles' remainders (n mod 4, m mod 2, d mod 8 and mod 2), so every tail
// path of the SIMD kernels runs; some coefficients are zero, so their skipping runs too.
const dims = fc.record({
  n: fc.integer({ min: 1, max: 41 }),
  m: fc.integer({ min: 1, max: 9 }),
  d: fc.integer({ min: 1, max: 37 }),
  seed: fc.noShrink(fc.integer({ min: 0, max: 1e6 })),
});

function filled(len: number, seed: number, name: string, zeros = 0): Float64Array {
  const r = namedStream(seed, name);
  return Float64Array.from({ length: len }, () => (r.uniform() < zeros ? 0 : r.normal()));
}

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** The SIMD kernels on copies of the arguments in a memory of their own. */
function simd(n: number, m: number, d: number, a: Float64Array, b: Float64Array, g: Float64Array) {
  const memory = fixedMemory((a.length + b.length + 2 * n * m + m * d) * 8);
  const k = kernelInstance(memory);
  let off = 0;
  const view = (len: number, from?: Float64Array) => {
    const v = new Float64Array(memory.buffer, off, len);
    if (from) v.set(from);
    off += len * 8;
    return v;
  };
  const [va, vb, vg, u, gw] = [view(n * d, a), view(m * d, b), view(n * m, g), view(n * m), view(m * d)];
  k.matmulABt(n, m, d, va.byteOffset, vb.byteOffset, u.byteOffset);
  k.matmulAtBAccumulate(n, m, d, vg.byteOffset, va.byteOffset, gw.byteOffset);
  return { u: Float64Array.from(u), gw: Float64Array.from(gw) };
}

describe('dense products', () => {
  it('the SIMD kernels equal the JS loops bit for bit, over every tile remainder', () => {
    fc.assert(
      fc.property(dims, ({ n, m, d, seed }) => {
        const a = filled(n * d, seed, 'a'),
          b = filled(m * d, seed, 'b'),
          g = filled(n * m, seed, 'g', 0.4);
        const u = new Float64Array(n * m),
          gw = new Float64Array(m * d);
        matmulABt(n, m, d, a, b, u);
        matmulAtBAccumulate(n, m, d, g, a, gw);
        const s = simd(n, m, d, a, b, g);
        return same(u, s.u) && same(gw, s.gw);
      }),
      { numRuns: 150 },
    );
  });

  it('compute A B^T and G^T X (against a plain triple loop)', () => {
    const n = 13,
      m = 5,
      d = 11;
    const a = filled(n * d, 3, 'a'),
      b = filled(m * d, 3, 'b'),
      g = filled(n * m, 3, 'g', 0.3);
    const u = new Float64Array(n * m),
      gw = new Float64Array(m * d).fill(1); // accumulates onto what is there
    matmulABt(n, m, d, a, b, u);
    matmulAtBAccumulate(n, m, d, g, a, gw);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let t = 0;
        for (let k = 0; k < d; k++) t += a[i * d + k] * b[j * d + k];
        expect(u[i * m + j]).toBeCloseTo(t, 12);
      }
    for (let j = 0; j < m; j++)
      for (let k = 0; k < d; k++) {
        let t = 1;
        for (let i = 0; i < n; i++) t += g[i * m + j] * a[i * d + k];
        expect(gw[j * d + k]).toBeCloseTo(t, 12);
      }
  });

  it('a workspace holds x, runs both products in place and zeroes gw before each backward', () => {
    const n = 9,
      m = 3,
      d = 6;
    const x = filled(n * d, 5, 'x');
    const ws = denseWorkspace(n, m, d, x);
    expect(same(ws.x, x)).toBe(true);
    ws.w.set(filled(m * d, 5, 'w'));
    ws.g.set(filled(n * m, 5, 'g', 0.5));
    ws.forward();
    const u = new Float64Array(n * m);
    matmulABt(n, m, d, x, ws.w, u);
    expect(same(ws.u, u)).toBe(true);
    ws.backward();
    const first = Float64Array.from(ws.gw);
    ws.backward();
    expect(same(ws.gw, first)).toBe(true);
    const gw = new Float64Array(m * d);
    matmulAtBAccumulate(n, m, d, ws.g, x, gw);
    expect(same(first, gw)).toBe(true);
  });
});
