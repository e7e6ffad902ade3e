import type { Rng } from './streams.js';

/**
 * A uniformly random orthonormal pair (e1, e2) in R^d: d normals for e1, then d for e2, from
 * `rng`; e1 normalized, e2 made orthogonal to it (Gram-Schmidt) and normalized. Used wherever
 * a plane of (w*, u) must be a random one rather than two axes.
 */
export function orthonormalPair(d: number, rng: Rng): [Float64Array, Float64Array] {
  const e1 = Float64Array.from({ length: d }, () => rng.normal());
  const e2 = Float64Array.from({ length: d }, () => rng.normal());
  const n1 = Math.hypot(...e1);
  for (let j = 0; j < d; j++) e1[j] /= n1;
  let p = 0;
  for (let j = 0; j < d; j++) p += e1[j] * e2[j];
  for (let j = 0; j < d; j++) e2[j] -= p * e1[j];
  const n2 = Math.hypot(...e2);
  for (let j = 0; j < d; j++) e2[j] /= n2;
  return [e1, e2];
}
