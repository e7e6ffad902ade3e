import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { spectralInit, truncationLevel } from '../../src/solver/spectralInit.js';
import { cosine } from '../../src/kernels/vec.js';

describe('spectralInit', () => {
  it('truncation level: 3 times the median |y|', () => {
    expect(truncationLevel(Float64Array.from([1, -2, 3, -4]))).toBe(3 * 4);
  });
  it('clean gelu data: the start points along w* with about its norm, sign resolved', () => {
    const inst = generateInstance({
      d: 10,
      n: 4000,
      norm: 1.5,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0,
      adversary: 'none',
      seed: 2,
    });
    const r = spectralInit(inst.sample, { link: 'gelu', eps: 0, robust: true });
    expect(cosine(r.w0, inst.wstar)).toBeGreaterThan(0.98);
    expect(Math.hypot(...r.w0) / 1.5).toBeGreaterThan(0.8);
    expect(Math.hypot(...r.w0) / 1.5).toBeLessThan(1.25);
  });
  it('under the spectral plant (the R6 setting at n/d = 200) the robust start stays aligned where the plain one is pulled away', () => {
    const inst = generateInstance({
      d: 20,
      n: 4000,
      norm: 1,
      link: 'gelu',
      noise: 'student-t:3',
      sigma: 0.5,
      eps: 0.05,
      adversary: 'spectral-plant',
      seed: 2,
    });
    const robust = spectralInit(inst.sample, { link: 'gelu', eps: 0.05, robust: true });
    const plain = spectralInit(inst.sample, { link: 'gelu', eps: 0.05, robust: false });
    expect(cosine(robust.w0, inst.wstar)).toBeGreaterThan(0.95);
    expect(Math.abs(cosine(plain.w0, inst.wstar))).toBeLessThan(cosine(robust.w0, inst.wstar) - 0.1);
    // the filter's weights: rows it removed have weight 0, at most 2 eps n of them
    const removed = robust.weights.filter((v) => v === 0).length;
    expect(removed).toBeLessThanOrEqual(2 * 0.05 * 4000);
  });
});
