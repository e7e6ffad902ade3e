import { describe, expect, it } from 'vitest';
import { getGlmActivation } from '../../../src/papers/glm/activations.js';
import { labelModel } from '../../../src/papers/glm/labelModels.js';
import { glmRisk } from '../../../src/papers/glm/risk.js';

describe('seed 001 building blocks', () => {
  it('the spurious labels make w_bad an exact stationary point of the squared loss', () => {
    const relu = getGlmActivation('relu');
    const m = labelModel(relu, 'spurious', 150);
    const b = (150 * Math.PI) / 180;
    const dF = (t: number): number =>
      (glmRisk(relu, m, Math.cos(b + t), Math.sin(b + t)) - glmRisk(relu, m, Math.cos(b - t), Math.sin(b - t))) / (2 * t);
    expect(Math.abs(dF(1e-4))).toBeLessThan(1e-5);
    expect(() => labelModel(getGlmActivation('staircase'), 'spurious', 150)).toThrow(/staircase/);
    expect(() => labelModel(relu, 'competing-neuron', 2)).toThrow(/fraction/);
    expect(() => labelModel(relu, 'flip', 0.1)).toThrow(/unknown label noise "flip"/);
  });
});
