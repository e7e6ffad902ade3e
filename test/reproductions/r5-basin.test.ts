import { describe, expect, it } from 'vitest';
import { REPRODUCTION } from '../../src/audit/bounds.js';
import { analyseExact, analyseMonteCarlo, basinPlan, type ExactRow, type MonteCarloRow } from '../../reproductions/r5-basin.js';

describe('R5 in steps: the plan, and the analysis on synthetic results', () => {
  const plan = basinPlan(false);

  it('the plan: every link at every norm exactly, the target links at every d by Monte Carlo', () => {
    expect(plan.exactGrid).toHaveLength(5 * plan.norms.length);
    expect(plan.mcGrid).toHaveLength(2 * plan.dims.length);
    expect(basinPlan(true).mc.n).toBeGreaterThan(plan.mc.n);
  });

  it('the exact radii: the smallest r / |w*| on gelu and swish, and the largest r_LH / r', () => {
    // radius 0.5 |w*| everywhere but relu (0.1); r_LH a third of r, except one at twice it
    const rows: ExactRow[] = plan.exactGrid.map((g, k) => ({
      b: { lambdaMinAtOptimum: 0.2, radius: (g.link === 'relu' ? 0.1 : 0.5) * g.s, found: true },
      lh: { rho: 1, radius: ((k === 3 ? 2 : 1) / 3) * (g.link === 'relu' ? 0.1 : 0.5) * g.s },
    }));
    const r = analyseExact(plan, rows);
    const m = Object.fromEntries(r.claims.map((c) => [c.id, c]));
    expect(m['R5-basin-exists']!.measured).toBeCloseTo(0.5, 12); // relu is not a target link
    expect(m['R5-basin-exists']!.verdict).toBe('holds');
    expect(m['R5-lipschitz-conservative']!.measured).toBeCloseTo(2 / 3, 12);
    expect(r.exact).toHaveLength(plan.exactGrid.length);
  });

  it('the Monte Carlo rays: R5-d-independent reads the largest z of any ray point', () => {
    const rows: MonteCarloRow[] = plan.mcGrid.map((_, k) => ({
      ray: [1, 0.5, 0.1, 0, -0.1, -0.2],
      exact: [1, 0.5, 0.1, 0, -0.1, -0.2],
      z: [0.5, 1, k === 2 ? REPRODUCTION.monteCarloZ + 1 : 1.5, 0, 0, 0],
      crossing: 1.02,
      radius: 1,
    }));
    const r = analyseMonteCarlo(plan, rows);
    expect(r.claim.measured).toBe(REPRODUCTION.monteCarloZ + 1);
    expect(r.claim.verdict).toBe('does not hold');
    expect(r.mcTable[0]!.slice(3)).toEqual(['1.02', '1', '0.02']);
  });
});
