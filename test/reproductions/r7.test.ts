import { describe, expect, it } from 'vitest';
import { analyseBattery, r7Plan } from '../../reproductions/r7-adversary-battery.js';
import { errorBound } from '../../src/audit/errorBound.js';
import { BOUNDS } from '../../src/audit/bounds.js';
import type { Summary } from '../../src/stats/summary.js';

/** A summary whose median and p90 are given (the analysis reads only those two). */
const cellOf = (median: number, p90 = median): Summary => ({ median, p90 }) as Summary;

describe('R7 in steps: the analysis on made-up cells', () => {
  const plan = r7Plan(false);
  const bound = errorBound(plan.common);

  it('marks each estimator worst cell, ranks the worst cases, and holds when robust stays bounded and the baselines break', () => {
    const a = analyseBattery(plan, (m, adv) => {
      if (m === 'robust') return cellOf(adv === 'leverage' ? 0.5 * bound : 0.1 * bound, adv === 'leverage' ? 0.8 * bound : 0.2 * bound);
      if (['plain', 'random-gd', 'glmtron', 'huber'].includes(m)) return cellOf(adv === 'sign-flip' ? 2 * BOUNDS.leverageBreak : 0.1);
      return cellOf(0.05);
    });
    expect(a.worst.get('robust')!.adversary).toBe('leverage');
    const robustRow = a.medianRows.find((r) => r[0] === 'robust')!;
    expect(robustRow.filter((v) => v.startsWith('**'))).toHaveLength(1);
    expect(a.ranking.at(-1)).toMatch(/\(sign-flip\)$/);
    expect(a.claims.map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(a.claims[0].measured).toBeCloseTo(0.8 * bound, 12);
    expect(a.tiles).toHaveLength(plan.estimators.length * plan.adversaries.length);
  });

  it('fails when robust exceeds the P1 bound, or a non-robust baseline survives every adversary', () => {
    const a = analyseBattery(plan, (m) => cellOf(m === 'robust' ? 0.5 * bound : 0.1, m === 'robust' ? 2 * bound : 0.1));
    expect(a.claims.map((c) => c.verdict)).toEqual(['does not hold', 'does not hold']);
  });
});
