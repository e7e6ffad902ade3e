/**
 * leverage — built to break least squares (plain GD, Huber GD, GLMtron): corrupted rows are
 * points of huge norm LEVERAGE_FACTOR * sqrt(d) along a unit u orthogonal to w*, labelled by
 * the competing model w* + |w*| u. Their squared residuals dominate the empirical loss, so
 * least squares tilts w by about |w*| along u. Huber bounds the residual but not the
 * covariate, so it tilts too. A filter sees gradients of enormous norm along u.
 */
import type { Adversary } from './types.js';
import { copyForCorruption, corruptionBudget, orthogonalUnit, randomRows } from './helpers.js';

export const LEVERAGE_FACTOR = 10;

export const leverage: Adversary = ({ clean, wstar, link, eps, rng }) => {
  const { n, d } = clean;
  const m = corruptionBudget(n, eps);
  const rows = randomRows(n, m, rng);
  const u = orthogonalUnit(wstar, rng);
  const norm = Math.max(Math.hypot(...wstar), 1e-3);
  const out = copyForCorruption(clean);
  for (const i of rows) {
    const r = LEVERAGE_FACTOR * Math.sqrt(d) * (0.5 + rng.uniform());
    for (let j = 0; j < d; j++) out.x[i * d + j] = r * u[j];
    out.y[i] = link.phi(norm * r); // = phi(<w* + |w*| u, x>) since <w*, u> = 0
  }
  return { sample: out, corrupted: rows };
};
