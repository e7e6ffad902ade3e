/** Tasks for the sweep tests: pure functions of their arguments. */
import { namedStream } from '../../src/rng/streams.js';

/** A seeded draw's mean, with some work so tasks overlap on workers. */
export function seededMean(a: { seed: number; n: number }): number {
  const r = namedStream(a.seed, 'toy');
  let s = 0;
  for (let i = 0; i < a.n; i++) s += r.normal();
  return s / a.n;
}

/** Values JSON alone would lose. */
export function awkward(a: { k: number }): { v: Float64Array; nan: number; neg: number } {
  return { v: Float64Array.of(a.k, -0, Infinity), nan: NaN, neg: -0 };
}

export function fails(): never {
  throw new Error('task failed on purpose');
}
