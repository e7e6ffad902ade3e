import { describe, expect, it } from 'vitest';
import {
  analyseReach,
  BUDGET_CHECK,
  CLEAN_FACTOR,
  CONSTANT_BOUND,
  FLAT_FACTOR,
  GRID,
  r9Plan,
  reach,
  type ReachResult,
  type ReachSetting,
} from '../../reproductions/r9-guarantee-reach.js';

const sigmas = [0.1, 0.01, 0.001];
const epsGrid = [0.02, 0.05, 0.1, 0.2];

/** Results with error = c sigma sqrt(eps) at eps below `breaksAt`, a fixed 1 (a breakdown) above. */
function synthetic(c: number, breaksAt: number): (sigma: number, eps: number) => ReachResult[] {
  return (sigma, eps) => [1, 1.2].map((k) => ({ error: eps < breaksAt ? k * c * sigma * Math.sqrt(eps) : 1, cleanError: 0.1 * sigma }));
}

describe('R9 analysis: reach', () => {
  it('reads eps_0 as the last flat eps, and the constant below it', () => {
    const r = reach(sigmas, epsGrid, synthetic(2, 0.15));
    expect(r.flatness.slice(0, 3).every((f) => f <= FLAT_FACTOR)).toBe(true);
    expect(r.flatness[3]).toBeCloseTo(100, 6); // a constant error: error / sigma grows like 1 / sigma
    expect(r.eps0).toBe(0.1);
    expect(r.constant).toBeCloseTo(2.4, 10); // the worse of the two seeds
    expect(r.acceptance).toBeCloseTo((2.4 * 0.01 * Math.sqrt(0.1)) / (CONSTANT_BOUND * 0.01 * Math.sqrt(0.1) + CLEAN_FACTOR * 0.001), 10);
  });

  it('a breakdown at the smallest eps gives no eps_0; one flat eps after a broken one does not count', () => {
    const none = reach(sigmas, epsGrid, synthetic(2, 0));
    expect(none.eps0).toBeNull();
    expect(none.constant).toBe(0);
    expect(none.acceptance).toBeGreaterThan(1);
    const gap = reach(sigmas, epsGrid, (sigma, eps) => synthetic(2, eps === 0.05 ? 0 : 1)(sigma, eps));
    expect(gap.eps0).toBe(0.02);
  });
});

describe('R9 in steps: the plan and analyseReach on made-up searches', () => {
  const plan = r9Plan(false);
  /** error = c sigma sqrt(eps) for `robust`; `paper` on leaky-relu a breakdown (error 1). */
  const lookupWith = (c: number) => (s: ReachSetting) => ({
    error: s.method === 'paper' && s.link === 'leaky-relu' ? 1 : c * s.sigma * Math.sqrt(s.eps),
    cleanError: 0.1 * s.sigma,
  });

  it('the plan: every method, link, sigma, eps and seed once; one budget check per method', () => {
    expect(plan.settings).toHaveLength(GRID.methods.length * GRID.links.length * GRID.sigmas.length * GRID.eps.length * plan.seeds.length);
    expect(plan.checks.map((c) => c.budget)).toEqual(GRID.methods.map(() => BUDGET_CHECK.factor * plan.scale.budget));
  });

  it('a robust error 2 sigma sqrt(eps) holds both claims; the paper pipeline broken on one link is counted', () => {
    const lookup = lookupWith(2);
    const checked = plan.checks.map((s) => lookup({ ...s, budget: plan.scale.budget }));
    const a = analyseReach(plan, lookup, checked);
    expect(a.claims.map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(a.paperBroken).toBe(1);
    expect(a.checkRows.every((r) => r[3] === '1')).toBe(true);
    expect(a.reachRows).toHaveLength(GRID.methods.length * GRID.links.length);
  });

  it('a robust error 100 sigma sqrt(eps) fails the constant (beyond 20 sigma sqrt(eps) + 3 clean errors)', () => {
    const lookup = lookupWith(100);
    const a = analyseReach(plan, lookup, plan.checks.map(lookup));
    expect(a.claims.map((c) => c.verdict)).toEqual(['holds', 'does not hold']);
  });
});
