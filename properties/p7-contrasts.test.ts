import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateInstance } from '../src/instance/instance.js';
import { fit } from '../src/solver/methods.js';
import { coordinateMedian } from '../src/robust/coordinateMedian.js';
import { filterMean } from '../src/robust/filterMean.js';
import { namedStream } from '../src/rng/streams.js';
import { distance } from '../src/kernels/vec.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { seedArb, settingsOf } from '../src/audit/arbitraries.js';
import { basinShare, spectralCaseArb } from './spectral.js';
import { params } from './support.js';

/**
 * Contrasts that must FAIL: each "claim" below is false for the baseline, and fast-check must
 * find (and shrink) a counterexample. The test asserts that it does, prints it, and checks
 * the robust estimator on that same counterexample. If a baseline stopped breaking, the
 * adversary would prove nothing: that is what these tests guard.
 */
function mustFail<T>(name: string, arb: fc.Arbitrary<T>, claim: (t: T) => boolean, base: number): T {
  const details = fc.check(fc.property(arb, claim), params(base) as fc.Parameters<[T]>);
  expect(details.failed, `${name}: the baseline never broke in ${details.numRuns} runs`).toBe(true);
  const example = details.counterexample![0];
  console.log(
    `P7 ${name}: shrunk counterexample ${JSON.stringify(example)} (seed ${details.seed}, path "${details.counterexamplePath}", ${details.numShrinks} shrinks)`,
  );
  return example;
}

describe('P7 contrasts that must fail', () => {
  it('plain spectral init under the spectral plant leaves the basin (robust stays in)', () => {
    const arb = spectralCaseArb.map((c) => ({ ...c, adversary: 'spectral-plant' as const, eps: BOUNDS.spectralMaxEps }));
    const example = mustFail('plain spectral init in the basin under spectral-plant', arb, (c) => basinShare(c, false) < 1, 10);
    expect(basinShare(example, true)).toBeLessThan(1);
  });

  it('plain GD (least squares) under leverage errs by more than half of |w*| (robust does not)', () => {
    const arb = spectralCaseArb.map((c) => ({ ...c, adversary: 'leverage' as const, eps: Math.max(c.eps, 0.01) }));
    const err = (c: typeof arb extends fc.Arbitrary<infer U> ? U : never, method: string): number => {
      const inst = generateInstance(settingsOf(c));
      return distance(fit(inst.sample, { link: c.link, eps: c.eps, seed: c.seed, method }).w, inst.wstar) / c.norm;
    };
    const example = mustFail('plain GD within half of |w*| under leverage', arb, (c) => err(c, 'plain') <= BOUNDS.leverageBreak, 10);
    expect(err(example, 'robust')).toBeLessThan(BOUNDS.leverageBreak);
  });

  it("the coordinate median's error grows with d (the filter's does not)", () => {
    // outliers: eps n vectors shifted by 1 in every coordinate; n = 40 d
    const errors = (d: number, seed: number, eps: number): { median: number; filter: number } => {
      const n = 40 * d;
      const r = namedStream(seed, 'p7');
      const x = Float64Array.from({ length: n * d }, r.normal);
      for (let i = 0; i < Math.floor(eps * n); i++) for (let j = 0; j < d; j++) x[i * d + j] = 1 + 0.1 * r.normal();
      return { median: Math.hypot(...coordinateMedian({ n, d, x })), filter: Math.hypot(...filterMean({ n, d, x }, { eps })) };
    };
    const arb = fc.record({ seed: seedArb, eps: fc.constantFrom(0.05, 0.1) });
    const example = mustFail(
      'coordinate median error dimension-free',
      arb,
      ({ seed, eps }) => errors(160, seed, eps).median <= BOUNDS.medianGrowth * errors(10, seed, eps).median,
      3,
    );
    const big = errors(160, example.seed, example.eps),
      small = errors(10, example.seed, example.eps);
    expect(big.filter).toBeLessThan(BOUNDS.medianGrowth * Math.max(small.filter, small.median));
  });
});
