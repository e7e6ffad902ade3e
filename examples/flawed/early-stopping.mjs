// Flaw: early stopping. Robust gradient descent capped at m steps (the shipped solver takes
// 10-170), so the answer keeps part of the spectral start's O(eps^(1/4)) and scale-fit error,
// which does not shrink with sigma or n. What should catch it: sigma-rate and n-rate (and
// exact recovery).
import { importSource } from '../importSource.mjs';

const { estimator } = await importSource('solver/methods');

export const MAGNITUDES = [30, 10, 2];

const robust = estimator('robust');

export function withMagnitude(m) {
  return (data, options) => robust(data, { ...options, maxIterations: m }).w;
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
