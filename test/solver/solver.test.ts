import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { fit } from '../../src/solver/methods.js';
import { spectralInit } from '../../src/solver/spectralInit.js';
import { firstMomentInit } from '../../src/solver/firstMomentInit.js';
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

  it('snapshot: the robust fit of a fixed instance (catches numeric drift)', () => {
    const inst = generateInstance({ ...base, d: 6, n: 800, eps: 0.05, adversary: 'spectral-plant', noise: 'student-t:3' });
    const r = fit(inst.sample, { link: 'gelu', eps: 0.05, seed: 1, method: 'robust' });
    expect({ w: Array.from(r.w, (t) => t.toPrecision(10)), iterations: r.iterations }).toMatchSnapshot();
    const s = spectralInit(inst.sample, { link: 'gelu', eps: 0.05, robust: true });
    expect(Array.from(s.w0, (t) => t.toPrecision(10))).toMatchSnapshot();
  });
});
