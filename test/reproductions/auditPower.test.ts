import { describe, expect, it } from 'vitest';
import { analyseSize, analyseZoo, powerPlan, type AuditTally } from '../../reproductions/audit-power.js';
import { clopperPearsonUpper } from '../../src/stats/clopperPearsonUpper.js';

const tally = (caughtBy: string[], margin = 0.5): AuditTally => ({
  caughtBy,
  calibratedFailed: [],
  maxMargin: { 'eps-rate': margin },
  seconds: 1,
});
const zooSpec = {
  flaws: ['a-flaw', 'b-flaw'],
  magnitudes: [
    [0.1, 1],
    [0.5, 2, 8],
  ],
};

describe('the power report in steps', () => {
  it('the plan: every magnitude at quick scale, the smallest only with --full; 40 and 10 size seeds', async () => {
    const quick = await powerPlan(false, zooSpec);
    expect(quick.cells.map((c) => `${c.flaw}@${c.magnitude}`)).toEqual(['a-flaw@0.1', 'a-flaw@1', 'b-flaw@0.5', 'b-flaw@2', 'b-flaw@8']);
    expect(quick.sizeSeeds).toHaveLength(40);
    const full = await powerPlan(true, zooSpec);
    expect(full.cells.map((c) => c.magnitude)).toEqual([0.1, 0.5]);
    expect(full.sizeSeeds).toHaveLength(10);
    expect(full.profile.name).toBe('deep');
  });

  it('the zoo: smallest magnitude caught per flaw, and power-largest-quick fails when a largest magnitude is missed', async () => {
    const plan = await powerPlan(false, zooSpec);
    const all = analyseZoo(plan, [tally([]), tally(['eps-rate']), tally([]), tally(['d-rate']), tally(['d-rate'])]);
    expect(all.smallestRows).toEqual([
      ['a-flaw', '0.1, 1', '1'],
      ['b-flaw', '0.5, 2, 8', '2'],
    ]);
    expect(all.claims[0].verdict).toBe('holds');
    expect(all.tiles[0].label).toBe('missed (0.5)');
    const missed = analyseZoo(plan, [tally([]), tally(['eps-rate']), tally([]), tally(['d-rate']), tally([])]);
    expect(missed.claims[0].measured).toBe(0.5);
    expect(missed.claims[0].verdict).toBe('does not hold');
  });

  it('size: false alarms counted over the verdict, with their Clopper-Pearson bound', async () => {
    const plan = await powerPlan(false, zooSpec);
    const size = plan.sizeSeeds.map((_, k) => tally(k < 3 ? ['sigma-rate'] : []));
    const a = analyseSize(plan, size);
    expect(a.falseAlarms).toBe(3);
    expect(a.claim.verdict).toBe('does not hold'); // 3 or more of 40
    expect(a.upper95).toBe(clopperPearsonUpper(3, 40));
  });
});
