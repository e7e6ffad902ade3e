import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditBattery, runCount } from '../../src/audit/battery.js';
import { estimator } from '../../src/solver/methods.js';
import { QUICK_SEED } from '../../src/audit/profile.js';

describe('the parallel audit draws what fast-check would', () => {
  it('fc.sample gives, in order, the inputs fc.check tries, for every property of the battery', () => {
    const e = estimator('robust');
    const profile = { name: 'quick' as const, scale: 1, seed: QUICK_SEED };
    for (const p of auditBattery((data, o) => e(data, o).w, { profile })) {
      const numRuns = runCount(p, profile);
      const tried: unknown[] = [];
      fc.check(fc.property(p.arbitrary, (input) => { tried.push(input); return true; }), { numRuns, seed: profile.seed });
      expect(fc.sample(p.arbitrary, { numRuns, seed: profile.seed })).toEqual(tried);
    }
  });
});
