/**
 * A permutation of the rows that depends on their content only (a hash of each row's bits),
 * so block assignments made in this order (median of means) do not change when the sample
 * is permuted: the estimators stay permutation invariant while blocks stay well mixed.
 * Ties (identical rows) keep their relative order, which cannot change any block mean.
 */
export function contentOrder(n: number, d: number, x: Float64Array): Int32Array {
  const bits = new Uint32Array(x.buffer, x.byteOffset, x.length * 2);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    const from = 2 * i * d,
      to = 2 * (i + 1) * d;
    for (let k = from; k < to; k++) {
      h ^= bits[k];
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 15;
    }
    keys[i] = h >>> 0;
  }
  return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || compareRows(x, d, a, b));
}

function compareRows(x: Float64Array, d: number, a: number, b: number): number {
  for (let j = 0; j < d; j++) {
    const t = x[a * d + j] - x[b * d + j];
    if (t !== 0) return t;
  }
  return 0;
}
