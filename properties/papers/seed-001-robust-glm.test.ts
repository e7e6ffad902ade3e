import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GLM_ACTIVATIONS, getGlmActivation, type GlmActivationName } from '../../src/papers/glm/activations.js';
import { labelModel } from '../../src/papers/glm/labelModels.js';
import { glmRisk, planeOpt } from '../../src/papers/glm/risk.js';
import { fitGlm, frameOf, glmSample, type GlmMethod } from '../../src/papers/glm/fitGlm.js';
import { sharpness } from '../../src/papers/glm/sharpness.js';
import { GLM } from '../../src/audit/bounds.js';
import { seedArb } from '../../src/audit/arbitraries.js';
import { params, PROFILE } from '../support.js';

/** Seed 001's claims as properties (bounds and their calibration: GLM in src/audit/bounds.ts). */
const caseArb = fc.record({
  act: fc.constantFrom<GlmActivationName>(...GLM_ACTIVATIONS),
  noise: fc.constantFrom('competing-neuron', 'bounded-shift'),
  level: fc.constantFrom(0.05, 0.1, 0.2, 0.3),
  seed: seedArb,
});
type Case = typeof caseArb extends fc.Arbitrary<infer U> ? U : never;

/** F(w_hat) / (C OPT_plane + eps) for one case and method. */
function ratio(c: Case, method: GlmMethod): number {
  const act = getGlmActivation(c.act);
  const model = labelModel(act, c.noise, c.level);
  const sample = glmSample(GLM.d, GLM.n, model, c.seed);
  const f = frameOf(sample, fitGlm(sample, act, { method, seed: c.seed }));
  return glmRisk(act, model, f.alpha, f.beta, f.gamma) / (GLM.C * planeOpt(act, model).opt + GLM.epsTarget);
}

describe('seed 001: robust GLM learning under adversarial label noise', () => {
  for (const method of ['surrogate', 'riemannian-ou'] as const) {
    it(`${method}: F(w_hat) <= C OPT + eps with one constant C for every activation and noise level`, () => {
      const margins: number[] = [];
      fc.assert(
        fc.property(caseArb, (c) => {
          const r = ratio(c, method);
          margins.push(r);
          return r <= 1;
        }),
        params(3) as fc.Parameters<[unknown]>,
      );
      console.log(
        `seed-001 ${method}: ${margins.length} runs, margin max ${Math.max(...margins).toPrecision(3)} (profile ${PROFILE.name})`,
      );
    });
  }

  it("contrast that must fail: plain GD on the staircase (sigma' = 0 a.e.) misses C OPT + eps", () => {
    const arb = caseArb.map((c) => ({ ...c, act: 'staircase' as const }));
    const details = fc.check(
      fc.property(arb, (c) => ratio(c, 'plain-gd') <= 1),
      params(3) as fc.Parameters<[Case]>,
    );
    expect(details.failed, 'plain GD met the bound on the staircase every time').toBe(true);
    console.log(
      `seed-001 plain-gd: shrunk counterexample ${JSON.stringify(details.counterexample![0])} (seed ${details.seed}, path "${details.counterexamplePath}")`,
    );
  });

  it('the alignment-sharpness inequality holds on sampled instances, every field', () => {
    const arb = fc.record({
      c: caseArb,
      degrees: fc.integer({ min: 5, max: 175 }),
      field: fc.constantFrom('ou', 'surrogate', 'derivative' as const),
    });
    fc.assert(
      fc.property(arb, ({ c, degrees, field }) => {
        const act = getGlmActivation(c.act);
        if (act.name === 'staircase' && field === 'derivative') return true; // sigma' = 0: both sides are 0
        const model = labelModel(act, c.noise, c.level);
        const sample = glmSample(GLM.d, 5000, model, c.seed);
        const t = (degrees * Math.PI) / 180;
        const w = Float64Array.from(sample.wstar, (v, j) => Math.cos(t) * v + Math.sin(t) * sample.e2[j]);
        const r = sharpness(act, sample, w, field, planeOpt(act, model).atWstar);
        return r.lhs - r.rhs >= -GLM.sharpnessZ * r.se;
      }),
      params(5) as fc.Parameters<[unknown]>,
    );
  });
});
