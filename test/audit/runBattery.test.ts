import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asProperty, type BatteryProperty } from '../../src/audit/battery.js';
import { runBattery } from '../../src/audit/runBattery.js';
import type { ShrinkProgress } from '../../src/audit/shrinkWatch.js';
import { QUICK_SEED } from '../../src/audit/profile.js';

/** A property that fails for every x >= 10 (its smallest counterexample is 10), counting its
 *  measurements. */
function failsFromTen(): BatteryProperty<number> & { calls: number } {
  const p = {
    id: 'toy',
    statement: 'x < 10',
    kind: 'claim' as const,
    quickRuns: 50,
    calls: 0,
    arbitrary: fc.integer({ min: 0, max: 1000 }),
    measure: (x: number) => {
      p.calls++;
      return { measured: x, bound: 9.5 };
    },
  };
  return p;
}

const profile = { name: 'quick' as const, scale: 1, seed: QUICK_SEED };

describe('runBattery: the shrink bound', () => {
  it('with time to spare, shrinks to the smallest counterexample, and reports its progress', () => {
    const progress: ShrinkProgress[] = [];
    const [o] = runBattery([failsFromTen()], profile, undefined, { seconds: 1e9, onProgress: (p) => progress.push(p) });
    expect(o.holds).toBe(false);
    expect(o.counterexample).toBe(10);
    expect(o.shrinkStopped).toBeUndefined();
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.smaller).toBeGreaterThan(0);
    expect(progress.every((p) => p.id === 'toy' && p.tries >= p.smaller)).toBe(true);
  });

  it('past its bound, stops measuring and reports the failure found so far, which its seed and path replay', () => {
    let t = 0;
    const p = failsFromTen();
    // every read of the clock is a second later: the bound of 0.5 s is past at the first shrink
    const [o] = runBattery([p], profile, undefined, { seconds: 0.5, now: () => (t += 1000) });
    expect(o.holds).toBe(false);
    expect(o.shrinkStopped).toBe(true);
    const first = fc.sample(p.arbitrary, { numRuns: 50, seed: QUICK_SEED }).find((x) => x >= 10);
    expect(o.counterexample).toBe(first); // unshrunk: the first failing run
    expect(first).toBeGreaterThan(10);
    // only the runs up to the first failure were measured (and the example once more)
    const upTo = fc.sample(p.arbitrary, { numRuns: 50, seed: QUICK_SEED }).indexOf(first!) + 1;
    expect(p.calls).toBe(upTo + 1);
    const replay = fc.check(asProperty(failsFromTen()), { seed: o.seed, path: o.path, endOnFailure: true });
    expect(replay.failed).toBe(true);
    expect(replay.counterexample?.[0]).toBe(first);
  });

  it('a run that throws fails and shrinks like a false one, without progress lines (a broken estimator prints its error first)', () => {
    const p = failsFromTen();
    const throwing = {
      ...p,
      measure: (x: number) => {
        if (x >= 10) throw new Error(`cannot fit ${x}`);
        return { measured: x, bound: 9.5 };
      },
    };
    const progress: ShrinkProgress[] = [];
    const [o] = runBattery([throwing], profile, undefined, { seconds: 1e9, onProgress: (q) => progress.push(q) });
    expect(o.holds).toBe(false);
    expect(o.counterexample).toBe(10);
    expect(o.error).toBe('cannot fit 10');
    // only the candidates that held were reported: each report is one more of them
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.map((q) => q.tries - q.smaller)).toEqual(progress.map((_, k) => k + 1));
    expect(progress.at(-1)!.smaller).toBeGreaterThan(0);
  });

  it('without a bound, the audit of before: every shrink measured', () => {
    const [o] = runBattery([failsFromTen()], profile);
    expect(o.counterexample).toBe(10);
  });
});
