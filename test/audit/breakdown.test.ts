import { describe, expect, it } from 'vitest';
import { breakdownCount } from '../../src/audit/breakdown.js';
import { rateDesign } from '../../src/audit/battery.js';
import { estimator } from '../../src/solver/methods.js';
import type { AuditedFit } from '../../src/audit/fitError.js';

// three seeds per adversary (the quick audit runs eight): 24 fits
const design = { ...rateDesign({ name: 'quick', scale: 1, seed: 1 }), seedsPerPoint: 3 };
const gelu = { link: 'gelu', norm: 1, noise: 'gaussian', seed: 7 } as const;

describe('breakdownCount', () => {
  it('the robust solver breaks down at none of 24 fits; least squares, which does not filter, at enough to fail', () => {
    const robust: AuditedFit = (data, o) => estimator('robust')(data, o).w;
    const r = breakdownCount(robust, gelu, design);
    expect(r.fits).toBe(24);
    expect(r.measured).toBe(0);
    expect(r.bound).toBe(1); // 2 of 24 at a per-fit probability of 0.001 and alpha 0.002
    expect(r.worst).toBeLessThan(0.05);
    const plain: AuditedFit = (data, o) => estimator('plain')(data, o).w;
    const p = breakdownCount(plain, gelu, design);
    expect(p.measured).toBeGreaterThan(p.bound);
    expect(Object.values(p.perAdversary).reduce((a, b) => a + b, 0)).toBe(p.measured);
    expect(p.detail).toMatch(/of 24 fits erred more than \|w\*\|/);
  }, 120000);
});
