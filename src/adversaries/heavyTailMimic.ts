/**
 * heavy-tail-mimic — built to break estimators that rely on finite noise variance (least
 * squares, the plain mean of gradients, MoM with too few blocks): corrupted rows keep their
 * covariates and get phi(<w*,x>) plus Cauchy noise of scale HEAVY_TAIL_FACTOR times the
 * clean noise's robust scale. The clean noise is itself heavy-tailed (student-t, pareto),
 * so the corrupted rows look like its extreme tail, only far more of it.
 */
import type { Adversary } from './types.js';
import { cleanResiduals, copyForCorruption, corruptionBudget, madScale, randomRows, rowDot } from './helpers.js';

export const HEAVY_TAIL_FACTOR = 10;

export const heavyTailMimic: Adversary = ({ clean, wstar, link, eps, rng }) => {
  const m = corruptionBudget(clean.n, eps);
  const rows = randomRows(clean.n, m, rng);
  const noiseScale = madScale(cleanResiduals(clean, wstar, link.phi));
  const scale = HEAVY_TAIL_FACTOR * Math.max(noiseScale, 0.1 * Math.max(madScale(clean.y), 1e-3));
  const out = copyForCorruption(clean);
  for (const i of rows) {
    const cauchy = Math.tan(Math.PI * (rng.uniform() - 0.5));
    out.y[i] = link.phi(rowDot(clean, i, wstar)) + scale * cauchy;
  }
  return { sample: out, corrupted: rows };
};
