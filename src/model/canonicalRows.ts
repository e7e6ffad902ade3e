import { countPass } from '../kernels/passCount.js';
import { allocMatrix } from '../kernels/wasmKernels.js';
import type { Sample } from './sample.js';

/**
 * The sample's rows in an order fixed by their content alone, so that an estimator that first
 * puts its data in this order gives the same answer, bit for bit, for every permutation of
 * the rows: every floating-point sum over rows then runs in one order, and the robust
 * pipeline's data-dependent decisions (the filter's cuts, step counts near a tolerance) can
 * no longer flip with the input order.
 *
 * The key is a hash of the response's bits (rows stay well mixed: corrupted rows that share
 * a label are not gathered in one block), then the row's squared norm, then the covariates in
 * order. The first two keys survive a rotation of the covariates up to rounding in |x|^2,
 * which matters only for rows with bit-identical responses and norms within 1e-15 of each
 * other: a rotated sample is therefore put in the same order as the original in practice,
 * and rotation equivariance is limited by rounding in the products alone.
 *
 * Returns `s` itself when it is already in that order (an O(n) check on the labels' hashes, no
 * sort, no copy); otherwise a reordered copy (covariates held like allocMatrix holds them, so the kernels run on it).
 */
export function canonicalRows(s: Sample): Sample {
  const keys = canonicalKeys(s);
  let sorted = true;
  for (let i = 1; i < s.n; i++)
    if (keys.before(i - 1, i) > 0) {
      sorted = false;
      break;
    }
  if (sorted) return s;
  const order = sortedRows(s.n, keys);
  const { n, d, x, y } = s;
  const px = allocMatrix(n, d),
    py = new Float64Array(n);
  countPass(); // the reordered copy
  for (let dst = 0; dst < n; dst++) {
    const src = order[dst];
    py[dst] = y[src];
    px.set(x.subarray(src * d, src * d + d), dst * d);
  }
  return { n, d, x: px, y: py };
}

/** The permutation {@link canonicalRows} applies: row `order[k]` goes to position k. */
export function canonicalOrder(s: Sample): Int32Array {
  return sortedRows(s.n, canonicalKeys(s));
}

/** The canonical order's first key (a hash of y_i's bits) and its full comparator. */
interface CanonicalKeys {
  readonly hash: Uint32Array;
  /** Negative: row a first; 0 only for rows equal in every key. */
  readonly before: (a: number, b: number) => number;
}

/**
 * The rows sorted by {@link CanonicalKeys.before}, stably (equal rows keep their index order).
 * Written by hand because a comparator sort calls a closure n log n times (it was a tenth of a
 * fit at n = 640000): a stable LSD radix sort on the 32-bit hash, three passes of 11 bits,
 * orders the rows by the first key in O(n), and only the runs of equal hashes (about n^2 / 2^33
 * pairs of rows: few, mostly rows with equal labels) go through the comparator. The result is
 * the comparator sort's own, since both are stable and the hash is the comparator's first key.
 */
function sortedRows(n: number, keys: CanonicalKeys): Int32Array {
  const { hash, before } = keys;
  let order = new Int32Array(n),
    spare = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Int32Array(1 << 11);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(hash[i] >>> shift) & 0x7ff]++;
    let total = 0;
    for (let b = 0; b < counts.length; b++) {
      const c = counts[b];
      counts[b] = total;
      total += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[counts[(hash[i] >>> shift) & 0x7ff]++] = i;
    }
    [order, spare] = [spare, order];
  }
  // runs of one hash: the remaining keys decide (Int32Array's comparator sort is stable)
  for (let lo = 0; lo < n; ) {
    let hi = lo + 1;
    while (hi < n && hash[order[hi]] === hash[order[lo]]) hi++;
    if (hi - lo > 1) order.subarray(lo, hi).sort(before);
    lo = hi;
  }
  return order;
}

/** The keys of the canonical order: the hash computed once (O(n), from the labels alone), the
 *  squared norms only for rows whose hash and label tie with another's (rare), when asked. */
function canonicalKeys(s: Sample): CanonicalKeys {
  const { n, d, x, y } = s;
  const yBits = new Uint32Array(y.buffer, y.byteOffset, 2 * n);
  const hash = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // FNV-1a over the two 32-bit halves of y_i, with an extra xor-shift for avalanche
    let h = 0x811c9dc5;
    h ^= yBits[2 * i];
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
    h ^= yBits[2 * i + 1];
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
    hash[i] = h >>> 0;
  }
  // NaN: not computed yet (a squared norm of finite covariates is never NaN)
  const norms = new Float64Array(n).fill(Number.NaN);
  const norm = (i: number): number => {
    let t = norms[i];
    if (Number.isNaN(t)) {
      t = 0;
      for (let j = 0; j < d; j++) t += x[i * d + j] * x[i * d + j];
      norms[i] = t;
    }
    return t;
  };
  const before = (a: number, b: number): number =>
    hash[a] - hash[b] || compare(y[a], y[b]) || compare(norm(a), norm(b)) || compareRows(x, d, a, b);
  return { hash, before };
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(x: Float64Array, d: number, a: number, b: number): number {
  for (let j = 0; j < d; j++) {
    const c = compare(x[a * d + j], x[b * d + j]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Puts the rows of a sample the caller owns in canonical order in place (no copy of the
 * matrix: one row of scratch), and returns it. For data read from a file or drawn for a
 * benchmark, so that the fit that follows finds it already in order and holds the covariates
 * once; data that someone else owns goes through {@link canonicalRows} instead.
 */
export function canonicalizeInPlace<S extends Sample>(s: S): S {
  const order = canonicalOrder(s);
  const { n, d, x, y } = s;
  const row = new Float64Array(d);
  const done = new Uint8Array(n);
  // position k receives row order[k]: follow each cycle of the permutation once
  for (let start = 0; start < n; start++) {
    if (done[start] || order[start] === start) {
      done[start] = 1;
      continue;
    }
    row.set(x.subarray(start * d, start * d + d));
    const yStart = y[start];
    let k = start;
    while (order[k] !== start) {
      const src = order[k];
      x.copyWithin(k * d, src * d, src * d + d);
      y[k] = y[src];
      done[k] = 1;
      k = src;
    }
    x.set(row, k * d);
    y[k] = yStart;
    done[k] = 1;
  }
  return s;
}
