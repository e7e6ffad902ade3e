/**
 * covariance-shift (white-box) — built to break robust gradient descent as much as its
 * guarantee allows, and to make O(sigma sqrt(eps)) tight. At the attacked point w (the
 * estimator's output on the clean data, or w*), per-sample gradients are
 * g_i = 2 (phi(<w,x_i>) - y_i) phi'(<w,x_i>) x_i. Along a unit u orthogonal to w* and w the
 * clean gradients have spread s_u. The adversary keeps the covariates, picks the rows with
 * the largest |phi'(<w,x>) <u,x>| (so small label changes move the gradient most) and sets
 * their labels so each gradient's component along u equals s_u / sqrt(eps): the mean moves
 * by s_u sqrt(eps) along u while the variance along u grows by only about s_u^2, the level
 * a filter must accept from inliers. Gradient descent then settles about
 * s_u sqrt(eps) / lambda_min(H) away from w*.
 */
import type { Adversary } from './types.js';
import { copyForCorruption, corruptionBudget, orthogonalUnit, rowDot, topRows } from './helpers.js';

/** Size of the planted gradient component, in units of s_u / sqrt(eps). */
export const COVARIANCE_SHIFT_STRENGTH = 1;

export const covarianceShift: Adversary = ({ clean, wstar, link, eps, rng, estimator }) => {
  const { n } = clean;
  const m = corruptionBudget(n, eps);
  const w = estimator ? estimator(clean) : wstar;
  // u orthogonal to both w* and the attacked point
  let u = orthogonalUnit(wstar, rng);
  const wn2 = w.reduce((a, t) => a + t * t, 0);
  const wsn2 = wstar.reduce((a, t) => a + t * t, 0);
  if (wn2 > 0) {
    // Gram-Schmidt of w against w*, then u against that
    const c = wsn2 > 0 ? w.reduce((a, t, j) => a + t * wstar[j], 0) / wsn2 : 0;
    const q = w.map((t, j) => t - c * wstar[j]);
    const qn2 = q.reduce((a, t) => a + t * t, 0);
    if (qn2 > 1e-16) {
      const p = u.reduce((a, t, j) => a + t * q[j], 0) / qn2;
      u = u.map((t, j) => t - p * q[j]);
      const r = Math.hypot(...u);
      u = u.map((t) => t / r);
    }
  }
  const lever = new Float64Array(n);
  const gu = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const z = rowDot(clean, i, w);
    const a = link.dphi(z) * rowDot(clean, i, u);
    lever[i] = Math.abs(a);
    gu[i] = 2 * (link.phi(z) - clean.y[i]) * a;
    ss += gu[i] * gu[i];
  }
  const spread = Math.sqrt(ss / n) || 1e-3;
  const target = m > 0 ? (COVARIANCE_SHIFT_STRENGTH * spread) / Math.sqrt(m / n) : 0;
  const rows = topRows(lever, m);
  const out = copyForCorruption(clean);
  for (const i of rows) {
    const z = rowDot(clean, i, w);
    const a = link.dphi(z) * rowDot(clean, i, u);
    // 2 (phi(z) - y) a = target  =>  y = phi(z) - target / (2 a)
    out.y[i] = a !== 0 ? link.phi(z) - target / (2 * a) : clean.y[i] + target;
  }
  return { sample: out, corrupted: rows };
};
