/**
 * sign-flip — built to break sign resolution and first-moment starts: corrupted labels become
 * the reflection phi(-<w*, x>) plus the row's own noise (for even links, where reflection
 * changes nothing, the label is negated, -y). The corrupted rows look like clean rows of the
 * model -w*, so they pull E[y x] and the least-squares fit towards -w*; a filter must use
 * the fact that they disagree with the majority's gradient at the current iterate.
 */
import type { Adversary } from './types.js';
import { copyForCorruption, corruptionBudget, randomRows, rowDot } from './helpers.js';

export const signFlip: Adversary = ({ clean, wstar, link, eps, rng }) => {
  const m = corruptionBudget(clean.n, eps);
  const rows = randomRows(clean.n, m, rng);
  const out = copyForCorruption(clean);
  for (const i of rows) {
    if (link.even) {
      out.y[i] = -clean.y[i];
      continue;
    }
    const z = rowDot(clean, i, wstar);
    out.y[i] = link.phi(-z) + (clean.y[i] - link.phi(z));
  }
  return { sample: out, corrupted: rows };
};
