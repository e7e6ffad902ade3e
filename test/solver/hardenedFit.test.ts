import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { hardenedFit, HARDENED_ACCEPT } from '../../src/solver/hardenedFit.js';
import { fit } from '../../src/solver/methods.js';
import { trimmedKeep, trimmedLoss, trimmedRefine } from '../../src/solver/trimmedRefine.js';
import { canonicalRows } from '../../src/model/canonicalRows.js';
import { getLink } from '../../src/model/links.js';
import { distance } from '../../src/kernels/vec.js';

describe('hardenedFit', () => {
  it("keeps the paper's descent where it is as good by the trimmed loss (covariance shift), and is `robust`", () => {
    const inst = generateInstance({
      d: 10,
      n: 4000,
      norm: 1,
      link: 'gelu',
      noise: 'student-t:3',
      sigma: 0.1,
      eps: 0.05,
      adversary: 'covariance-shift',
      seed: 1,
    });
    const data = canonicalRows(inst.sample);
    const options = { link: 'gelu' as const, eps: 0.05, seed: 1 };
    const r = hardenedFit(data, options);
    expect(Array.from(fit(inst.sample, { ...options, method: 'robust' }).w)).toEqual(Array.from(r.w));
    expect(r.iterations).toBeGreaterThan(0);
    // the descent's answer was kept: it is not a minimizer of the trimmed loss (refining it
    // moves it), and its trimmed loss is within (1 + HARDENED_ACCEPT eps) of the minimum's
    const keep = trimmedKeep(data.n, data.d, 0.05);
    const link = getLink('gelu');
    const refined = trimmedRefine(data, link, r.w, { keep });
    expect(distance(refined.w, r.w)).toBeGreaterThan(1e-3);
    expect(trimmedLoss(data, link, r.w, keep)).toBeLessThanOrEqual((1 + HARDENED_ACCEPT * 0.05) * refined.loss);
    expect(distance(r.w, inst.wstar)).toBeLessThan(2 * 0.1 * Math.sqrt(0.05));
  });

  it('even links (no first-moment start) and eps = 0 (nothing trimmed) fit too', () => {
    const even = generateInstance({
      d: 6,
      n: 3000,
      norm: 1,
      link: 'abs',
      noise: 'gaussian',
      sigma: 0.05,
      eps: 0.05,
      adversary: 'label-shift',
      seed: 3,
    });
    const w = hardenedFit(canonicalRows(even.sample), { link: 'abs', eps: 0.05, seed: 1 }).w;
    expect(
      Math.min(
        distance(w, even.wstar),
        distance(
          w,
          even.wstar.map((t) => -t),
        ),
      ),
    ).toBeLessThan(0.05);
    const clean = generateInstance({
      d: 6,
      n: 2000,
      norm: 1,
      link: 'tanh',
      noise: 'gaussian',
      sigma: 0,
      eps: 0,
      adversary: 'none',
      seed: 4,
    });
    expect(distance(hardenedFit(canonicalRows(clean.sample), { link: 'tanh', eps: 0, seed: 1 }).w, clean.wstar)).toBeLessThan(1e-6);
  });
});
