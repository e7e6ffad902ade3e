import { describe, expect, it } from 'vitest';
import { analyseAlignment, cosThreshold, r6Plan, type SeedAlignment } from '../../reproductions/r6-spectral-alignment.js';

describe('R6 in steps: the plan, and the analysis on made-up alignments', () => {
  const plan = r6Plan(false);
  const r = 0.8;
  /** Every cell: robust cos `rc` and share 0.3; plain cos 0.95 except under spectral-plant (`plant`). */
  const measured = (rc: number, plant: number): SeedAlignment[][] =>
    plan.grid.map((g) =>
      plan.seeds.map(() => ({
        robust: { cos: rc, share: 0.3 },
        plain: { cos: g.adversary === 'spectral-plant' ? plant : 0.95, share: 0.4 },
      })),
    );

  it('the grid covers every adversary at every n/d, including the d log d threshold', () => {
    expect(plan.grid).toHaveLength(plan.adversaries.length * plan.ratios.length);
    expect(plan.ratios).toContain(Math.ceil(plan.logd));
  });

  it('the basin threshold on the cosine: |w0 - w*| = r exactly at it', () => {
    const c = cosThreshold(r, 1);
    expect(Math.sqrt(2 - 2 * c)).toBeCloseTo(r, 12);
  });

  it('holds every claim when the robust start is aligned and the plain one is planted away', () => {
    const a = analyseAlignment(plan, r, measured(0.99, 0.1));
    expect(a.claims.map((c) => c.verdict)).toEqual(['holds', 'holds', 'holds']);
    expect(a.table).toHaveLength(plan.grid.length);
  });

  it('fails R6-robust-aligned when the robust start misses, and R6-plain-breaks when the plant does not bite', () => {
    const a = analyseAlignment(plan, r, measured(0.2, 0.99));
    expect(a.claims.map((c) => c.verdict)).toEqual(['does not hold', 'holds', 'does not hold']);
  });
});
