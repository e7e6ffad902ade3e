import { Matrix } from 'ml-matrix';

/** The weighted covariance (1/W) sum c_i (s_i x_i - mu)(s_i x_i - mu)^T, formed densely: the
 *  reference the eigen-solvers' tests compare against (the solvers never form it). */
export function denseCovariance(n: number, d: number, x: Float64Array, s: Float64Array, c: Float64Array, mu: Float64Array | null): Matrix {
  const W = c.reduce((a, b) => a + b, 0);
  const m = new Matrix(d, d);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        const ga = s[i] * x[i * d + a] - (mu ? mu[a] : 0),
          gb = s[i] * x[i * d + b] - (mu ? mu[b] : 0);
        m.set(a, b, m.get(a, b) + (c[i] * ga * gb) / W);
      }
  return m;
}
