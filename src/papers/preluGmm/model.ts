import { namedStream } from '../../rng/streams.js';
import { InputError } from '../../errors.js';

/**
 * Seed 004: a balanced mixture of K Gaussians in R^D with orthonormal centers mu_k = e_k, the
 * noise alpha g / sqrt(D) (so |x - mu_k| is about alpha; the reading where alpha = 0.1 is a
 * small intra-cluster spread at D = 1000), clusters 0..K1-1 labelled +1, the rest -1.
 */
export interface GmmSample {
  readonly n: number;
  readonly D: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly cluster: Int32Array;
}

export function gmmSample(n: number, D: number, K1: number, K2: number, alpha: number, seed: number, stream = 'x'): GmmSample {
  const K = K1 + K2;
  if (!(Number.isInteger(K1) && Number.isInteger(K2) && K1 >= 1 && K2 >= 1 && K <= D))
    throw new InputError(`need integers K1, K2 >= 1 with K1 + K2 <= D, got ${K1}, ${K2}, D = ${D}`);
  if (!(Number.isFinite(alpha) && alpha >= 0)) throw new InputError(`alpha must be a finite number >= 0, got ${alpha}`);
  const r = namedStream(seed, stream);
  const x = new Float64Array(n * D),
    y = new Float64Array(n),
    cluster = new Int32Array(n);
  const s = alpha / Math.sqrt(D);
  for (let i = 0; i < n; i++) {
    const k = r.int(K);
    cluster[i] = k;
    y[i] = k < K1 ? 1 : -1;
    for (let j = 0; j < D; j++) x[i * D + j] = s * r.normal();
    x[i * D + k] += 1;
  }
  return { n, D, x, y, cluster };
}

/** A two-layer pReLU network f(x) = sum_j v_j sigma_p(x; w_j), sigma_p(x; w) = relu(<w,x>)^p / (|w| |x|)^(p-1). */
export interface PreluNet {
  readonly p: number;
  readonly m: number;
  readonly D: number;
  /** Row-major m x D. */
  readonly w: Float64Array;
  readonly v: Float64Array;
}

/** |w_j| for each neuron (floored at 1e-300), as {@link netOutput} uses them. An attack evaluates
 *  one fixed network thousands of times, and these norms are a third of the multiply-adds of an
 *  evaluation, so its callers compute them once. */
export function neuronNorms(net: PreluNet): Float64Array {
  const { m, D, w } = net;
  const norms = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let ww = 0;
    for (let k = 0; k < D; k++) ww += w[j * D + k] ** 2;
    norms[j] = Math.sqrt(ww) || 1e-300;
  }
  return norms;
}

/** f(x) and, if `grad` is given, df/dx into it. `norms` defaults to {@link neuronNorms} of `net`;
 *  a caller that evaluates one network many times computes them once and passes them. */
export function netOutput(
  net: PreluNet,
  x: Float64Array,
  off: number,
  grad?: Float64Array,
  norms: Float64Array = neuronNorms(net),
): number {
  const { p, m, D, w, v } = net;
  let xx = 0;
  for (let k = 0; k < D; k++) xx += x[off + k] ** 2;
  const b = Math.sqrt(xx) || 1e-300;
  if (grad) grad.fill(0);
  let f = 0;
  for (let j = 0; j < m; j++) {
    let u = 0;
    for (let k = 0; k < D; k++) u += w[j * D + k] * x[off + k];
    if (u <= 0) continue;
    const a = norms[j];
    const c = Math.pow(a * b, p - 1);
    const s = Math.pow(u, p) / c;
    f += v[j] * s;
    if (grad) {
      // d sigma / dx = relu(u)^(p-1)/(ab)^(p-1) [p w - (p-1) u x / b^2]
      const g1 = (v[j] * p * Math.pow(u, p - 1)) / c,
        g2 = (v[j] * (p - 1) * s) / (b * b);
      for (let k = 0; k < D; k++) grad[k] += g1 * w[j * D + k] - g2 * x[off + k];
    }
  }
  return f;
}
