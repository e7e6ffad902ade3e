import type { Link } from '../model/links.js';
import type { Sample } from '../model/sample.js';
import { trimmedLossWithError } from './trimmedRefine.js';

/** Halvings tried at most: 2^-40 of a norm is below any scale the data can resolve. */
export const RESOLVE_NORM_MAX_HALVINGS = 40;

/** The point kept by {@link resolveNorm}, its trimmed loss and the halvings applied. */
export interface ResolvedNorm {
  readonly w: Float64Array;
  readonly loss: number;
  readonly halvings: number;
}

/**
 * The smallest norm along the ray of `w` that the trimmed loss cannot tell from `w`: halve w
 * while T(w / 2^k) <= T(w) + SE(w), where SE is the standard error of T(w) (the spread of
 * the kept squared residuals over sqrt(h)). The one-standard-error rule, applied only in
 * factors of two.
 *
 * Why: on a bounded link (sigmoid, tanh) with noise as large as the link's range, the trimmed
 * loss can keep falling as |w| grows, since a near-step function fits the kept rows a little
 * better at every scale; the concentration steps then run |w| away without end (the deep
 * audit's seed 2: sigmoid, |w*| = 2, sigma 1, eps 0.1, |w| = 416 with T 0.496 against 0.517
 * at |w| = 8). There the data do not determine |w|, and the least norm they allow is the
 * answer that does not invent a scale. It also fires where the noise is merely large for the
 * link's range, with no runaway (the quick audit's P6 rotation: a sigmoid fit, |w*| = 1,
 * sigma 0.5, n = 800, halved from |w| 0.80 to 0.40); there the descent that follows resolves
 * the norm again (it returned to the unhalved answer, 0.805). In factors of two only, so that a well-determined fit
 * is left bit for bit as it was: near a resolved minimizer T(w / 2) exceeds T(w) by the
 * signal's own share of the loss, far above one standard error; a continuous search for the
 * least norm within one standard error would shrink every fit by about sqrt(SE / curvature),
 * an n^(-1/4) bias.
 */
export function resolveNorm(data: Sample, link: Link, w: Float64Array, keep: number, exclude?: Float64Array): ResolvedNorm {
  const at = trimmedLossWithError(data, link, w, keep, exclude);
  if (!Number.isFinite(at.loss) || !Number.isFinite(at.standardError)) return { w, loss: at.loss, halvings: 0 };
  const level = at.loss + at.standardError;
  let best = w;
  let bestLoss = at.loss;
  let halvings = 0;
  const trial = new Float64Array(w.length);
  for (let k = 1; k <= RESOLVE_NORM_MAX_HALVINGS; k++) {
    const scale = 2 ** -k;
    for (let j = 0; j < w.length; j++) trial[j] = w[j] * scale;
    const loss = trimmedLossWithError(data, link, trial, keep, exclude).loss;
    if (!(loss <= level)) break;
    best = Float64Array.from(trial);
    bestLoss = loss;
    halvings = k;
  }
  return { w: best, loss: bestLoss, halvings };
}
