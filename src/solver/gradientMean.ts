import type { Link } from '../model/links.js';
import { gemvT } from '../kernels/gemvT.js';
import { projectAndAccumulate } from '../kernels/projectAndAccumulate.js';
import { rowSquaredNorms } from '../kernels/rowSquaredNorms.js';
import { filterMeanDetailed } from '../robust/filterMean.js';
import { mean } from '../robust/mean.js';
import { trimmedMean } from '../robust/trimmedMean.js';
import { coordinateMedian } from '../robust/coordinateMedian.js';
import { medianOfMeans } from '../robust/medianOfMeans.js';
import type { MeanEstimator, ScaledRows } from '../robust/rows.js';
import { FreezeTracker } from './freeze.js';
import { fillValues, fillValuesAndSlopes } from '../model/linkRanges.js';
import { fillScales, type UpdateName } from './update.js';

/** How per-sample updates are aggregated. */
export type MeanName = 'filter' | 'mean' | 'trimmed-mean' | 'coordinate-median' | 'median-of-means';

/**
 * The mean of the per-sample update vectors as descent sees it: one interface for the
 * stateless means and the filter, which owns its weights, their freezing and the polish.
 */
export interface GradientMean {
  /** The aggregate of the rows' update vectors (their scales filled by the caller). */
  aggregate(): Float64Array;
  /** The loss a step must not increase (its own line search, halving from the fixed step);
   *  undefined: the descent's own step rule. */
  stepLoss(): KeptWeightsLoss | undefined;
  /** Whether a candidate step of this relative length is refused (w stays; aggregate again). */
  refuses(relative: number): boolean;
  /** After a step of this relative length was taken. */
  record(relative: number): void;
  /** At convergence, at the point whose projections are u = X w: true when descent must go on
   *  (new weights). */
  resumeAtConvergence(u: Float64Array): boolean;
}

/** What a gradient mean reads: the rows (x and the scale array descent fills), the responses,
 *  the link and update, and eps. */
export interface GradientMeanContext {
  readonly rows: ScaledRows & { readonly scale: Float64Array };
  readonly y: Float64Array;
  readonly link: Link;
  readonly update: UpdateName;
  readonly eps: number;
  /** |x_i|^2 per row, if already computed (the spectral start computes them). */
  readonly rowSquaredNorms?: Float64Array;
}

const STATELESS: Record<Exclude<MeanName, 'filter'>, MeanEstimator> = {
  mean: (rows) => mean(rows),
  'trimmed-mean': trimmedMean,
  'coordinate-median': coordinateMedian,
  'median-of-means': medianOfMeans,
};

/** The gradient mean named `name` for one descent. */
export function gradientMean(name: MeanName, ctx: GradientMeanContext): GradientMean {
  return name === 'filter' ? new FilterGradientMean(ctx) : statelessMean(STATELESS[name], ctx);
}

/** A mean without state of its own (it keeps the freeze bookkeeping only for its refusal rule). */
function statelessMean(estimator: MeanEstimator, ctx: GradientMeanContext): GradientMean {
  const freeze = new FreezeTracker();
  return {
    aggregate: () => estimator(ctx.rows, { eps: ctx.eps }),
    stepLoss: () => undefined,
    refuses: (relative) => freeze.refuses(relative),
    record: (relative) => freeze.record(relative),
    resumeAtConvergence: () => false,
  };
}

/** After converging under frozen weights, re-filter at the converged point and, if the weights
 *  change, descend again with the new ones (to convergence: the first step of that descent
 *  is not refused by UNFREEZE_FACTOR, which used to send the polish back to fresh filtering
 *  and its wandering): at most this many times. The weights then come from the filter at the
 *  answer itself, not at whichever iterate they froze, which made the answer depend on the
 *  path: rotating or permuting the sample (rounding-level changes) moved w by up to 5.8% of
 *  the P1 bound (deep profile, seed 424242). A weight set seen before (a cycle) ends the
 *  polish with one descent under the cycle's elementwise minimum, which does not depend on
 *  which member of the cycle the path met first. */
export const POLISH_ROUNDS = 3;

/**
 * The filter as descent's mean. It runs afresh at every step (a row whose gradient is
 * invisible at one iterate, e.g. a leverage point where phi' vanishes, is caught where it
 * starts to pull) until the steps freeze (src/solver/freeze.ts); then descent is the fixed
 * weighted GD the last weights define, with a step halved until the weighted loss does not
 * increase (so it converges, also across relu's kink); at convergence the filter runs again at
 * the answer (POLISH_ROUNDS).
 */
class FilterGradientMean implements GradientMean {
  private readonly freeze = new FreezeTracker();
  private weights: Float64Array | undefined;
  private norms: Float64Array | undefined;
  private polished = 0;
  private readonly history: Float64Array[] = [];
  private loss: KeptWeightsLoss | undefined;
  /** The polish filter's mean under the weights it hands to descent, at the point where it ran:
   *  what the next aggregate (at that same point, under those weights) would compute. */
  private pending: Float64Array | undefined;

  constructor(private readonly ctx: GradientMeanContext) {}

  aggregate(): Float64Array {
    const { rows, eps } = this.ctx;
    const pending = this.pending;
    this.pending = undefined;
    // after a polish, the filter's own mean: it is this weighted mean, computed by the same
    // operations in the same order at the same point (a pass saved, bit for bit)
    if (this.freeze.frozen && this.weights) return pending ?? weightedMean(rows, this.weights);
    // The filter inside descent starts cold (from the sample's own most extreme row) at every
    // step, never from the previous step's direction. Near the answer the filtered covariance is
    // nearly isotropic, its top eigenvector ill-determined, and the eigen-solver stops on its
    // eigenvalue before the vector converges (it was power iteration then): a warm start carried that unconverged
    // vector from step to step, a memory through which rounding grew by 1e-9 -> 1e-2 in three
    // steps. With the warm start, P6-rotation-equivariance failed at 4 of 40 quick audit seeds
    // (margins up to 1.6); cold, at 0 of 160 (largest margin 0.28), with 94% of its cases
    // equal to rounding instead of 74%.
    this.norms ??= this.ctx.rowSquaredNorms ?? rowSquaredNorms(rows.n, rows.d, rows.x);
    const f = filterMeanDetailed(rows, { eps, rowSquaredNorms: this.norms });
    this.weights = f.weights;
    return f.mean;
  }

  stepLoss(): KeptWeightsLoss | undefined {
    const { weights } = this;
    if (!(this.freeze.frozen && weights && this.ctx.update === 'squared')) return undefined;
    // Under frozen weights the field is the gradient of a fixed weighted loss: a step that
    // does not decrease it is halved (this step only). A fixed step cycled here: relu's
    // kink at a heavy-residual row gave a 2-cycle of amplitude 7e-4 |w| until the cap.
    // The same weights give the same loss object, which tells descent that two steps were
    // taken under one loss (its Barzilai-Borwein step needs that, and so does reusing the
    // mean a step's own pass computed).
    if (this.loss?.weights !== weights) this.loss = new KeptWeightsLoss(this.ctx.rows, this.ctx.y, this.ctx.link, weights);
    return this.loss;
  }

  refuses(relative: number): boolean {
    return this.freeze.refuses(relative);
  }

  record(relative: number): void {
    this.freeze.record(relative);
  }

  resumeAtConvergence(u: Float64Array): boolean {
    const { rows, y, link, update, eps } = this.ctx;
    const weights = this.weights;
    if (!(update === 'squared' && weights && this.polished < POLISH_ROUNDS)) return false;
    // polish: the filter at the converged point; keep descending if it disagrees. `u` is
    // X w already (descent keeps it so, from the same gemv), so no pass recomputes it.
    fillScales(link, update, 0, u, y, rows.scale);
    const f = filterMeanDetailed(rows, { eps, rowSquaredNorms: this.norms });
    this.polished++;
    if (sameWeights(f.weights, weights)) return false;
    this.history.push(weights);
    const k = this.history.findIndex((h) => sameWeights(h, f.weights));
    let next = f.weights;
    if (k >= 0) {
      // a cycle of weight sets: descend once more under their elementwise minimum (a row
      // any member down-weights stays down-weighted), which does not depend on the
      // member the path entered the cycle by
      next = Float64Array.from(f.weights);
      for (const h of this.history.slice(k)) for (let i = 0; i < rows.n; i++) if (h[i] < next[i]) next[i] = h[i];
      this.polished = POLISH_ROUNDS;
    } else this.pending = f.mean;
    this.weights = next;
    this.freeze.refreeze();
    return true;
  }
}

/** Whether two weight vectors are identical. */
function sameWeights(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The loss descent minimizes under kept (frozen) filter weights c: the weighted squared loss
 * sum_i c_i (phi(u_i) - y_i)^2 / sum_i c_i of the projections u = X w. Its gradient in w is
 * the weighted mean of the rows' update vectors, 2 (phi(u_i) - y_i) phi'(u_i) x_i, which is
 * what the filter's mean returns under these weights; valueAndMean gives both in one pass.
 */
export class KeptWeightsLoss {
  /** sum_i c_i, summed in row order. */
  private readonly total: number;
  private rowsScratch: { values: Float64Array; slopes: Float64Array } | undefined;

  constructor(
    private readonly rows: ScaledRows,
    private readonly y: Float64Array,
    private readonly link: Link,
    readonly weights: Float64Array,
  ) {
    let W = 0;
    for (let i = 0; i < weights.length; i++) W += weights[i];
    this.total = W;
  }

  /** The loss at projections u. */
  value(u: Float64Array): number {
    const { link, y, weights: c } = this;
    const { values } = this.scratch();
    fillValues(link, u, 0, u.length, values);
    let s = 0;
    for (let i = 0; i < u.length; i++) {
      const r = values[i] - y[i];
      s += c[i] * r * r;
    }
    return s / this.total;
  }

  /** phi and phi' per row, made on first use (one loss object serves a whole frozen run). */
  private scratch(): { values: Float64Array; slopes: Float64Array } {
    this.rowsScratch ??= { values: new Float64Array(this.rows.n), slopes: new Float64Array(this.rows.n) };
    return this.rowsScratch;
  }

  /**
   * The loss at w, with u = X w and `mean` = the weighted mean of the update rows at w, in one
   * pass over X (projectAndAccumulate) and one evaluation of the link per row; `coef` is
   * scratch of length n. The same numbers, bit for bit, as gemv, then value(u), then
   * fillScales and the filter's mean under these weights: the same operations in the same
   * order (valuesAndSlopes is bit-identical to phi and dphi).
   */
  valueAndMean(w: Float64Array, u: Float64Array, coef: Float64Array, mean: Float64Array): number {
    const { rows, link, y, weights: c } = this;
    const { values, slopes } = this.scratch();
    let s = 0;
    projectAndAccumulate(
      rows.n,
      rows.d,
      rows.x,
      w,
      u,
      (i0, i1, proj, out) => {
        fillValuesAndSlopes(link, proj, i0, i1, values, slopes);
        for (let i = i0; i < i1; i++) {
          const r = values[i] - y[i];
          s += c[i] * r * r;
          out[i] = c[i] * (2 * r * slopes[i]);
        }
      },
      coef,
      mean,
    );
    for (let j = 0; j < rows.d; j++) mean[j] /= this.total;
    return s / this.total;
  }
}

/** The weighted mean sum_i c_i g_i / sum_i c_i of the rows. */
function weightedMean(rows: ScaledRows, c: Float64Array): Float64Array {
  const s = rows.scale!;
  const u = new Float64Array(rows.n);
  let W = 0;
  for (let i = 0; i < rows.n; i++) {
    u[i] = c[i] * s[i];
    W += c[i];
  }
  const out = gemvT(rows.n, rows.d, rows.x, u, new Float64Array(rows.d));
  for (let j = 0; j < rows.d; j++) out[j] /= W;
  return out;
}
