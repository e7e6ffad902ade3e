import { describe, expect, it } from 'vitest';
import { getGlmActivation } from '../../../src/papers/glm/activations.js';
import { labelModel } from '../../../src/papers/glm/labelModels.js';
import { fitGlm, frameOf, glmSample } from '../../../src/papers/glm/fitGlm.js';

describe('seed 001 building blocks', () => {
  it('fits: all fields recover w* without noise (relu); plain GD cannot move on the staircase', () => {
    const relu = getGlmActivation('relu');
    const s = glmSample(5, 4000, labelModel(relu, 'none', 0), 2);
    for (const method of ['surrogate', 'riemannian-ou', 'plain-gd'] as const)
      expect(frameOf(s, fitGlm(s, relu, { method, seed: 2 })).alpha).toBeGreaterThan(0.999);
    const st = getGlmActivation('staircase');
    const t = glmSample(5, 4000, labelModel(st, 'none', 0), 2);
    const w0 = fitGlm(t, st, { method: 'plain-gd', seed: 2, steps: 0 });
    expect(fitGlm(t, st, { method: 'plain-gd', seed: 2 })).toEqual(w0);
    expect(() => fitGlm(t, st, { method: 'adam' as never, seed: 2 })).toThrow(/unknown method/);
    expect(() => glmSample(5, 5, labelModel(st, 'none', 0), 2)).toThrow(/too few rows/);
  });
});
