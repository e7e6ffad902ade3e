import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { gradientDescent } from '../../src/solver/gradientDescent.js';
import { fieldStep } from '../../src/solver/fieldStep.js';
import { getLink } from '../../src/model/links.js';

const base: InstanceSettings = { d: 20, n: 3000, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.3, eps: 0, adversary: 'none', seed: 1 };

describe('solver', () => {
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
});
