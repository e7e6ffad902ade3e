import type { Link } from '../model/links.js';
import { madScale } from '../robust/madScale.js';
import { fillValues } from '../model/linkRanges.js';

/** Scales tried by the grid, as multiples of the robust label scale: 10^-2.5 .. 10^2.5. */
const GRID_DECADES = 2.5;
const GRID_POINTS = 21;
const GOLDEN_STEPS = 25;
/** Rows summed between two checks of a loss against its limit (see fitScale's `loss`). */
const ABANDON_BLOCK = 512;

/**
 * Fit y_i ~ phi(t * z_i) over t in R (both signs unless the link is even), where z_i are the
 * projections of the covariates on a unit direction. `robust`: minimize the Cauchy loss
 * sum c_i log(1 + (r_i / c)^2), c = the MAD scale of y: bounded influence, so eps of arbitrary
 * labels cannot drag the scale, and no sorting per evaluation. Otherwise: least squares.
 * A log grid then golden-section refinement; returns the signed scale t.
 */
export function fitScale(link: Link, z: Float64Array, y: Float64Array, opts: { robust: boolean; weights?: Float64Array }): number {
  const n = z.length;
  const c = opts.robust ? robustLabelScale(y) : 1;
  const wts = opts.weights;
  // one block's arguments t z_i and values phi(t z_i), from the link's own loop (Link.values)
  const args = new Float64Array(Math.min(n, ABANDON_BLOCK));
  const vals = new Float64Array(Math.min(n, ABANDON_BLOCK));
  /**
   * The loss at t, or, once its running sum exceeds `limit`, that partial sum: every term is
   * >= 0 and rounding is monotone, so the whole sum would exceed `limit` too, and each caller
   * below only needs the exact value of a loss that does not exceed its limit (the grid keeps
   * strictly smaller losses; golden section keeps the smaller of two). The same grid point and
   * the same golden-section path as summing every row (a loss that would end in NaN, from a
   * weight 0 times an infinite residual, is read as the large partial sum it had reached).
   * The check runs once per block of rows, outside the inner loop.
   */
  const loss = (t: number, limit = Infinity): number => {
    let s = 0;
    for (let i0 = 0; i0 < n; i0 += ABANDON_BLOCK) {
      const i1 = Math.min(n, i0 + ABANDON_BLOCK);
      for (let i = i0; i < i1; i++) args[i - i0] = t * z[i];
      fillValues(link, args, 0, i1 - i0, vals);
      if (opts.robust) {
        for (let i = i0; i < i1; i++) {
          const r = (y[i] - vals[i - i0]) / c;
          s += (wts ? wts[i] : 1) * Math.log1p(r * r);
        }
      } else {
        for (let i = i0; i < i1; i++) {
          const r = y[i] - vals[i - i0];
          s += r * r;
        }
      }
      if (s > limit) return s;
    }
    return s;
  };
  // the scale of t: labels ~ phi(t z) with z ~ N(0,1); use the spread of y as a unit
  const unit = Math.max(c, 1e-8);
  const signs = link.even ? [1] : [1, -1];
  let bestT = 0,
    bestLoss = loss(0);
  const grid: number[] = [];
  for (let g = 0; g < GRID_POINTS; g++) grid.push(unit * 10 ** (-GRID_DECADES + (2 * GRID_DECADES * g) / (GRID_POINTS - 1)));
  for (const sign of signs) {
    for (const t of grid) {
      // only a loss below bestLoss is kept: past it the sum can stop
      const l = loss(sign * t, bestLoss);
      if (l < bestLoss) {
        bestLoss = l;
        bestT = sign * t;
      }
    }
  }
  // golden section on [t / r, t * r] around the best grid point (r = grid ratio)
  if (bestT === 0) return 0;
  const t = goldenSection(loss, bestT, 10 ** ((2 * GRID_DECADES) / (GRID_POINTS - 1)));
  return loss(t, bestLoss) <= bestLoss ? t : bestT;
}

/**
 * GOLDEN_STEPS of golden-section search for the least `loss` on [t0 / ratio, t0 * ratio]; the
 * bracket's midpoint. `loss(t, limit)` may stop summing once past `limit` (see fitScale).
 */
function goldenSection(loss: (t: number, limit?: number) => number, t0: number, ratio: number): number {
  let a = t0 / ratio,
    b = t0 * ratio;
  if (a > b) [a, b] = [b, a];
  const phiG = (Math.sqrt(5) - 1) / 2;
  let x1 = b - phiG * (b - a),
    x2 = a + phiG * (b - a);
  let f1 = loss(x1),
    f2 = loss(x2);
  for (let it = 0; it < GOLDEN_STEPS; it++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - phiG * (b - a);
      // f1's value is kept only if it is below f2: once the sum is past f2 it can stop
      f1 = loss(x1, f2);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + phiG * (b - a);
      // f2's value is kept only if it is not above f1: once the sum is past f1 it can stop
      f2 = loss(x2, f1);
    }
  }
  return 0.5 * (a + b);
}

/** The MAD scale of the labels, floored away from 0 by the mean absolute label (relu labels
 *  can be more than half zeros). */
export function robustLabelScale(y: Float64Array): number {
  const mad = madScale(y);
  if (mad > 0) return mad;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += Math.abs(y[i]);
  return s / y.length || 1;
}
