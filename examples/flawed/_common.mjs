// Shared by the flawed estimators of this folder (not an estimator itself: no `fit`).
// Each flawed estimator is the shipped robust solver with one planted flaw, so that what the
// audit catches is the flaw and nothing else. `withMagnitude(m)` builds the estimator at a
// magnitude; `fit` is the largest magnitude (the one `sim-audit audit --estimator FILE` runs).
import { importSource } from '../importSource.mjs';

const { estimator } = await importSource('solver/methods');
const { getLink } = await importSource('model/links');
const { madScale } = await importSource('robust/madScale');

const robust = estimator('robust');

/** The shipped robust fit: w. */
export function robustFit(data, options) {
  return robust(data, options).w;
}

/** A robust residual scale at w: the normal-consistent MAD of y - phi(<w, x>). */
export function residualScale(data, options, w) {
  const { n, d, x, y } = data;
  const link = getLink(options.link);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < d; j++) t += x[i * d + j] * w[j];
    r[i] = y[i] - link.phi(t);
  }
  return madScale(r);
}

/** w moved along itself by `delta` (its norm grows by delta: an error of exactly delta). */
export function moveAlong(w, delta) {
  const norm = Math.hypot(...w);
  if (norm === 0) return Float64Array.from(w);
  return Float64Array.from(w, (v) => v * (1 + delta / norm));
}
