/**
 * planted-model — built to break local search from an uninformed start (random-init GD) and
 * to bias plain least squares: corrupted rows are relabelled by a competing model
 * phi(<w', x>) + noise with w' orthogonal to w* and |w'| = |w*|, which creates a spurious
 * basin around w'. The corrupted rows are perfectly consistent with a single-index model,
 * so only their minority (eps < 1/2) separates them from the truth.
 */
import type { Adversary } from './types.js';
import { cleanResiduals, copyForCorruption, corruptionBudget, orthogonalUnit, randomRows, rowDot } from './helpers.js';

export const plantedModel: Adversary = ({ clean, wstar, link, eps, rng }) => {
  const m = corruptionBudget(clean.n, eps);
  const rows = randomRows(clean.n, m, rng);
  const u = orthogonalUnit(wstar, rng);
  const norm = Math.hypot(...wstar);
  const competitor = u.map((t) => t * norm);
  const noise = cleanResiduals(clean, wstar, link.phi);
  const out = copyForCorruption(clean);
  for (const i of rows) out.y[i] = link.phi(rowDot(clean, i, competitor)) + noise[i];
  return { sample: out, corrupted: rows };
};
