// Flaw: early stopping. The paper's pipeline (`paper`: robust spectral start, then filtered
// gradient descent) with its descent capped at m steps (uncapped it takes 10-170), so the
// answer keeps part of the spectral start's O(eps^(1/4)) and scale-fit error, which does not
// shrink with sigma or n. Built on `paper`, not on the shipped `robust`: the hardened solver
// keeps its trimmed least-squares point whenever the descent's answer is worse by the trimmed
// loss, so capping its descent is no flaw (it was missed at every magnitude).
// What should catch it: sigma-rate and n-rate (and exact recovery).
import { importSource } from '../importSource.mjs';

const { estimator } = await importSource('solver/methods');

export const MAGNITUDES = [30, 10, 2];

const paper = estimator('paper');

export function withMagnitude(m) {
  return (data, options) => paper(data, { ...options, maxIterations: m }).w;
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
