import { describe, expect, it } from 'vitest';
import { GLM } from '../../../src/audit/bounds.js';
import { GLM_ACTIVATIONS } from '../../../src/papers/glm/activations.js';
import { analyseFits, analyseSharpness, glmPlan, type SharpCell } from '../../../reproductions/papers/seed-001-robust-glm.js';

describe('seed 001 in steps: the plan, and the analysis on synthetic results', () => {
  const plan = glmPlan(false);

  it('the plan: per activation no noise, two noises at each level, and the spurious point except on the staircase', () => {
    expect(plan.cases).toHaveLength(GLM_ACTIVATIONS.length * (1 + 2 * plan.levels.length) + (GLM_ACTIVATIONS.length - 1));
    expect(plan.cases.filter((c) => c.noise === 'spurious').map((c) => c.act)).not.toContain('staircase');
    expect(plan.sharpCases).toHaveLength(2 * GLM_ACTIVATIONS.length);
    expect(glmPlan(true).seeds.length).toBeGreaterThan(plan.seeds.length);
  });

  it('E1 reads the worst F / (C OPT + eps) over seeds, E3 plain GD on the noisy staircase', () => {
    const optima = plan.cases.map(() => ({ opt: 0.1, atWstar: 0.12, atBad: 0.15 }));
    const bound = GLM.C * 0.1 + GLM.epsTarget;
    // surrogate at half the bound, riemannian-ou at the bound on one seed, plain GD at twice it
    const fits = plan.cases.map(() => [
      [0.5 * bound, 0.2 * bound, 2 * bound],
      [0.1 * bound, 1 * bound, 2 * bound],
    ]);
    const r = analyseFits(plan, optima, fits);
    const measured = Object.fromEntries(r.claims.map((c) => [c.id, c.measured]));
    expect(measured['E1-surrogate']).toBeCloseTo(0.5, 12);
    expect(measured['E1-riemannian-ou']).toBeCloseTo(1, 12);
    expect(measured['E3-plain-stuck']).toBeCloseTo(2, 12);
    expect(r.table).toHaveLength(plan.cases.length);
    expect(r.spurious).toHaveLength(GLM_ACTIVATIONS.length - 1);
    expect(r.spurious[0]![4]).toBe('1.5'); // F(w_bad) / OPT
    expect(r.points).toHaveLength(plan.cases.length * 3);
  });

  it('E2: the largest (right - z se) / left, and a negative left side that the right exceeds is Infinity', () => {
    const cell = (lhs: number, rhs: number, se: number): SharpCell => ({ field: 'ou', lhs, rhs, se });
    const holding = plan.sharpCases.map(() => [0, 1, 2, 3].map(() => [cell(1, 0.5 + GLM.sharpnessZ * 0.1, 0.1)]));
    expect(analyseSharpness(plan, holding).claim.measured).toBeCloseTo(0.5, 12);
    const broken = holding.map((c, i) => (i === 0 ? [[cell(-1, 0, 0.1)], ...c.slice(1)] : c));
    expect(analyseSharpness(plan, broken).claim.measured).toBe(Infinity);
    expect(analyseSharpness(plan, holding).sharpRows).toHaveLength(plan.sharpCases.length * 4);
  });
});
