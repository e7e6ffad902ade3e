import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditBattery, runCount } from '../../src/audit/battery.js';
import { runBattery, type PropertyOutcome } from '../../src/audit/runBattery.js';
import { runBatteryOnSweep } from '../../src/audit/runBatteryOnSweep.js';
import { estimator } from '../../src/solver/methods.js';
import { QUICK_SEED } from '../../src/audit/profile.js';
import { Sweep } from '../../src/sweep/sweep.js';
import { Journal } from '../../src/sweep/journal.js';
import { createTaskRunner } from '../../src/sweep/taskRunner.js';

const profile = { name: 'quick' as const, scale: 1, seed: QUICK_SEED };
const withoutTimes = (outcomes: PropertyOutcome[]) => outcomes.map(({ seconds: _, ...rest }) => rest);

describe('runBatteryOnSweep', () => {
  it('fc.sample gives, in order, the inputs fc.check tries, for every property of the battery (what it relies on)', () => {
    const e = estimator('robust');
    for (const p of auditBattery((data, o) => e(data, o).w, { profile })) {
      const numRuns = runCount(p, profile);
      const tried: unknown[] = [];
      fc.check(
        fc.property(p.arbitrary, (input) => {
          tried.push(input);
          return true;
        }),
        { numRuns, seed: profile.seed },
      );
      expect(fc.sample(p.arbitrary, { numRuns, seed: profile.seed })).toEqual(tried);
    }
  });

  it('gives the sequential outcome, for a property that holds and one that fails (shrunk, with seed and path)', async () => {
    const e = estimator('plain');
    const options = { skip: ['eps-rate', 'sigma-rate', 'n-rate', 'd-rate', 'breakdown', 'P6-rotation-equivariance'] };
    const props = auditBattery((data, o) => e(data, o).w, { ...options, profile });
    const sequential = runBattery(props, profile);
    expect(sequential.find((o) => o.id === 'P1-error-bound')?.holds).toBe(false); // plain breaks under the adversaries
    expect(sequential.find((o) => o.id === 'exact-recovery')?.holds).toBe(true);
    const runner = createTaskRunner(0);
    try {
      const sweep = new Sweep({ runner, journal: new Journal(null, [], 'test') });
      const spread = await runBatteryOnSweep(props, profile, 'plain', sweep, undefined, options);
      expect(withoutTimes(spread)).toEqual(withoutTimes(sequential));
    } finally {
      await runner.close();
    }
  }, 120000);
});
