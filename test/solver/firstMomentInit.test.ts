import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { firstMomentInit } from '../../src/solver/firstMomentInit.js';
import { distance } from '../../src/kernels/vec.js';

const base: InstanceSettings = { d: 20, n: 3000, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.3, eps: 0, adversary: 'none', seed: 1 };

describe('solver', () => {
  it('first-moment init gives w*/2 * 2 for self-gated links', () => {
    const inst = generateInstance({ ...base, link: 'relu', n: 20000, d: 5, sigma: 0.1 });
    const init = firstMomentInit(inst.sample, { link: 'relu', eps: 0, robust: false });
    expect(distance(init.w0, inst.wstar)).toBeLessThan(0.05);
    const tanh = generateInstance({ ...base, link: 'tanh', n: 20000, d: 5, sigma: 0.1 });
    expect(distance(firstMomentInit(tanh.sample, { link: 'tanh', eps: 0.05, robust: true }).w0, tanh.wstar)).toBeLessThan(0.15);
  });
});
