import { describe, expect, it } from 'vitest';
import { getGlmActivation } from '../../../src/papers/glm/activations.js';
import { normalCdf } from '../../../src/model/links.js';

describe('seed 001 building blocks', () => {
  it("smoothed derivatives: relu at rho gives Phi(rho t / sqrt(1 - rho^2)); every one tends to sigma' as rho -> 1 away from jumps", () => {
    const relu = getGlmActivation('relu');
    expect(relu.smoothedDerivative(0.6, 1)).toBeCloseTo(normalCdf(0.6 / 0.8), 12);
    const sig = getGlmActivation('sigmoid');
    expect(sig.smoothedDerivative(0.9999, 0.5)).toBeCloseTo(sig.dphi(0.5), 3);
    const st = getGlmActivation('staircase');
    expect(st.smoothedDerivative(0.9999, 0.5)).toBeLessThan(1e-10);
    expect(st.smoothedDerivative(0.5, 0)).toBeGreaterThan(0.1);
    expect(() => getGlmActivation('tanh')).toThrow(/unknown activation "tanh"/);
  });
});
