/**
 * label-shift — built to break the plain mean and everything built on it (least-squares GD,
 * plain spectral init, GLMtron): the corrupted labels are all set to one large constant,
 * LABEL_SHIFT_FACTOR robust label scales above the largest clean label. Least squares then
 * chases a constant offset that no w can fit, and y^2 dominates the plain spectral matrix.
 * A filter sees a cluster of huge per-sample gradients and removes it.
 */
import type { Adversary } from './types.js';
import { copyForCorruption, corruptionBudget, madScale, randomRows } from './helpers.js';

/** How far above the largest clean label the constant sits, in robust label scales. At 10
 *  the constant did not dominate the least-squares objective at eps = 0.05 (plain error 0.45
 *  on gelu, d = 40, n = 1e4, seed 1); at 100 it does on every seed tried, while a filter
 *  removes it as easily. */
export const LABEL_SHIFT_FACTOR = 100;

export const labelShift: Adversary = ({ clean, eps, rng }) => {
  const m = corruptionBudget(clean.n, eps);
  const rows = randomRows(clean.n, m, rng);
  const out = copyForCorruption(clean);
  let maxAbs = 0;
  for (let i = 0; i < clean.n; i++) maxAbs = Math.max(maxAbs, Math.abs(clean.y[i]));
  const level = maxAbs + LABEL_SHIFT_FACTOR * Math.max(madScale(clean.y), 1e-3);
  for (const i of rows) out.y[i] = level;
  return { sample: out, corrupted: rows };
};
