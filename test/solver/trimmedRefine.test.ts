import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { fit } from '../../src/solver/methods.js';
import { trimmedKeep, trimmedLoss, trimmedRefine } from '../../src/solver/trimmedRefine.js';
import { getLink } from '../../src/model/links.js';
import { distance } from '../../src/kernels/vec.js';
import { applyFamily, familySetting } from '../../src/adversaries/searchFamily.js';
import { SEARCHED_DRIFT_PARAMS } from '../../src/adversaries/searchedDrift.js';
import { corruptionBudget } from '../../src/adversaries/helpers.js';
import { namedStream } from '../../src/rng/streams.js';

/** The attack the black-box search (budget 120, seed 1) found against the paper's pipeline at
 *  leaky-relu, d = 10, n = 4000, student-t:3 noise, sigma = 0.01, eps = 0.1, |w*| = 1 (error
 *  1.019), applied as the search applied it: at the paper pipeline's clean answer. */
const SEARCHED_LEAKY_RELU = SEARCHED_DRIFT_PARAMS;

describe('trimmed refinement', () => {
  it('never keeps a row the covariate filter removed (exclude), even where its residual is smallest', () => {
    const link = getLink('linear');
    const n = 50,
      d = 2;
    const x = Float64Array.from({ length: n * d }, (_, k) => Math.sin(k + 1));
    const w = Float64Array.of(1, -1);
    const y = Float64Array.from({ length: n }, (_, i) => x[i * d] - x[i * d + 1]);
    y[0] += 7; // one row off the model by 7
    const data = { n, d, x, y };
    expect(trimmedLoss(data, link, w, n - 1)).toBe(0); // row 0 trimmed, every other row exact
    const exclude = new Float64Array(n).fill(1);
    exclude[1] = 0; // an exact row the filter removed: row 0 must now be kept
    expect(trimmedLoss(data, link, w, n - 1, exclude)).toBeCloseTo(49 / (n - 1), 12);
    // refinement from w* under the exclusion cannot keep row 1 either: its loss is at least
    // that of the best fit to the other rows with row 0 kept, which is above 0
    const r = trimmedRefine(data, link, w, { keep: n - 1, exclude });
    expect(r.loss).toBeGreaterThan(0);
    expect(r.loss).toBeLessThanOrEqual(49 / (n - 1));
  });
  it('the trimmed loss is the mean of the h smallest squared residuals (against a sort)', () => {
    const inst = generateInstance({
      d: 4,
      n: 301,
      norm: 1,
      link: 'gelu',
      noise: 'pareto:3',
      sigma: 0.3,
      eps: 0.1,
      adversary: 'label-shift',
      seed: 3,
    });
    const link = getLink('gelu');
    const w = Float64Array.from(inst.wstar, (v, j) => v + 0.1 * (j + 1));
    const { n, d, x, y } = inst.sample;
    const r2 = Array.from({ length: n }, (_, i) => {
      let u = 0;
      for (let j = 0; j < d; j++) u += x[i * d + j] * w[j];
      return (y[i] - link.phi(u)) ** 2;
    }).sort((a, b) => a - b);
    for (const keep of [5, 150, 240, 301]) {
      const expected = r2.slice(0, keep).reduce((a, b) => a + b, 0) / keep;
      expect(trimmedLoss(inst.sample, link, w, keep)).toBeCloseTo(expected, 12);
    }
    expect(trimmedKeep(1000, 10, 0.1)).toBe(800);
    expect(trimmedKeep(20, 10, 0.4)).toBe(11); // never fewer than d + 1 rows
  });

  it('never increases the trimmed loss, and recovers w* exactly without noise from a start the corruption diverted', () => {
    for (const link of ['gelu', 'relu', 'tanh', 'linear'] as const) {
      const inst = generateInstance({
        d: 8,
        n: 2000,
        norm: 1,
        link,
        noise: 'gaussian',
        sigma: 0,
        eps: 0.1,
        adversary: 'label-shift',
        seed: 5,
      });
      const L = getLink(link);
      const keep = trimmedKeep(2000, 8, 0.1);
      const start = Float64Array.from(inst.wstar, (v, j) => 0.7 * v + (j === 0 ? 0.2 : 0));
      const r = trimmedRefine(inst.sample, L, start, { keep });
      expect(r.loss).toBeLessThanOrEqual(trimmedLoss(inst.sample, L, start, keep));
      expect(distance(r.w, inst.wstar)).toBeLessThan(1e-6);
    }
  });

  it('the matrix-free solve (d > 24) reaches the same point as the formed normal matrix would (d = 30)', () => {
    const inst = generateInstance({
      d: 30,
      n: 3000,
      norm: 1,
      link: 'swish',
      noise: 'student-t:3',
      sigma: 0.1,
      eps: 0.05,
      adversary: 'covariance-shift',
      seed: 2,
    });
    const keep = trimmedKeep(3000, 30, 0.05);
    const L = getLink('swish');
    const r = trimmedRefine(inst.sample, L, new Float64Array(30).fill(0.15), { keep });
    // at a minimum of T the kept rows' Gauss-Newton step is 0: a second refinement stays
    const again = trimmedRefine(inst.sample, L, r.w, { keep });
    expect(distance(again.w, r.w)).toBeLessThan(1e-6);
    expect(distance(r.w, inst.wstar)).toBeLessThan(0.1);
  });

  it("the search's attack on the paper's pipeline breaks it (error > |w*|) and not the hardened solver (within 20 sigma sqrt(eps) + 3 clean errors)", () => {
    const eps = 0.1,
      sigma = 0.01,
      seed = 1;
    const inst = generateInstance({
      d: 10,
      n: 4000,
      norm: 1,
      link: 'leaky-relu',
      noise: 'student-t:3',
      sigma,
      eps: 0,
      adversary: 'none',
      seed,
    });
    const options = { link: 'leaky-relu' as const, eps, seed };
    const cleanAnswer = fit(inst.clean, { ...options, method: 'paper' }).w;
    const setting = familySetting(inst.clean, inst.wstar, getLink('leaky-relu'), cleanAnswer, namedStream(seed, 'adversary-search'));
    const { sample } = applyFamily(setting, SEARCHED_LEAKY_RELU, corruptionBudget(4000, eps));
    const paper = distance(fit(sample, { ...options, method: 'paper' }).w, inst.wstar);
    expect(paper).toBeGreaterThan(1);
    const clean = distance(fit(inst.clean, { ...options, method: 'robust' }).w, inst.wstar);
    const hardened = distance(fit(sample, { ...options, method: 'robust' }).w, inst.wstar);
    expect(hardened).toBeLessThan(20 * sigma * Math.sqrt(eps) + 3 * clean);
  });
});
