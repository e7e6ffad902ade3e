// The parts gradientDescent composes: the update field (update.ts), the freeze rule (freeze.ts)
// and the gradient means (gradientMean.ts). Descent itself: solver.test.ts.
import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { fillScales, HUBER_K, updateLoss, updateThreshold } from '../../src/solver/update.js';
import { FreezeTracker, FREEZE_PATIENCE, FREEZE_TOLERANCE, UNFREEZE_FACTOR } from '../../src/solver/freeze.js';
import { gradientMean, KeptWeightsLoss } from '../../src/solver/gradientMean.js';
import { copyMatrix } from '../../src/kernels/wasmKernels.js';
import { gemv } from '../../src/kernels/gemv.js';
import { countPasses } from '../../src/kernels/passCount.js';
import { mean } from '../../src/robust/mean.js';
import { namedStream } from '../../src/rng/streams.js';
import { generateInstance } from '../../src/instance/instance.js';
import { settingsOf } from '../../src/audit/arbitraries.js';
import { estimator } from '../../src/solver/methods.js';

describe('update fields', () => {
  it("fill the per-row factor: 2 r phi'(u) (squared), r (GLMtron), 2 clip(r, delta) phi'(u) (Huber)", () => {
    const link = getLink('relu');
    const u = Float64Array.from([1, -1, 2]),
      y = Float64Array.from([0, 0, 5]);
    const s = new Float64Array(3);
    fillScales(link, 'squared', 0, u, y, s);
    expect(Array.from(s)).toEqual([2, 0, -6]);
    fillScales(link, 'glmtron', 0, u, y, s);
    expect(Array.from(s)).toEqual([1, 0, -3]);
    fillScales(link, 'huber', 0.5, u, y, s);
    expect(Array.from(s)).toEqual([1, 0, -1]);
    expect(updateLoss(link, u, y, 'squared', 0)).toBeCloseTo((1 + 0 + 9) / 3, 15);
    expect(updateLoss(link, u, y, 'huber', 0.5)).toBeCloseTo((2 * 0.5 * 1 - 0.25 + 0 + 2 * 0.5 * 3 - 0.25) / 3, 15);
    expect(updateThreshold('squared', link, u, y)).toBe(0);
    expect(updateThreshold('huber', getLink('linear'), Float64Array.from([0, 0, 0]), Float64Array.from([-1, 0, 1]))).toBeCloseTo(
      HUBER_K * 1.482602218505602,
      12,
    );
  });
});

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

describe('gradientMean', () => {
  it('the plain mean aggregates the scaled rows; the filter refuses nothing before freezing and has no loss of its own until then', () => {
    const n = 200,
      d = 3;
    const r = namedStream(1, 'gm');
    const x = Float64Array.from({ length: n * d }, r.normal);
    const scale = Float64Array.from({ length: n }, r.normal);
    const rows = { n, d, x, scale };
    const ctx = { rows, y: new Float64Array(n), link: getLink('linear'), update: 'squared' as const, eps: 0.1 };
    expect(gradientMean('mean', ctx).aggregate()).toEqual(mean(rows));
    const filter = gradientMean('filter', ctx);
    expect(filter.aggregate().length).toBe(d);
    expect(filter.stepLoss()).toBeUndefined();
    expect(filter.refuses(1e6)).toBe(false);
    filter.record(1e-6); // freezes: the weights are kept, and their loss steers the step
    expect(filter.stepLoss()).toBeInstanceOf(KeptWeightsLoss);
    expect(filter.stepLoss()).toBe(filter.stepLoss()); // one object while the weights are kept
  });

  it("the kept-weights loss's one pass gives X w, the loss and the filter's mean there, bit for bit as the separate passes do", () => {
    let resumed = 0;
    for (const [linkName, n, d] of [
      ['gelu', 3000, 7], // held in a kernel memory: the SIMD path
      ['relu', 400, 5], // a plain array: the JS path
    ] as const) {
      const r = namedStream(3, 'kept');
      const x = copyMatrix(n, d, Float64Array.from({ length: n * d }, r.normal));
      const y = Float64Array.from({ length: n }, r.normal);
      const scale = new Float64Array(n);
      const rows = { n, d, x, scale };
      const link = getLink(linkName);
      const filter = gradientMean('filter', { rows, y, link, update: 'squared', eps: 0.1 });
      const w0 = Float64Array.from({ length: d }, r.normal);
      fillScales(link, 'squared', 0, gemv(n, d, x, w0, new Float64Array(n)), y, scale);
      filter.aggregate(); // filter weights at w0
      filter.record(1e-6); // kept from now on
      const loss = filter.stepLoss()!;
      expect(loss.weights.some((c) => c < 1)).toBe(true); // the filter down-weighted rows
      const w = Float64Array.from({ length: d }, r.normal);
      const u = gemv(n, d, x, w, new Float64Array(n));
      const value = loss.value(u);
      fillScales(link, 'squared', 0, u, y, scale);
      const mean = filter.aggregate();
      const got = { u: new Float64Array(n), mean: new Float64Array(d) };
      expect(countPasses(() => expect(loss.valueAndMean(w, got.u, new Float64Array(n), got.mean)).toBe(value))).toBe(1);
      expect(got.u).toEqual(u);
      expect(Array.from(got.mean, (t, j) => Object.is(t, mean[j])).every(Boolean)).toBe(true);

      // the polish at w: when its weights replace the kept ones, the next aggregate returns the
      // polish filter's own mean, which is the kept-weights mean there, bit for bit
      if (!filter.resumeAtConvergence(u)) continue;
      const polished = filter.stepLoss()!;
      expect(polished).not.toBe(loss);
      const reference = new Float64Array(d);
      polished.valueAndMean(w, new Float64Array(n), new Float64Array(n), reference);
      const same = (a: Float64Array) => Array.from(a, (t, j) => Object.is(t, reference[j])).every(Boolean);
      expect(same(filter.aggregate())).toBe(true); // the polish's mean
      expect(same(filter.aggregate())).toBe(true); // computed afresh
      resumed++;
    }
    expect(resumed).toBeGreaterThan(0);
  });
});
