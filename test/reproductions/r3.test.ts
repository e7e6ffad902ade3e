import { describe, expect, it } from 'vitest';
import { analyseSampleComplexity, r3Plan } from '../../reproductions/r3-sample-complexity.js';

describe('R3 in steps: the analysis on made-up errors', () => {
  const plan = r3Plan(false);
  /** error = c sigma sqrt(d / n) d^gamma (1 + small per-seed jitter): gamma = 0 is dimension-free. */
  const errors = (gamma: number, c = 0.5) =>
    plan.grid.map(({ d, r }) => plan.seeds.map((k) => c * plan.common.sigma * Math.sqrt(1 / r) * d ** gamma * (1 + 0.02 * ((k * 7) % 5))));

  it('the grid: every d at every n/d; the regime is n/d >= 100', () => {
    expect(plan.grid).toHaveLength(plan.dims.length * plan.ratios.length);
    expect(r3Plan(true).ratios.length).toBeGreaterThan(plan.ratios.length);
    const a = analyseSampleComplexity(plan, errors(0));
    expect(a.regime).toEqual([100, 200]);
    expect(a.rows).toHaveLength(plan.grid.length);
  });

  it('a dimension-free error holds both claims, with spread 1 over d', () => {
    const a = analyseSampleComplexity(plan, errors(0));
    expect(a.claims.map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(a.table[0].at(-2)).toBe('1');
  });

  it('an error growing like d^0.5 fails the d-rate; one far above the P1 bound fails R3-bound', () => {
    expect(analyseSampleComplexity(plan, errors(0.5)).claims[0].verdict).toBe('does not hold');
    expect(analyseSampleComplexity(plan, errors(0, 1e3)).claims[1].verdict).toBe('does not hold');
  });
});
