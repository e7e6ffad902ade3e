import { InputError } from '../errors.js';
/**
 * The k-th smallest value (0-based) of values[from..to), found in place by Hoare's
 * quickselect with median-of-three pivots: O(len) on average, no allocation. Hand-written
 * because robust estimators call it per coordinate and per filter round, on large arrays.
 * The slice is reordered.
 */
export function selectInPlace(values: Float64Array, k: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to - 1;
  const target = from + k;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    let a = values[lo],
      b = values[mid],
      c = values[hi];
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    if (b > c) {
      b = c;
    }
    if (a > b) {
      b = a;
    }
    const pivot = b;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target];
  }
  return values[target];
}

/** Median of values[from..to) (reorders the slice); mean of the two middles for even length. */
export function medianInPlace(values: Float64Array, from = 0, to = values.length): number {
  const len = to - from;
  if (len <= 0) throw new InputError('median of an empty slice');
  const upper = selectInPlace(values, len >>> 1, from, to);
  if (len % 2 === 1) return upper;
  // the lower middle is the max of the left part after selection
  let lower = -Infinity;
  for (let i = from; i < from + (len >>> 1); i++) if (values[i] > lower) lower = values[i];
  return 0.5 * (lower + upper);
}
