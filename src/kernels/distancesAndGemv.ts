import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';

/**
 * In one pass over the row-major n x d matrix `x`: dist[i] = sum_j (s_i x_ij - mu_j)^2 (the
 * columns summed in order, as the filter's cold start always summed them) and
 * proj[i] = <x_i, v> (gemv's operation order, so proj equals gemv's output bit for bit).
 * The filter needs both before its first round (the row farthest from the mean starts power
 * iteration; the projections on the pruning centre give the pruning distances), and reading
 * the rows once halves that memory traffic. WebAssembly SIMD twin in assembly/kernels.ts.
 */
export function distancesAndGemv(
  n: number,
  d: number,
  x: Float64Array,
  s: Float64Array,
  mu: Float64Array,
  v: Float64Array,
  dist: Float64Array,
  proj: Float64Array,
): void {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.nVec.set(s.subarray(0, n));
    b.dVec.set(mu.subarray(0, d));
    b.dVec2.set(v.subarray(0, d));
    b.k.distancesAndGemv(n, d, x.byteOffset, b.nOff, b.dOff, b.dOff2, b.nOff2, b.nOff3);
    dist.set(b.nVec2.subarray(0, n));
    proj.set(b.nVec3.subarray(0, n));
    return;
  }
  const d4 = d - (d % 4);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    const si = s[i];
    let t = 0;
    for (let j = 0; j < d; j++) {
      const e = si * x[off + j] - mu[j];
      t += e * e;
    }
    dist[i] = t;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j < d4; j += 4) {
      s0 += x[off + j] * v[j];
      s1 += x[off + j + 1] * v[j + 1];
      s2 += x[off + j + 2] * v[j + 2];
      s3 += x[off + j + 3] * v[j + 3];
    }
    for (; j < d; j++) s0 += x[off + j] * v[j];
    proj[i] = s0 + s1 + s2 + s3;
  }
}
