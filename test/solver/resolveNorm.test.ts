import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { fit } from '../../src/solver/methods.js';
import { spectralInit } from '../../src/solver/spectralInit.js';
import { trimmedKeep, trimmedLossWithError, trimmedRefine } from '../../src/solver/trimmedRefine.js';
import { resolveNorm } from '../../src/solver/resolveNorm.js';
import { getLink } from '../../src/model/links.js';
import { distance } from '../../src/kernels/vec.js';

const norm2 = (w: Float64Array): number => Math.hypot(...w);

/** The deep audit's seed-2 case (P1): sigmoid, |w*| = 2, sigma 1 (Gaussian), d = 7, n = 700,
 *  eps 0.1, covariance shift. The concentration steps ran |w| to 416 (error 415, bound 34.2). */
const RUNAWAY = {
  d: 7,
  n: 700,
  norm: 2,
  link: 'sigmoid',
  noise: 'gaussian',
  sigma: 1,
  eps: 0.1,
  adversary: 'covariance-shift',
  seed: 1026945304,
} as const;

describe('resolveNorm', () => {
  it('halves a runaway on a bounded link down to the least norm within one standard error', () => {
    const inst = generateInstance(RUNAWAY);
    const link = getLink('sigmoid');
    const keep = trimmedKeep(RUNAWAY.n, RUNAWAY.d, RUNAWAY.eps);
    const spectral = spectralInit(inst.sample, { link: 'sigmoid', eps: RUNAWAY.eps, robust: true });
    const refined = trimmedRefine(inst.sample, link, spectral.w0, { keep, exclude: spectral.weights });
    expect(norm2(refined.w)).toBeGreaterThan(100); // the runaway this guards against
    const at = trimmedLossWithError(inst.sample, link, refined.w, keep, spectral.weights);
    const r = resolveNorm(inst.sample, link, refined.w, keep, spectral.weights);
    expect(r.halvings).toBeGreaterThan(0);
    expect(norm2(r.w)).toBeLessThan(20);
    // the kept point is within one standard error of the refined one, and one more halving is not
    expect(r.loss).toBeLessThanOrEqual(at.loss + at.standardError);
    const half = Float64Array.from(r.w, (v) => v / 2);
    expect(trimmedLossWithError(inst.sample, link, half, keep, spectral.weights).loss).toBeGreaterThan(at.loss + at.standardError);
    // the same direction
    for (let j = 0; j < RUNAWAY.d; j++) expect(r.w[j]).toBe(refined.w[j] * 2 ** -r.halvings);
  });
  it('the shipped solver stays bounded on that case (P1 bound 34.2)', () => {
    const inst = generateInstance(RUNAWAY);
    const r = fit(inst.sample, { method: 'robust', link: 'sigmoid', eps: RUNAWAY.eps, seed: 1 });
    expect(distance(r.w, inst.wstar)).toBeLessThan(20);
  });
  it('leaves a well-determined fit as it was, bit for bit', () => {
    for (const link of ['relu', 'tanh', 'sigmoid', 'gelu'] as const) {
      const inst = generateInstance({
        d: 6,
        n: 1200,
        norm: 1,
        link,
        noise: 'student-t:3',
        sigma: 0.1,
        eps: 0.05,
        adversary: 'covariance-shift',
        seed: 3,
      });
      const keep = trimmedKeep(1200, 6, 0.05);
      const refined = trimmedRefine(inst.sample, getLink(link), inst.wstar, { keep });
      const r = resolveNorm(inst.sample, getLink(link), refined.w, keep);
      expect(r.halvings).toBe(0);
      expect(r.w).toEqual(refined.w);
      expect(r.loss).toBe(refined.loss);
    }
  });
  it('the standard error is the kept squared residuals spread over sqrt(keep)', () => {
    const link = getLink('linear');
    const x = Float64Array.of(1, 2, 3, 4, 5);
    const y = Float64Array.of(1, 2, 3, 4, 100); // residuals at w = 0: 1, 2, 3, 4, 100
    const r = trimmedLossWithError({ n: 5, d: 1, x, y }, link, Float64Array.of(0), 4);
    // kept r^2: 1, 4, 9, 16 (mean 7.5; sample variance (42.25 + 12.25 + 2.25 + 72.25) / 3 = 43)
    expect(r.loss).toBe(7.5);
    expect(r.standardError).toBeCloseTo(Math.sqrt(43 / 4), 12);
  });
});
