/**
 * planted-model — built to break local search from an uninformed start (random-init GD) and
 * to bias plain least squares: corrupted rows are relabelled by a competing model
 * phi(<w', x>) + noise with w' orthogonal to w* and |w'| = |w*|, which creates a spurious
 * basin around w'. The corrupted rows are perfectly consistent with a single-index model,
 * so only their minority (eps < 1/2) separates them from the truth.
 */
import type { Adversary } from './types.js';
import { cleanResiduals, copyForCorruption, corruptionBudget, orthogonalUnit, rowDot, shuffledRows } from './helpers.js';

export const plantedModel: Adversary = ({ clean, wstar, link, eps, rng }) => {
  const m = corruptionBudget(clean.n, eps);
  const u = orthogonalUnit(wstar, rng);
  const norm = Math.hypot(...wstar);
  const competitor = u.map((t) => t * norm);
  const noise = cleanResiduals(clean, wstar, link.phi);
  const relabel = Float64Array.from({ length: clean.n }, (_, i) => link.phi(rowDot(clean, i, competitor)) + noise[i]);
  // Rows where both models agree (relu: both pre-activations negative) would not change:
  // draw among the rows the relabelling does change, and only then from the rest.
  const order = shuffledRows(clean.n, rng);
  const changing = Array.from(order).filter((i) => relabel[i] !== clean.y[i]);
  const rows = Int32Array.from(changing.slice(0, m)).sort();
  if (rows.length < m) throw new Error(`planted-model: only ${rows.length} rows differ between the two models, ${m} needed`);
  const out = copyForCorruption(clean);
  for (const i of rows) out.y[i] = relabel[i];
  return { sample: out, corrupted: rows };
};
