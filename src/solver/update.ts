import type { Link } from '../model/links.js';
import { madScale } from '../robust/madScale.js';
import { fillValues, fillValuesAndSlopes } from '../model/linkRanges.js';

/** The per-sample update field: the squared-loss gradient, the convex surrogate
 *  (GLMtron, (phi(<w,x>) - y) x) or the Huber-loss gradient. */
export type UpdateName = 'squared' | 'glmtron' | 'huber';

/** Huber's threshold in units of the residuals' robust scale (95% efficiency at the normal). */
export const HUBER_K = 1.345;

/** The update's threshold at projections u: Huber's HUBER_K times the residuals' robust scale,
 *  recomputed at every step; 0 for the others. */
export function updateThreshold(update: UpdateName, link: Link, u: Float64Array, y: Float64Array): number {
  return update === 'huber' ? HUBER_K * residualScale(link, u, y) : 0;
}

/** Scratch of fillScales: phi' per row (grown to the largest sample seen; fillScales never
 *  reads what an earlier call left in it). */
let slopeScratch = new Float64Array(0);
/** Scratch of updateLoss: phi per row (as slopeScratch). */
let valueScratch = new Float64Array(0);

/** The per-row factor of the update field at projections u: the field is scale_i x_i with
 *  scale_i = 2 r phi'(u_i) (squared loss), r (GLMtron) or 2 clip(r, delta) phi'(u_i) (Huber),
 *  r = phi(u_i) - y_i. */
export function fillScales(link: Link, update: UpdateName, delta: number, u: Float64Array, y: Float64Array, scale: Float64Array): void {
  const n = u.length;
  // phi into scale, then the factor from it, row by row: phi and phi' from the link's own loop
  // (one special-function evaluation per row; the same values, bit for bit)
  if (update === 'glmtron') {
    fillValues(link, u, 0, n, scale);
    for (let i = 0; i < n; i++) scale[i] = scale[i] - y[i];
    return;
  }
  if (slopeScratch.length < n) slopeScratch = new Float64Array(n);
  const slope = slopeScratch;
  fillValuesAndSlopes(link, u, 0, n, scale, slope);
  for (let i = 0; i < n; i++) {
    const r = scale[i] - y[i];
    scale[i] = update === 'squared' ? 2 * r * slope[i] : 2 * (r > delta ? delta : r < -delta ? -delta : r) * slope[i];
  }
}

/** Mean squared (or Huber, threshold delta) loss of the residuals phi(u_i) - y_i. */
export function updateLoss(link: Link, u: Float64Array, y: Float64Array, update: UpdateName, delta: number): number {
  if (valueScratch.length < u.length) valueScratch = new Float64Array(u.length);
  const value = valueScratch;
  fillValues(link, u, 0, u.length, value);
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    const r = value[i] - y[i];
    const a = Math.abs(r);
    s += update === 'huber' && a > delta ? 2 * delta * a - delta * delta : r * r;
  }
  return s / u.length;
}

/** The MAD scale of the residuals phi(u_i) - y_i (floored so a perfect fit keeps a threshold). */
function residualScale(link: Link, u: Float64Array, y: Float64Array): number {
  return Math.max(madScale(Float64Array.from(u, (t, i) => link.phi(t) - y[i])), 1e-12);
}
