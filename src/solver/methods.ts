import { InputError } from '../errors.js';
import type { Sample } from '../model/sample.js';
import { validateSample } from '../model/sample.js';
import { canonicalRows } from '../model/canonicalRows.js';
import { getLink } from '../model/links.js';
import { namedStream } from '../rng/streams.js';
import { checkEps } from '../model/inputChecks.js';
import { spectralInit, type InitResult } from './spectralInit.js';
import { firstMomentInit } from './firstMomentInit.js';
import { hardenedFit } from './hardenedFit.js';
import { gradientDescent, type MeanName, type UpdateName } from './gradientDescent.js';
import { DEFAULT_MAX_ITERATIONS, type Estimator, type FitOptions, type FitResult } from './types.js';

type InitName = 'robust-spectral' | 'plain-spectral' | 'robust-first-moment' | 'random' | 'zero';

interface MethodSpec {
  readonly init: InitName;
  /** null: return the initialization itself (no descent). */
  readonly descent: { readonly mean: MeanName; readonly update: UpdateName } | null;
  readonly summary: string;
  /** The hardened pipeline (src/solver/hardenedFit.ts) instead of init-then-descent. */
  readonly hardened?: boolean;
}

/** Every estimator the suite ships: the robust solver, its variants and the baselines. */
export const METHODS = {
  robust: {
    init: 'robust-spectral',
    descent: { mean: 'filter', update: 'squared' },
    hardened: true,
    summary:
      'the paper pipeline hardened: trimmed least squares from the robust spectral and first-moment starts (least trimmed loss kept), then robust GD, whose answer is kept only if its trimmed loss stays within (1 + 5 eps) of it',
  },
  paper: {
    init: 'robust-spectral',
    descent: { mean: 'filter', update: 'squared' },
    summary: "the paper's pipeline: robust spectral init (filtered, truncated y^2) + robust GD (spectral filter on gradients)",
  },
  'robust-first-moment': {
    init: 'robust-first-moment',
    descent: { mean: 'filter', update: 'squared' },
    summary: 'robust first-moment init (2 * filtered mean of y x) + robust GD',
  },
  plain: {
    init: 'plain-spectral',
    descent: { mean: 'mean', update: 'squared' },
    summary: 'plain spectral init + plain GD on the squared loss (least squares)',
  },
  'random-gd': { init: 'random', descent: { mean: 'mean', update: 'squared' }, summary: 'random unit init + plain GD' },
  glmtron: {
    init: 'zero',
    descent: { mean: 'mean', update: 'glmtron' },
    summary: 'convex surrogate / GLMtron: w <- w - eta mean((phi(<w,x>) - y) x) from 0',
  },
  huber: {
    init: 'plain-spectral',
    descent: { mean: 'mean', update: 'huber' },
    summary: 'plain spectral init + GD on the Huber loss of the residual',
  },
  'trimmed-gd': {
    init: 'robust-spectral',
    descent: { mean: 'trimmed-mean', update: 'squared' },
    summary: 'robust init + GD with coordinate-wise trimmed-mean gradients',
  },
  'median-gd': {
    init: 'robust-spectral',
    descent: { mean: 'coordinate-median', update: 'squared' },
    summary: 'robust init + GD with coordinate-median gradients',
  },
  'mom-gd': {
    init: 'robust-spectral',
    descent: { mean: 'median-of-means', update: 'squared' },
    summary: 'robust init + GD with median-of-means gradients',
  },
  'robust-spectral': { init: 'robust-spectral', descent: null, summary: 'robust spectral initialization only' },
  'plain-spectral': { init: 'plain-spectral', descent: null, summary: 'plain spectral initialization only' },
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof METHODS;
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

/** True when `name` is one of {@link METHOD_NAMES}. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

function initialize(init: InitName, data: Sample, options: FitOptions): InitResult {
  const ones = (): Float64Array => new Float64Array(data.n).fill(1);
  switch (init) {
    case 'robust-spectral':
      return spectralInit(data, { link: options.link, eps: options.eps, robust: true });
    case 'plain-spectral':
      return spectralInit(data, { link: options.link, eps: options.eps, robust: false });
    case 'robust-first-moment':
      return firstMomentInit(data, { link: options.link, eps: options.eps, robust: true });
    case 'random': {
      const rng = namedStream(options.seed, 'init');
      const v = Float64Array.from({ length: data.d }, () => rng.normal());
      const r = Math.hypot(...v);
      for (let j = 0; j < v.length; j++) v[j] /= r;
      return { w0: Float64Array.from(v), direction: v, weights: ones() };
    }
    case 'zero':
      return { w0: new Float64Array(data.d), direction: new Float64Array(data.d), weights: ones() };
  }
}

/**
 * Fit `w` by the named method: `fit(data, options) -> w`, deterministic given `seed`.
 * Throws a RangeError naming the problem for bad input (unknown method or link, eps outside
 * [0, 0.5), n < d + 1, non-finite values).
 */
export function fit(data: Sample, options: FitOptions & { method: string }): FitResult {
  if (!isMethodName(options.method)) throw new InputError(`unknown method "${options.method}" (known: ${METHOD_NAMES.join(', ')})`);
  getLink(options.link);
  checkEps(options.eps);
  validateSample(data);
  return estimator(options.method)(data, options);
}

/** The estimator behind a method name, as a plain function. */
export function estimator(method: MethodName): Estimator {
  const spec: MethodSpec = METHODS[method];
  return (input, options) => {
    // rows in an order fixed by their content: the answer is a function of the multiset of
    // rows, bit for bit (permutation invariance is exact, not up to flipped decisions)
    const data = canonicalRows(input);
    if (spec.hardened) return hardenedFit(data, options);
    const init = initialize(spec.init, data, options);
    if (!spec.descent) return { w: init.w0, w0: init.w0, iterations: 0, status: 'init-only' };
    const { w, iterations, status } = gradientDescent(data, init.w0, {
      link: options.link,
      eps: options.eps,
      mean: spec.descent.mean,
      update: spec.descent.update,
      maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      rowSquaredNorms: init.rowSquaredNorms,
    });
    return { w, w0: init.w0, iterations, status };
  };
}
