import { getLink, type LinkName } from '../model/links.js';
import { basinRadius, type BasinResult } from './basinRadius.js';
import { hermiteCoefficients, labelQuantile, spectralCoefficients } from './coefficients.js';
import { TRUNCATION_FACTOR, TRUNCATION_QUANTILE } from '../solver/spectralInit.js';
import { InputError } from '../errors.js';

/** What `sim-audit landscape` prints for one link and |w*|. */
export interface LandscapeSummary {
  readonly link: LinkName;
  readonly norm: number;
  readonly hessianMinEigAtOptimum: number;
  readonly basinRadius: number;
  /** false: no zero of lambda_min within maxRadius * |w*| (basinRadius is then a lower bound). */
  readonly basinRadiusFound: boolean;
  /** Orthonormal Hermite coefficients c0..c4 of z -> phi(norm z). */
  readonly hermite: number[];
  /** E[T(y) x x^T] = a I + b w* w*^T/|w*|^2 for the solver's truncated T(y) = min(y^2, tau^2)
   *  with tau its population value for noise-free labels; `untruncated` for T(y) = y^2. */
  readonly spectral: { a: number; b: number; tau: number; untruncated: { a: number; b: number } };
}

const cache = new Map<string, BasinResult>();

/** The basin radius, memoized per (link, norm) within the process (it takes seconds). */
export function cachedBasin(link: LinkName, norm: number): BasinResult {
  const key = `${link}/${norm}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = basinRadius(getLink(link), norm);
    cache.set(key, hit);
  }
  return hit;
}

/** All the exact landscape facts for one link at |w*| = norm (noise-free labels, d >= 3). */
export function landscapeSummary(linkName: string, norm: number): LandscapeSummary {
  const link = getLink(linkName);
  if (!(Number.isFinite(norm) && norm > 0)) throw new InputError(`norm must be a finite number > 0, got ${norm}`);
  const basin = cachedBasin(link.name, norm);
  const tau = TRUNCATION_FACTOR * labelQuantile(link, norm, TRUNCATION_QUANTILE);
  const trunc = spectralCoefficients(link, norm, tau);
  const full = spectralCoefficients(link, norm);
  return {
    link: link.name,
    norm,
    hessianMinEigAtOptimum: basin.lambdaMinAtOptimum,
    basinRadius: basin.radius,
    basinRadiusFound: basin.found,
    hermite: hermiteCoefficients(link, norm),
    spectral: { a: trunc.a, b: trunc.b, tau, untruncated: { a: full.a, b: full.b } },
  };
}
