import { describe, expect, it } from 'vitest';
import { getGlmActivation } from '../../../src/papers/glm/activations.js';
import { labelModel } from '../../../src/papers/glm/labelModels.js';
import { planeExpectation } from '../../../src/papers/glm/planeExpectation.js';
import { glmRisk, planeOpt } from '../../../src/papers/glm/risk.js';
import { fitGlm, frameOf, glmSample } from '../../../src/papers/glm/fitGlm.js';
import { normalCdf } from '../../../src/model/links.js';

describe('seed 001 building blocks', () => {
  it('plane integrals are exact for moments and across jumps', () => {
    expect(planeExpectation((a, b) => a * a + b * b, [])).toBeCloseTo(2, 10);
    expect(planeExpectation((a, b) => (a + b > 1 ? 1 : 0), [{ c1: 1, c2: 1, t: 1 }])).toBeCloseTo(1 - normalCdf(1 / Math.SQRT2), 8);
  });
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
    expect(() => glmSample(5, 5, labelModel(st, 'none', 0), 2)).toThrow(/n must be/);
  });
});
