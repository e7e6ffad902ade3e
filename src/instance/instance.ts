import { allocMatrix, copyMatrix } from '../kernels/wasmKernels.js';
import { InputError } from '../errors.js';
import { namedStream } from '../rng/streams.js';
import { getLink, type Link, type LinkName } from '../model/links.js';
import { fillValues } from '../model/linkRanges.js';
import { noiseSampler, parseNoise, noiseToString, type NoiseSpec } from '../model/noise.js';
import { requireRows, type Sample } from '../model/sample.js';
import { getAdversary, type AdversaryName } from '../adversaries/index.js';
import { checkEps, checkSigma } from '../model/inputChecks.js';

/** Everything that determines an instance; the same settings give the same numbers, bit for bit. */
export interface InstanceSettings {
  readonly d: number;
  readonly n: number;
  /** |w*| (GeLU and Swish are not homogeneous: the norm is identifiable). */
  readonly norm: number;
  readonly link: LinkName;
  /** `gaussian`, `laplace`, `student-t[:nu]`, `pareto[:alpha]`. */
  readonly noise: string;
  readonly sigma: number;
  readonly eps: number;
  readonly adversary: AdversaryName | 'none';
  readonly seed: number;
}

export interface Instance {
  readonly settings: InstanceSettings;
  readonly wstar: Float64Array;
  readonly clean: Sample;
  /** The sample after the adversary (the clean sample itself for `none`). */
  readonly sample: Sample;
  /** Rows the adversary replaced (sorted). The estimator never sees this. */
  readonly corrupted: Int32Array;
}

/** Throws a RangeError naming the first problem in `s`. */
export function validateSettings(s: InstanceSettings): void {
  if (!Number.isInteger(s.d) || s.d < 1) throw new InputError(`d must be a positive integer, got ${s.d}`);
  if (!Number.isInteger(s.n) || s.n < 1) throw new InputError(`n must be a positive integer, got ${s.n}`);
  requireRows(s.n, s.d);
  if (!(Number.isFinite(s.norm) && s.norm > 0)) throw new InputError(`norm must be a finite number > 0, got ${s.norm}`);
  checkSigma(s.sigma);
  checkEps(s.eps);
  if (!Number.isSafeInteger(s.seed)) throw new InputError(`seed must be an integer, got ${s.seed}`);
  getLink(s.link);
  parseNoise(s.noise);
  if (s.adversary !== 'none') getAdversary(s.adversary);
}

/**
 * Draw an instance: w* = norm * (uniform unit vector) from stream `wstar`, x ~ N(0, I_d) row by
 * row from stream `x`, noise from stream `noise`, then the adversary with stream `adversary`.
 * Separate named streams keep, e.g., the covariates identical across noise families.
 */
export function generateInstance(settings: InstanceSettings): Instance {
  validateSettings(settings);
  const { d, n, eps, seed } = settings;
  const link = getLink(settings.link);
  const noise = parseNoise(settings.noise);
  const { wstar, x, y } = cleanDraw(settings, link, noise);
  const clean: Sample = { n, d, x, y };
  const canonical = { ...settings, noise: noiseToString(noise) };
  if (settings.adversary === 'none' || eps === 0) {
    return { settings: canonical, wstar, clean, sample: clean, corrupted: new Int32Array(0) };
  }
  const attack = getAdversary(settings.adversary)({ clean, wstar, link, eps, rng: namedStream(seed, 'adversary') });
  return { settings: canonical, wstar, clean, sample: attack.sample, corrupted: attack.corrupted };
}

/** The clean draws kept for reuse: the audit's rate experiments and the reproductions fit one
 *  seed's clean sample at every point of a grid (every eps, every adversary), so the same
 *  n d normals were drawn again for each; the last few draws are kept and copied instead (a
 *  copy is one pass; a draw is n d normal deviates, tens of ns each). */
const CLEAN_CACHE_SIZE = 4;
/** Draws larger than this many entries are not kept (a benchmark's 640000 x 50 would hold a
 *  second copy of 256 MB). */
const CLEAN_CACHE_MAX_ENTRIES = 1 << 20;
const cleanCache = new Map<string, { readonly wstar: Float64Array; readonly x: Float64Array; readonly y: Float64Array }>();

/** w*, x and y of the clean sample of `settings` (the streams `wstar`, `x` and `noise` of its
 *  seed), each a fresh array the caller may change: drawn, or copied from a kept draw with
 *  the same settings (the same numbers, bit for bit). */
function cleanDraw(settings: InstanceSettings, link: Link, noise: NoiseSpec): { wstar: Float64Array; x: Float64Array; y: Float64Array } {
  const { d, n, norm, sigma, seed } = settings;
  // String() of a number is exact (it round-trips) but folds -0 into 0, which Object.is keeps apart
  const key = [d, n, norm, link.name, noiseToString(noise), sigma, seed].map((v) => (Object.is(v, -0) ? '-0' : String(v))).join('|');
  const kept = cleanCache.get(key);
  if (kept) {
    // most recently used last
    cleanCache.delete(key);
    cleanCache.set(key, kept);
    return { wstar: Float64Array.from(kept.wstar), x: copyMatrix(n, d, kept.x), y: Float64Array.from(kept.y) };
  }
  const rw = namedStream(seed, 'wstar');
  const wstar = Float64Array.from({ length: d }, () => rw.normal());
  const r = Math.hypot(...wstar);
  for (let j = 0; j < d; j++) wstar[j] *= norm / r;
  const rx = namedStream(seed, 'x');
  const x = allocMatrix(n, d);
  for (let i = 0; i < n * d; i++) x[i] = rx.normal();
  const draw = noiseSampler(noise, sigma, namedStream(seed, 'noise'));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += x[i * d + j] * wstar[j];
    y[i] = z;
  }
  // phi of every projection (the link's own loop), then the noise in row order: the same draws
  fillValues(link, y, 0, n, y);
  for (let i = 0; i < n; i++) y[i] += draw();
  if (n * d <= CLEAN_CACHE_MAX_ENTRIES) {
    cleanCache.set(key, { wstar: Float64Array.from(wstar), x: copyMatrix(n, d, x), y: Float64Array.from(y) });
    if (cleanCache.size > CLEAN_CACHE_SIZE) cleanCache.delete(cleanCache.keys().next().value as string);
  }
  return { wstar, x, y };
}
