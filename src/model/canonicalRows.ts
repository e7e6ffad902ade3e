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
 * Returns `s` itself when it is already in that order (an O(n d) pass and an O(n) check, no
 * sort, no copy); otherwise a reordered copy (covariates held like allocMatrix holds them, so the kernels run on it).
 */
export function canonicalRows(s: Sample): Sample {
  const before = canonicalComparator(s);
  let sorted = true;
  for (let i = 1; i < s.n; i++)
    if (before(i - 1, i) > 0) {
      sorted = false;
      break;
    }
  if (sorted) return s;
  const order = sortedRows(s.n, before);
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
  return sortedRows(s.n, canonicalComparator(s));
}

function sortedRows(n: number, before: (a: number, b: number) => number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i).sort(before);
}

/** The canonical order of rows a and b (negative: a first), from keys computed once. */
function canonicalComparator(s: Sample): (a: number, b: number) => number {
  const { n, d, x, y } = s;
  const yBits = new Uint32Array(y.buffer, y.byteOffset, 2 * n);
  const hash = new Uint32Array(n);
  const norms = new Float64Array(n);
  countPass(); // the keys read every row's norm
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
    let t = 0;
    for (let j = 0; j < d; j++) t += x[i * d + j] * x[i * d + j];
    norms[i] = t;
  }
  return (a, b) => hash[a] - hash[b] || compare(y[a], y[b]) || compare(norms[a], norms[b]) || compareRows(x, d, a, b);
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
