/**
 * The largest eigenvalue of the symmetric tridiagonal matrix T (diagonal `alpha[0..k)`,
 * off-diagonal `beta[0..k-1)`), by Sturm-sequence bisection on the Gershgorin interval: each
 * count is O(k), and the bisection runs to the interval's rounding level. Hand-written because
 * Lanczos needs it after every step on a matrix of at most a few dozen rows, where a dense
 * eigensolver's O(k^3) would cost more than the O(n d) pass it accompanies on small samples.
 */
export function tridiagonalTopEigenvalue(k: number, alpha: Float64Array, beta: Float64Array): number {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < k; i++) {
    const r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0);
    lo = Math.min(lo, alpha[i] - r);
    hi = Math.max(hi, alpha[i] + r);
  }
  if (k === 1) return alpha[0];
  // the top eigenvalue is the x at which the count of eigenvalues above x falls from 1 to 0
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (countAbove(k, alpha, beta, mid) >= 1) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The number of eigenvalues of T greater than x (Sturm sequence of T - x I: its negative
 *  pivots count the eigenvalues below x). */
function countAbove(k: number, alpha: Float64Array, beta: Float64Array, x: number): number {
  let below = 0;
  let q = alpha[0] - x;
  if (q < 0) below++;
  for (let i = 1; i < k; i++) {
    const p = q === 0 ? Number.MIN_VALUE : q;
    q = alpha[i] - x - (beta[i - 1] * beta[i - 1]) / p;
    if (q < 0) below++;
  }
  return k - below;
}

/**
 * The unit eigenvector y (length k, into `y`) of T for its eigenvalue `theta`, by inverse
 * iteration: solves (T - (theta + delta) I) z = y three times from a flat start (tridiagonal
 * elimination, O(k) each), delta a rounding-level offset above theta, so T - (theta + delta) I
 * is negative definite and elimination without pivoting is stable. `scratch` has length >= 2k.
 * The sign is whatever the iteration gives (deterministic); the caller orients the result.
 */
export function tridiagonalEigenvector(
  k: number,
  alpha: Float64Array,
  beta: Float64Array,
  theta: number,
  y: Float64Array,
  scratch: Float64Array,
): void {
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(alpha[i]), i < k - 1 ? Math.abs(beta[i]) : 0);
  const shift = theta + 1e-10 * Math.max(scale, 1e-300);
  y.fill(1 / Math.sqrt(k), 0, k);
  const cp = scratch.subarray(0, k);
  const dp = scratch.subarray(k, 2 * k);
  for (let round = 0; round < 3; round++) {
    // Thomas algorithm on (T - shift I) z = y, z into y
    let b = alpha[0] - shift;
    if (b === 0) b = 1e-300;
    cp[0] = k > 1 ? beta[0] / b : 0;
    dp[0] = y[0] / b;
    for (let i = 1; i < k; i++) {
      let m = alpha[i] - shift - beta[i - 1] * cp[i - 1];
      if (m === 0) m = 1e-300;
      cp[i] = i < k - 1 ? beta[i] / m : 0;
      dp[i] = (y[i] - beta[i - 1] * dp[i - 1]) / m;
    }
    y[k - 1] = dp[k - 1];
    for (let i = k - 2; i >= 0; i--) y[i] = dp[i] - cp[i] * y[i + 1];
    let norm = 0;
    for (let i = 0; i < k; i++) norm += y[i] * y[i];
    norm = Math.sqrt(norm);
    if (!(norm > 0 && Number.isFinite(norm))) {
      y.fill(0, 0, k);
      y[0] = 1;
      return;
    }
    for (let i = 0; i < k; i++) y[i] /= norm;
  }
}
