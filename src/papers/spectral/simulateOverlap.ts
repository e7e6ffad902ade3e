import { namedStream } from '../../rng/streams.js';
import { gemv } from '../../kernels/gemv.js';
import { gemvT } from '../../kernels/gemvT.js';
import type { LabelLaw } from './overlapTheory.js';
import type { Preprocess } from './preprocess.js';
import { lanczosTop } from '../../eigen/lanczosTop.js';
import { InputError } from '../../errors.js';

/** A finite-size draw of seed 003's model and its spectral estimate. */
export interface SpectralDraw {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly wstar: Float64Array;
  /** The unit top eigenvector of (1/n) sum T(y_i) x_i x_i^T. */
  readonly w0: Float64Array;
  /** <w0, w*>^2. */
  readonly overlap: number;
}

/**
 * Draw n = round(alpha d) rows x ~ N(0, I_d), labels y = f(<w*, x>) + sigma eps (streams
 * `wstar`, `x`, `noise`, `init` for Lanczos' start) and compute the spectral estimate w0.
 */
export function simulateOverlap(law: LabelLaw, pre: Preprocess, alpha: number, d: number, seed: number): SpectralDraw {
  if (!(Number.isInteger(d) && d >= 2)) throw new InputError(`d must be an integer >= 2, got ${d}`);
  const n = Math.round(alpha * d);
  if (n < 2) throw new InputError(`alpha d must be at least 2, got ${alpha * d}`);
  const rw = namedStream(seed, 'wstar');
  const wstar = Float64Array.from({ length: d }, () => rw.normal());
  const len = Math.hypot(...wstar);
  for (let j = 0; j < d; j++) wstar[j] /= len;
  const rx = namedStream(seed, 'x'),
    rn = namedStream(seed, 'noise');
  const x = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) x[i] = rx.normal();
  const g = gemv(n, d, x, wstar, new Float64Array(n));
  const y = Float64Array.from(g, (v) => law.f(v) + (law.sigma > 0 ? law.sigma * rn.normal() : 0));
  const z = Float64Array.from(y, (v) => pre.T(v) / n);
  const u = new Float64Array(n);
  const { vector } = lanczosTop(
    d,
    (v, out) => {
      gemv(n, d, x, v, u);
      for (let i = 0; i < n; i++) u[i] *= z[i];
      gemvT(n, d, x, u, out);
    },
    namedStream(seed, 'init'),
  );
  let c = 0;
  for (let j = 0; j < d; j++) c += vector[j] * wstar[j];
  return { n, d, x, y, wstar, w0: vector, overlap: c * c };
}
