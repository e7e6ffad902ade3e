import { namedStream } from '../../src/rng/streams.js';

/** A seeded n x d row-major Gaussian matrix and length-n and length-d Gaussian vectors, for
 *  kernel tests against their definitions (sizes span the unrolling remainders, d mod 4). */
export function randomRows(n: number, d: number, seed: number) {
  const g = namedStream(seed, 'x');
  const draw = (k: number) => Float64Array.from({ length: k }, () => g.normal());
  return { x: draw(n * d), rowVector: () => draw(n), colVector: () => draw(d) };
}

/** The sizes every kernel test runs: remainders 0-3 of d mod 4, and one row. */
export const SIZES: readonly [number, number][] = [
  [1, 1],
  [7, 2],
  [33, 3],
  [64, 4],
  [101, 5],
  [50, 13],
];

/** Bitwise equality of two arrays (Object.is per entry: -0 and NaN too). */
export function sameDoubles(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
