import { getLink, type LinkName } from '../model/links.js';
import { populationHessian, blockEigenvalues } from '../landscape/population.js';

const cache = new Map<string, number>();

/**
 * kappa(link, s) = sqrt(2 lambda_max(H*)) / lambda_min(H*) at w* (|w*| = s, d >= 3): the factor
 * by which a gradient-mean error turns into a parameter error. At w* the per-sample gradients
 * -2 xi phi'(<w*,x>) x have covariance 2 sigma^2 H*, so a robust mean with error of order
 * sqrt(2 lambda_max) sigma (sqrt(eps) + sqrt(d/n)) moves the fixed point by that over
 * lambda_min (SPEC section 3: "a factor like sqrt(lambda_max(H)) / lambda_min(H)").
 */
export function conditioning(link: LinkName, s: number): number {
  const key = `${link}/${s}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const H = populationHessian(getLink(link), s, 0, s);
  const [lo, hi] = blockEigenvalues(H);
  const value = Math.sqrt(2 * Math.max(hi, H.complement)) / Math.min(lo, H.complement);
  cache.set(key, value);
  return value;
}
