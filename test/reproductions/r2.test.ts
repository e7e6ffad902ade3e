import { describe, expect, it } from 'vitest';
import { analyseSigmaRate, r2Plan } from '../../reproductions/r2-error-vs-sigma.js';

describe('R2 in steps: the analysis on made-up errors', () => {
  const plan = r2Plan(false);
  /** error = c sigma^gamma with a small per-seed factor. */
  const errors = (gamma: number) => plan.sigmas.map((sigma) => plan.seeds.map((k) => 0.3 * sigma ** gamma * (1 + 0.01 * (k % 3))));

  it('an error linear in sigma holds the rate, with median / sigma constant', () => {
    const a = analyseSigmaRate(plan, errors(1));
    expect(a.claim.verdict).toBe('holds');
    expect(a.t.slope).toBeCloseTo(1, 10);
    expect(Math.max(...a.ratios) / Math.min(...a.ratios)).toBeCloseTo(1, 3);
    expect(a.rows).toHaveLength(2 * plan.sigmas.length);
  });
  it('a sigma-free floor (error like sigma^0.3) fails it', () => {
    expect(analyseSigmaRate(plan, errors(0.3)).claim.verdict).toBe('does not hold');
  });
});
