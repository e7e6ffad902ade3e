import { describe, expect, it } from 'vitest';
import { getGlmActivation } from '../../../src/papers/glm/activations.js';
import { labelModel } from '../../../src/papers/glm/labelModels.js';
import { planeExpectation } from '../../../src/papers/glm/planeExpectation.js';
import { glmRisk, planeOpt } from '../../../src/papers/glm/risk.js';

describe('seed 001 building blocks', () => {
  it('risk: 0 at w* without noise; competing neuron L(w*) = p E[(sigma(u.x) - sigma(w*.x))^2]; OPT_plane <= L(w*)', () => {
    const relu = getGlmActivation('relu');
    expect(glmRisk(relu, labelModel(relu, 'none', 0), 1, 0)).toBeLessThan(1e-12);
    const m = labelModel(relu, 'competing-neuron', 0.2);
    const a = (120 * Math.PI) / 180;
    const pure = planeExpectation((z1, z2) => (relu.phi(Math.cos(a) * z1 + Math.sin(a) * z2) - relu.phi(z1)) ** 2, m.lines);
    expect(glmRisk(relu, m, 1, 0)).toBeCloseTo(0.2 * pure, 8);
    const o = planeOpt(relu, m);
    expect(o.opt).toBeLessThanOrEqual(o.atWstar + 1e-12);
    // the out-of-plane part: a unit w with gamma > 0 is integrated exactly (matches the in-plane value at gamma -> 0)
    expect(glmRisk(relu, m, 0.8, 0.6, 1e-6)).toBeCloseTo(glmRisk(relu, m, 0.8, 0.6), 4);
  });
});
