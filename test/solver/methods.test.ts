import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { fit, estimator, METHOD_NAMES, METHODS } from '../../src/solver/methods.js';

const base: InstanceSettings = { d: 20, n: 3000, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.3, eps: 0, adversary: 'none', seed: 1 };

describe('solver', () => {
  it('every method runs and returns finite numbers of the right length', () => {
    const inst = generateInstance({ ...base, n: 600, d: 8, eps: 0.05, adversary: 'label-shift' });
    for (const method of METHOD_NAMES) {
      const r = estimator(method)(inst.sample, { link: 'gelu', eps: 0.05, seed: 3, maxIterations: 50 });
      expect(r.w.length).toBe(8);
      expect(r.w.every(Number.isFinite)).toBe(true);
      // init-only methods stop at their start; every descent runs and none diverges here
      if (METHODS[method].descent) expect(r.status === 'converged' || r.status === 'max-iterations').toBe(true);
      else expect(r.status).toBe('init-only');
    }
  });

  it('fit rejects bad input with a message naming it', () => {
    const inst = generateInstance({ ...base, n: 100, d: 4 });
    expect(() => fit(inst.sample, { link: 'gelu', eps: 0, seed: 1, method: 'magic' })).toThrow(/unknown method "magic"/);
    expect(() => fit(inst.sample, { link: 'elu' as never, eps: 0, seed: 1, method: 'robust' })).toThrow(/unknown link/);
    expect(() => fit(inst.sample, { link: 'gelu', eps: 0.5, seed: 1, method: 'robust' })).toThrow(/eps/);
    expect(() =>
      fit(
        { ...inst.sample, n: 4, x: inst.sample.x.slice(0, 16), y: inst.sample.y.slice(0, 4) },
        { link: 'gelu', eps: 0, seed: 1, method: 'robust' },
      ),
    ).toThrow(/too few rows/);
    const bad = { ...inst.sample, y: Float64Array.from(inst.sample.y) };
    bad.y[7] = NaN;
    expect(() => fit(bad, { link: 'gelu', eps: 0, seed: 1, method: 'robust' })).toThrow(/row 8/);
  });

  it('is deterministic: the same data and seed give bit-identical w', () => {
    const inst = generateInstance({ ...base, eps: 0.1, adversary: 'planted-model', noise: 'pareto' });
    const a = fit(inst.sample, { link: 'gelu', eps: 0.1, seed: 5, method: 'robust' });
    const b = fit(inst.sample, { link: 'gelu', eps: 0.1, seed: 5, method: 'robust' });
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
  });
});
