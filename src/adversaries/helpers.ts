import { InputError } from '../errors.js';
import type { Rng } from '../rng/streams.js';
import { checkEps } from '../model/inputChecks.js';
import type { Sample } from '../model/sample.js';
import { cloneSample } from '../model/sample.js';

/** floor(eps * n), after checking eps is in [0, 0.5). */
export function corruptionBudget(n: number, eps: number): number {
  checkEps(eps);
  return Math.floor(eps * n);
}

/** The first m entries of a uniform random permutation of 0..n-1 (partial Fisher-Yates). */
function partialShuffle(n: number, m: number, rng: Rng): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, m);
}

/** m distinct rows of n chosen uniformly, sorted ascending. */
export function randomRows(n: number, m: number, rng: Rng): Int32Array {
  return partialShuffle(n, m, rng).sort();
}

/** All n rows in a uniform random order. */
export function shuffledRows(n: number, rng: Rng): Int32Array {
  return partialShuffle(n, n, rng);
}

/** The m rows with the largest score (ties by index), sorted ascending. */
export function topRows(score: Float64Array, m: number): Int32Array {
  const order = Int32Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  return order.slice(0, m).sort();
}

/** A uniformly random unit vector orthogonal to w (needs d >= 2). */
export function orthogonalUnit(w: Float64Array, rng: Rng): Float64Array {
  const d = w.length;
  if (d < 2) throw new InputError('this adversary needs d >= 2 (a direction orthogonal to w*)');
  const wn = Math.hypot(...w);
  for (;;) {
    const u = Float64Array.from({ length: d }, () => rng.normal());
    if (wn > 0) {
      let p = 0;
      for (let j = 0; j < d; j++) p += u[j] * w[j];
      for (let j = 0; j < d; j++) u[j] -= (p * w[j]) / (wn * wn);
    }
    const r = Math.hypot(...u);
    if (r > 1e-8) return u.map((t) => t / r);
  }
}

/** <x_i, w> for row i. */
export function rowDot(s: Sample, i: number, w: ArrayLike<number>): number {
  let t = 0;
  for (let j = 0; j < s.d; j++) t += s.x[i * s.d + j] * w[j];
  return t;
}

/** A copy of the clean sample to corrupt in place. */
export const copyForCorruption = cloneSample;

export { madScale } from '../robust/madScale.js';

/** Residuals y_i - phi(<w*, x_i>) of the clean sample: the noise the adversary can see. */
export function cleanResiduals(s: Sample, wstar: Float64Array, phi: (z: number) => number): Float64Array {
  return Float64Array.from({ length: s.n }, (_, i) => s.y[i] - phi(rowDot(s, i, wstar)));
}
