import { describe, expect, it } from 'vitest';
import { PRELU } from '../../../src/audit/bounds.js';
import { analysePrelu, type PreluRun, preluPlan } from '../../../reproductions/papers/seed-004-prelu-gmm.js';

const OPTIMAL = Math.SQRT2 / 2;

describe('seed 004 in steps: the plan, and the analysis on synthetic results', () => {
  const plan = preluPlan(false);

  it('the plan: one run per p and seed; the paper scale is larger', () => {
    expect(plan.runs).toHaveLength(4 * plan.seeds.length);
    expect(preluPlan(true).scale.D).toBeGreaterThan(plan.scale.D);
  });

  it('P1 reads the worst seed of p = 3 and 4, P2 the best seed of ReLU, against the optimal radius', () => {
    // median radius: p * 0.25 * OPTIMAL at the first seed, 10% more at the second
    const run = (p: number, k: number): PreluRun => {
      const r = Math.min(1, p * 0.25) * OPTIMAL * (k === 0 ? 1 : 1.1);
      return { steps: 100, fitted: true, accuracy: 1, radii: [r, r, r], checkpoints: [{ step: 10, radius: r / 2 }] };
    };
    const results = plan.runs.map(({ p, seed }) => run(p, plan.seeds.indexOf(seed)));
    const a = analysePrelu(plan, results);
    const m = Object.fromEntries(a.claims.map((c) => [c.id, c]));
    expect(m['P1-p3-nearly-optimal']!.measured).toBeCloseTo(0.75, 12);
    expect(m['P1-p3-nearly-optimal']!.verdict).toBe('does not hold'); // 0.75 < 0.9
    expect(m['P1-p4-nearly-optimal']!.measured).toBeCloseTo(1, 12);
    expect(m['P2-relu-not-robust']!.measured).toBeCloseTo(0.25 * 1.1, 12);
    expect(m['P2-relu-not-robust']!.verdict).toBe(0.275 <= PRELU.nearlyOptimalShare ? 'holds' : 'does not hold');
    expect(a.reluRadius).toBeCloseTo(0.25 * 1.1 * OPTIMAL, 12);
    expect(a.table).toHaveLength(plan.runs.length);
    expect(a.curves).toHaveLength(plan.runs.length);
  });
});
