import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { fit, estimator, METHOD_NAMES, METHODS } from '../../src/solver/methods.js';
import { gradientDescent } from '../../src/solver/gradientDescent.js';
import { fieldStep } from '../../src/solver/fieldStep.js';
import { spectralInit, truncationLevel } from '../../src/solver/spectralInit.js';
import { firstMomentInit } from '../../src/solver/firstMomentInit.js';
import { fitScale } from '../../src/solver/scaleFit.js';
import { getLink } from '../../src/model/links.js';
import { distance } from '../../src/kernels/vec.js';

const base: InstanceSettings = { d: 20, n: 3000, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.3, eps: 0, adversary: 'none', seed: 1 };

describe('solver', () => {
  it('recovers w* to 1e-6 without noise or corruption (gelu, swish, tanh, relu, linear)', () => {
    for (const link of ['gelu', 'swish', 'tanh', 'relu', 'linear'] as const) {
      const inst = generateInstance({ ...base, link, sigma: 0, norm: 1.2 });
      const r = fit(inst.sample, { link, eps: 0, seed: 1, method: 'robust' });
      expect(distance(r.w, inst.wstar)).toBeLessThan(1e-6);
      expect(r.status).toBe('converged');
    }
  });

  it('recovers the norm of w* for the non-homogeneous links', () => {
    for (const norm of [0.5, 2]) {
      const inst = generateInstance({ ...base, link: 'swish', norm, sigma: 0.1 });
      const r = fit(inst.sample, { link: 'swish', eps: 0, seed: 1, method: 'robust' });
      expect(Math.abs(Math.hypot(...r.w) - norm)).toBeLessThan(0.05);
    }
  });

  it('even links are recovered up to sign', () => {
    const inst = generateInstance({ ...base, link: 'abs', sigma: 0.05, n: 4000 });
    const r = fit(inst.sample, { link: 'abs', eps: 0, seed: 1, method: 'robust' });
    const err = Math.min(
      distance(r.w, inst.wstar),
      distance(
        r.w,
        inst.wstar.map((t) => -t),
      ),
    );
    expect(err).toBeLessThan(0.1);
    expect(() => firstMomentInit(inst.sample, { link: 'abs', eps: 0, robust: true })).toThrow(/even/);
  });

  it('robust beats plain under leverage; plain is broken (error > 0.5)', () => {
    const inst = generateInstance({ ...base, eps: 0.05, adversary: 'leverage', noise: 'student-t:3' });
    const robust = fit(inst.sample, { link: 'gelu', eps: 0.05, seed: 1, method: 'robust' });
    const plain = fit(inst.sample, { link: 'gelu', eps: 0.05, seed: 1, method: 'plain' });
    expect(distance(robust.w, inst.wstar)).toBeLessThan(0.3);
    expect(distance(plain.w, inst.wstar)).toBeGreaterThan(0.5);
  });

  it('first-moment init gives w*/2 * 2 for self-gated links', () => {
    const inst = generateInstance({ ...base, link: 'relu', n: 20000, d: 5, sigma: 0.1 });
    const init = firstMomentInit(inst.sample, { link: 'relu', eps: 0, robust: false });
    expect(distance(init.w0, inst.wstar)).toBeLessThan(0.05);
    const tanh = generateInstance({ ...base, link: 'tanh', n: 20000, d: 5, sigma: 0.1 });
    expect(distance(firstMomentInit(tanh.sample, { link: 'tanh', eps: 0.05, robust: true }).w0, tanh.wstar)).toBeLessThan(0.15);
  });

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

  it('reports divergence with the last finite iterate instead of NaN', () => {
    const inst = generateInstance({ ...base, n: 500, d: 5 });
    const r = gradientDescent(
      inst.sample,
      Float64Array.from(inst.wstar, (t) => 1e200 * t),
      { link: 'square', eps: 0, mean: 'mean', update: 'squared', maxIterations: 10 },
    );
    expect(r.status).toBe('diverged');
    expect(r.w.every(Number.isFinite)).toBe(true);
  });

  it('step size: 1/2 for the linear link (one Newton step for a quadratic)', () => {
    expect(fieldStep(getLink('linear'), 1, 'squared')).toBeCloseTo(0.5, 10);
    expect(fieldStep(getLink('linear'), 1, 'glmtron')).toBeCloseTo(1, 10);
  });

  it('truncation level and the 1-D scale fit', () => {
    expect(truncationLevel(Float64Array.from([1, -2, 3, -4]))).toBe(3 * 4);
    const z = Float64Array.from({ length: 200 }, (_, i) => (i - 100) / 30);
    const link = getLink('tanh');
    const y = z.map((t) => link.phi(-1.7 * t));
    expect(fitScale(link, z, y, { robust: true })).toBeCloseTo(-1.7, 4);
    expect(fitScale(link, z, y, { robust: false })).toBeCloseTo(-1.7, 4);
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

  it('snapshot: the robust fit of a fixed instance (catches numeric drift)', () => {
    const inst = generateInstance({ ...base, d: 6, n: 800, eps: 0.05, adversary: 'spectral-plant', noise: 'student-t:3' });
    const r = fit(inst.sample, { link: 'gelu', eps: 0.05, seed: 1, method: 'robust' });
    expect({ w: Array.from(r.w, (t) => t.toPrecision(10)), iterations: r.iterations }).toMatchSnapshot();
    const s = spectralInit(inst.sample, { link: 'gelu', eps: 0.05, robust: true });
    expect(Array.from(s.w0, (t) => t.toPrecision(10))).toMatchSnapshot();
  });
});
