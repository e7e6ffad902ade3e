import type { Sample } from '../model/sample.js';
import { getLink } from '../model/links.js';
import { spectralInit } from './spectralInit.js';
import { firstMomentInit } from './firstMomentInit.js';
import { gradientDescent } from './gradientDescent.js';
import { trimmedKeep, trimmedLoss, trimmedRefine } from './trimmedRefine.js';
import { resolveNorm } from './resolveNorm.js';
import { DEFAULT_MAX_ITERATIONS, type FitOptions, type FitResult } from './types.js';

/**
 * The paper's filtered descent keeps its answer only when its trimmed loss exceeds the trimmed
 * answer's by at most this factor times eps (relative). Near the minimizer of the trimmed loss
 * T grows like the square of the distance, so an accepted descent answer lies within about
 * sqrt(HARDENED_ACCEPT eps T / lambda) of the trimmed one, an O(sigma sqrt(eps)) distance
 * (lambda: T's curvature, sigma^2 the size of T there): whatever the descent was steered to,
 * accepting it cannot cost more than the claim's own form. Set from the catalogue: over
 * 112 instances (7 links x the 7 adversaries and none x 2 seeds, d = 10, n = 4000,
 * student-t:3, sigma 0.1, eps 0.05), where the descent's answer was closer to w* than the
 * trimmed one (covariance shift on gelu, swish, tanh; leverage on sigmoid: 2-6 times closer)
 * its excess was at most 4.3 eps; under the searched attacks that break the descent it was
 * 10^2-10^3.
 */
export const HARDENED_ACCEPT = 5;

/**
 * The shipped robust solver (`robust`): the paper's pipeline hardened against an adaptive
 * adversary (the black-box search broke the paper's pipeline, `paper`, at d = 10, n/d = 400,
 * eps = 0.1 on leaky-relu and gelu by aiming corrupted gradients just inside what the filter
 * accepts at every step).
 *
 * 1. Starts: the robust spectral start and, for links with E[phi'] != 0, the robust
 *    first-moment start.
 * 2. From each, trimmed least squares by concentration steps (src/solver/trimmedRefine.ts);
 *    the refined point of least trimmed loss is kept (a robust choice: at a point near w* the
 *    trimmed loss is about sigma^2 whatever the corrupted rows hold). Rows the spectral
 *    start's covariate filter removed are never kept: on a bounded link a leverage row's
 *    residual can be small at a wrong w, so trimming by residual alone kept them (quick
 *    audit seed 40, sigmoid, |w*| = 1.5, student-t:3, leverage: the eps-rate failed; with the
 *    exclusion it holds).
 * 3. Where the trimmed loss cannot tell the refined point from half of it, the point is halved
 *    (src/solver/resolveNorm.ts): on a bounded link with noise as large as its range the
 *    concentration steps can run |w| away towards a step function.
 * 4. The paper's filtered gradient descent from that point; its answer replaces the trimmed
 *    one only when its trimmed loss is within (1 + HARDENED_ACCEPT eps) of it. The descent
 *    is better where the corruption sits inside the trimmed rows (covariance shift: the filter
 *    sees the rows' joint direction, trimming sees only their residuals).
 */
export function hardenedFit(data: Sample, options: FitOptions): FitResult {
  const link = getLink(options.link);
  const { eps } = options;
  const spectral = spectralInit(data, { link: options.link, eps, robust: true });
  const starts = [spectral.w0];
  if (!link.even) starts.push(firstMomentInit(data, { link: options.link, eps, robust: true }).w0);
  const keep = trimmedKeep(data.n, data.d, eps);
  let trimmed: { w: Float64Array; loss: number } | undefined;
  for (const start of starts) {
    const r = trimmedRefine(data, link, start, { keep, exclude: spectral.weights });
    // the least trimmed loss; a non-finite loss loses to any finite one
    if (!trimmed || r.loss < trimmed.loss || (!Number.isFinite(trimmed.loss) && Number.isFinite(r.loss))) trimmed = r;
  }
  // the least norm the trimmed loss cannot tell from the refined point (a bounded link's
  // runaway towards a step; src/solver/resolveNorm.ts): a well-determined fit is unchanged
  const refined = trimmed as { w: Float64Array; loss: number };
  const best = resolveNorm(data, link, refined.w, keep, spectral.weights);
  const descent = gradientDescent(data, best.w, {
    link: options.link,
    eps,
    mean: 'filter',
    update: 'squared',
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    rowSquaredNorms: spectral.rowSquaredNorms,
  });
  const descentLoss = descent.w.every(Number.isFinite) ? trimmedLoss(data, link, descent.w, keep, spectral.weights) : Infinity;
  const accept = descentLoss <= (1 + HARDENED_ACCEPT * eps) * best.loss || !Number.isFinite(best.loss);
  return {
    w: accept ? descent.w : best.w,
    w0: spectral.w0,
    iterations: descent.iterations,
    status: accept ? descent.status : 'converged',
  };
}
