import type { Link } from './links.js';

/**
 * value[i] = phi(u[i]) and slope[i] = phi'(u[i]) for i0 <= i < i1: the link's own loop
 * (Link.valuesAndSlopes) where it has one, else phi and phi' row by row. The same doubles
 * either way; the gradient loops call this once per block of rows instead of the link once
 * per row (see Link.valuesAndSlopes for why).
 */
export function fillValuesAndSlopes(link: Link, u: Float64Array, i0: number, i1: number, value: Float64Array, slope: Float64Array): void {
  if (link.valuesAndSlopes) {
    link.valuesAndSlopes(u, i0, i1, value, slope);
    return;
  }
  for (let i = i0; i < i1; i++) {
    value[i] = link.phi(u[i]);
    slope[i] = link.dphi(u[i]);
  }
}

/** value[i] = phi(u[i]) for i0 <= i < i1 (Link.values where the link has it). */
export function fillValues(link: Link, u: Float64Array, i0: number, i1: number, value: Float64Array): void {
  if (link.values) {
    link.values(u, i0, i1, value);
    return;
  }
  for (let i = i0; i < i1; i++) value[i] = link.phi(u[i]);
}
