// The gradient means of the descent (src/solver/gradientMean.ts).
import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { fillScales } from '../../src/solver/update.js';
import { gradientMean, KeptWeightsLoss } from '../../src/solver/gradientMean.js';
import { copyMatrix } from '../../src/kernels/wasmKernels.js';
import { gemv } from '../../src/kernels/gemv.js';
import { countPasses } from '../../src/kernels/passCount.js';
import { mean } from '../../src/robust/mean.js';
import { namedStream } from '../../src/rng/streams.js';

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
