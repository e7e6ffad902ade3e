/**
 * spectral-plant — built to break plain spectral initialization: corrupted covariates carry
 * a spike along a unit u orthogonal to w*, x = ±sqrt(d/2) u + (the rest of a Gaussian row
 * rescaled), so their norm stays about sqrt(d) and norm filters miss them; their labels sit
 * at the clean labels' 0.95-quantile of |y|, large yet typical, so label filters miss them
 * too. Each adds T(y) (d/2) to u^T M u, so eps of them outweigh the spike b along w* as soon
 * as eps d T(y) / 2 > b: the plain top eigenvector turns to u. A filter on the second
 * moment sees the inflated direction and its few responsible rows.
 */
import type { Adversary } from './types.js';
import { copyForCorruption, corruptionBudget, orthogonalUnit, randomRows } from './helpers.js';
import { selectInPlace } from '../kernels/select.js';

export const PLANT_LABEL_QUANTILE = 0.95;

export const spectralPlant: Adversary = ({ clean, wstar, eps, rng }) => {
  const { n, d } = clean;
  const m = corruptionBudget(n, eps);
  const rows = randomRows(n, m, rng);
  const u = orthogonalUnit(wstar, rng);
  const abs = Float64Array.from(clean.y, Math.abs);
  const label = selectInPlace(abs, Math.min(n - 1, Math.floor(PLANT_LABEL_QUANTILE * n)));
  const spike = Math.sqrt(d / 2);
  const rest = Math.sqrt(Math.max(d - spike * spike, 0) / Math.max(d - 1, 1));
  const wn = Math.hypot(...wstar);
  const out = copyForCorruption(clean);
  const g = new Float64Array(d);
  for (const i of rows) {
    for (let j = 0; j < d; j++) g[j] = rng.normal();
    // remove the components along u and w*, so the row is orthogonal to w* but for the spike
    let pu = 0,
      pw = 0;
    for (let j = 0; j < d; j++) {
      pu += g[j] * u[j];
      pw += g[j] * wstar[j];
    }
    for (let j = 0; j < d; j++) g[j] -= pu * u[j] + (wn > 0 ? (pw * wstar[j]) / (wn * wn) : 0);
    const sign = rng.uniform() < 0.5 ? -1 : 1;
    for (let j = 0; j < d; j++) out.x[i * d + j] = sign * spike * u[j] + rest * g[j];
    out.y[i] = (rng.uniform() < 0.5 ? -1 : 1) * label;
  }
  return { sample: out, corrupted: rows };
};
