import { describe, expect, it } from 'vitest';
import { FIT_OVER_OWN_FLOOR, SMALL_FIT_PASSES, measureSmallFits, smallFitBound, type SmallFitTiming } from '../../src/bench/smallFits.js';

describe('small fits against one pass of X', () => {
  it('measures a fit, its passes and one plain pass in the same units', () => {
    const [t] = measureSmallFits(1, [{ d: 4, n: 600, link: 'relu' }]);
    expect(t).toMatchObject({ d: 4, n: 600, link: 'relu' });
    expect(t!.fitMs).toBeGreaterThan(0);
    expect(t!.passMs).toBeGreaterThan(0);
    expect(t!.iterations).toBeGreaterThan(0);
    expect(t!.countedPasses).toBeGreaterThan(0);
    expect(t!.passesOfX).toBeCloseTo(t!.fitMs / t!.passMs, 10);
  }, 30000);

  it('bounds a fit by 150 passes, or by 3 times its own passes where it makes more than 150', () => {
    const base: SmallFitTiming = {
      d: 5,
      n: 100,
      link: 'gelu',
      fitMs: 1,
      passMs: 0.01,
      iterations: 10,
      countedPasses: 149,
      passesOfX: 100,
      nsPerRowIteration: 1,
    };
    expect(smallFitBound(base)).toEqual({ bound: SMALL_FIT_PASSES, rule: 'passes' });
    expect(smallFitBound({ ...base, countedPasses: 150 })).toEqual({ bound: FIT_OVER_OWN_FLOOR * 150, rule: 'own-floor' });
  });
});
