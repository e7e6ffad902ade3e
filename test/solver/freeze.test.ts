// The freeze rule of the descent (src/solver/freeze.ts).
import { describe, expect, it } from 'vitest';
import { FreezeTracker, FREEZE_PATIENCE, FREEZE_TOLERANCE, UNFREEZE_FACTOR } from '../../src/solver/freeze.js';
import { generateInstance } from '../../src/instance/instance.js';
import { settingsOf } from '../../src/audit/arbitraries.js';
import { estimator } from '../../src/solver/methods.js';

describe('FreezeTracker', () => {
  it('freezes below FREEZE_TOLERANCE, or after FREEZE_PATIENCE steps without halving the best; refuses a jump under frozen weights and unfreezes', () => {
    const small = new FreezeTracker();
    small.record(FREEZE_TOLERANCE / 2);
    expect(small.frozen).toBe(true);
    expect(small.refuses(UNFREEZE_FACTOR * FREEZE_TOLERANCE * 0.99)).toBe(false);
    expect(small.refuses(UNFREEZE_FACTOR * FREEZE_TOLERANCE * 1.01)).toBe(true);
    expect(small.frozen).toBe(false);
    const wandering = new FreezeTracker();
    wandering.record(0.01);
    for (let k = 0; k < FREEZE_PATIENCE - 1; k++) {
      wandering.record(0.006);
      expect(wandering.frozen).toBe(false);
    }
    wandering.record(0.006);
    expect(wandering.frozen).toBe(true);
    const shrinking = new FreezeTracker();
    for (let k = 0, r = 0.1; k < 3 * FREEZE_PATIENCE; k++, r /= 2.5) shrinking.record(r);
    expect(shrinking.frozen).toBe(true); // reached FREEZE_TOLERANCE
    const refrozen = new FreezeTracker();
    refrozen.refreeze();
    expect(refrozen.refuses(1)).toBe(false); // the first step under new weights sets the scale
    refrozen.record(0.02);
    expect(refrozen.refuses(0.19)).toBe(false);
    expect(refrozen.refuses(0.21)).toBe(true);
  });
});

describe('freezing far from the answer (regression)', () => {
  it('a relu descent from a poor start does not freeze while still travelling (deep audit seed 7: error 6.1 before FREEZE_WANDER, 0.29 after)', () => {
    const c = {
      link: 'relu',
      norm: 1,
      noiseToSignal: 0.5,
      noise: 'gaussian',
      d: 3,
      samplesPerDim: 200,
      eps: 0.1,
      adversary: 'label-shift',
      seed: 768517532,
    } as const;
    const inst = generateInstance(settingsOf(c));
    const r = estimator('robust')(inst.sample, { link: 'relu', eps: 0.1, seed: c.seed });
    expect(Math.hypot(...r.w.map((t, j) => t - inst.wstar[j]))).toBeLessThan(0.5);
  });
});
