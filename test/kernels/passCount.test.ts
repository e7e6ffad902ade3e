import { describe, expect, it } from 'vitest';
import { countPasses } from '../../src/kernels/passCount.js';
import { powerStep } from '../../src/kernels/powerStep.js';
import { rowSquaredNorms } from '../../src/kernels/rowSquaredNorms.js';
import { gemv } from '../../src/kernels/gemv.js';
import { gemvT } from '../../src/kernels/gemvT.js';

describe('kernels', () => {
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
