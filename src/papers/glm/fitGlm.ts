import { allocMatrix } from '../../kernels/wasmKernels.js';
import { InputError } from '../../errors.js';
import { requireRows } from '../../model/sample.js';
import { namedStream } from '../../rng/streams.js';
import { orthonormalPair } from '../../rng/orthonormalPair.js';
import { gemv } from '../../kernels/gemv.js';
import { gemvT } from '../../kernels/gemvT.js';
import type { GlmActivation } from './activations.js';
import type { LabelModel } from './labelModels.js';

/** A sample of seed 001: x ~ N(0, I_d), labels from a label model, and the plane it lives in. */
export interface GlmSample {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly wstar: Float64Array;
  readonly e2: Float64Array;
}

/** Draw a sample: w*, e2 from stream `wstar`, rows from `x`, the label model's coins from `adversary`. */
export function glmSample(d: number, n: number, model: LabelModel, seed: number): GlmSample {
  if (!(Number.isInteger(d) && d >= 2)) throw new InputError(`d must be an integer >= 2, got ${d}`);
  if (!Number.isInteger(n)) throw new InputError(`n must be an integer, got ${n}`);
  requireRows(n, d);
  const [wstar, e2] = orthonormalPair(d, namedStream(seed, 'wstar'));
  const rx = namedStream(seed, 'x'),
    coins = namedStream(seed, 'adversary');
  const x = allocMatrix(n, d),
    y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z1 = 0,
      z2 = 0;
    for (let j = 0; j < d; j++) {
      const v = rx.normal();
      x[i * d + j] = v;
      z1 += v * wstar[j];
      z2 += v * e2[j];
    }
    y[i] = model.label(z1, z2, coins.uniform());
  }
  return { n, d, x, y, wstar, e2 };
}

/**
 * The update fields of the talk, all of the form g(w) = mean((sigma(<w,x>) - y) h(w, x) x^{perp w})
 * on the unit sphere (Riemannian gradient descent: tangent step, then back to the sphere):
 * - `surrogate`: h = 1, the gradient of the convex surrogate of Auer, Herbster and Warmuth
 *   (GLMtron-style);
 * - `riemannian-ou`: h = the Ornstein-Uhlenbeck-smoothed derivative h_rho(<w,x>), with a
 *   smoothing that decreases along the run (rho_t = 1 - 0.98^t, capped at 0.999): heavy
 *   smoothing while w is far from w* (where the talk's best h is nearly constant), light near it;
 * - `plain-gd`: h = sigma', the squared loss's gradient.
 */
export const GLM_METHODS = ['surrogate', 'riemannian-ou', 'plain-gd'] as const;
export type GlmMethod = (typeof GLM_METHODS)[number];

export interface GlmFitOptions {
  readonly method: GlmMethod;
  readonly steps?: number;
  readonly eta?: number;
  /** Start; default a uniform unit vector from stream `init` of `seed`. */
  readonly w0?: Float64Array;
  readonly seed: number;
}

/** Defaults: 300 steps of size 0.5 (the talk gives no constants; these converge on every instance of the report). */
export const GLM_STEPS = 300;
export const GLM_ETA = 0.5;

/** Fit a unit w by the named update field; deterministic given the sample and seed. */
export function fitGlm(sample: GlmSample, act: GlmActivation, o: GlmFitOptions): Float64Array {
  if (!(GLM_METHODS as readonly string[]).includes(o.method))
    throw new InputError(`unknown method "${o.method}" (known: ${GLM_METHODS.join(', ')})`);
  const { n, d, x, y } = sample;
  const steps = o.steps ?? GLM_STEPS,
    eta = o.eta ?? GLM_ETA;
  let w: Float64Array;
  if (o.w0) w = Float64Array.from(o.w0);
  else {
    const r = namedStream(o.seed, 'init');
    w = Float64Array.from({ length: d }, () => r.normal());
  }
  const normalize = (v: Float64Array): void => {
    const len = Math.hypot(...v);
    for (let j = 0; j < d; j++) v[j] /= len;
  };
  normalize(w);
  const u = new Float64Array(n),
    c = new Float64Array(n),
    g = new Float64Array(d);
  for (let t = 0; t < steps; t++) {
    gemv(n, d, x, w, u);
    const rho = Math.min(0.999, 1 - 0.98 ** t);
    for (let i = 0; i < n; i++) {
      const h = o.method === 'surrogate' ? 1 : o.method === 'plain-gd' ? act.dphi(u[i]) : act.smoothedDerivative(rho, u[i]);
      c[i] = ((act.phi(u[i]) - y[i]) * h) / n;
    }
    gemvT(n, d, x, c, g);
    let gw = 0;
    for (let j = 0; j < d; j++) gw += g[j] * w[j];
    for (let j = 0; j < d; j++) w[j] -= eta * (g[j] - gw * w[j]);
    normalize(w);
  }
  return w;
}

/** Coordinates of a unit w in the sample's frame: alpha = <w, w*>, beta = <w, e2>, gamma the rest. */
export function frameOf(sample: GlmSample, w: Float64Array): { alpha: number; beta: number; gamma: number } {
  let a = 0,
    b = 0,
    nn = 0;
  for (let j = 0; j < sample.d; j++) {
    a += w[j] * sample.wstar[j];
    b += w[j] * sample.e2[j];
    nn += w[j] * w[j];
  }
  return { alpha: a, beta: b, gamma: Math.sqrt(Math.max(0, nn - a * a - b * b)) };
}
