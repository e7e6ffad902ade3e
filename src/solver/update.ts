import type { Link } from '../model/links.js';
import { madScale } from '../robust/madScale.js';

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

/** Scratch of fillScales: phi and phi' at one point. */
const valueSlope = new Float64Array(2);

/** The per-row factor of the update field at projections u: the field is scale_i x_i with
 *  scale_i = 2 r phi'(u_i) (squared loss), r (GLMtron) or 2 clip(r, delta) phi'(u_i) (Huber),
 *  r = phi(u_i) - y_i. */
export function fillScales(link: Link, update: UpdateName, delta: number, u: Float64Array, y: Float64Array, scale: Float64Array): void {
  const both = link.valueAndSlope;
  if (both && update !== 'glmtron') {
    // one special-function evaluation per row instead of two (same values, bit for bit)
    const pair = valueSlope;
    for (let i = 0; i < u.length; i++) {
      both(u[i], pair);
      const r = pair[0] - y[i];
      scale[i] = update === 'squared' ? 2 * r * pair[1] : 2 * (r > delta ? delta : r < -delta ? -delta : r) * pair[1];
    }
    return;
  }
  for (let i = 0; i < u.length; i++) {
    const r = link.phi(u[i]) - y[i];
    if (update === 'squared') scale[i] = 2 * r * link.dphi(u[i]);
    else if (update === 'glmtron') scale[i] = r;
    else scale[i] = 2 * (r > delta ? delta : r < -delta ? -delta : r) * link.dphi(u[i]);
  }
}

/** Mean squared (or Huber, threshold delta) loss of the residuals phi(u_i) - y_i. */
export function updateLoss(link: Link, u: Float64Array, y: Float64Array, update: UpdateName, delta: number): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    const r = link.phi(u[i]) - y[i];
    const a = Math.abs(r);
    s += update === 'huber' && a > delta ? 2 * delta * a - delta * delta : r * r;
  }
  return s / u.length;
}

/** The MAD scale of the residuals phi(u_i) - y_i (floored so a perfect fit keeps a threshold). */
function residualScale(link: Link, u: Float64Array, y: Float64Array): number {
  return Math.max(madScale(Float64Array.from(u, (t, i) => link.phi(t) - y[i])), 1e-12);
}
