import type { Link } from '../model/links.js';
import { namedStream } from '../rng/streams.js';
import { orthonormalPair } from '../rng/orthonormalPair.js';

/**
 * Sufficient statistics of a d-dimensional Gaussian sample for the Hessian in the plane of
 * (w*, u): per row, the coordinates z1 = <x, e1>, z2 = <x, e2> and |x|^2 - z1^2 - z2^2
 * (the part on the complement), for random orthonormal e1 (along w*) and e2.
 */
export interface PlaneSample {
  readonly n: number;
  readonly d: number;
  readonly z1: Float64Array;
  readonly z2: Float64Array;
  readonly rest: Float64Array;
}

/**
 * Draw n rows x ~ N(0, I_d) (stream `x` of `seed`) one at a time, keeping only the plane
 * statistics, so d = 1000 costs O(d) memory. e1, e2 are random (stream `wstar`), not axes,
 * so the check does not lean on coordinate symmetry.
 */
export function drawPlaneSample(n: number, d: number, seed: number): PlaneSample {
  if (!(Number.isInteger(d) && d >= 3)) throw new RangeError(`drawPlaneSample: d must be an integer >= 3, got ${d}`);
  const [e1, e2] = orthonormalPair(d, namedStream(seed, 'wstar'));
  const rx = namedStream(seed, 'x');
  const z1 = new Float64Array(n),
    z2 = new Float64Array(n),
    rest = new Float64Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let a = 0,
      b = 0,
      q = 0;
    for (let j = 0; j < d; j++) {
      const v = rx.normal();
      row[j] = v;
      a += v * e1[j];
      b += v * e2[j];
      q += v * v;
    }
    z1[i] = a;
    z2[i] = b;
    rest[i] = q - a * a - b * b;
  }
  return { n, d, z1, z2, rest };
}

/** A Monte Carlo estimate with its standard error. */
export interface Estimate {
  readonly value: number;
  readonly se: number;
}

/**
 * Monte Carlo lambda_min of the Hessian H(w) = 2 E[(phi'(u)^2 + (phi(u) - phi(v)) phi''(u)) x x^T]
 * at w = a e1 + b e2, w* = s e1, over rows [from, to) of the sample: the smaller of the 2x2
 * block's low eigenvalue on the plane and the complement's eigenvalue (the mean of the
 * quadratic form over the d - 2 complement directions). The standard error is the delta
 * method's: the low eigenvalue's derivative in the block is v v^T (v its eigenvector), so it
 * is the standard error of the mean of c_i (v . z_i)^2. Smooth links only: a kink's Dirac
 * term has no Monte Carlo estimate.
 */
export function monteCarloLambdaMin(link: Link, ps: PlaneSample, a: number, b: number, s: number, from = 0, to = ps.n): Estimate {
  const weight = (i: number): number => {
    const u = a * ps.z1[i] + b * ps.z2[i];
    return 2 * (link.dphi(u) ** 2 + (link.phi(u) - link.phi(s * ps.z1[i])) * link.d2phi(u));
  };
  let m11 = 0,
    m12 = 0,
    m22 = 0,
    mc = 0;
  for (let i = from; i < to; i++) {
    const c = weight(i);
    m11 += c * ps.z1[i] * ps.z1[i];
    m12 += c * ps.z1[i] * ps.z2[i];
    m22 += c * ps.z2[i] * ps.z2[i];
    mc += c * ps.rest[i];
  }
  const k = to - from;
  m11 /= k;
  m12 /= k;
  m22 /= k;
  mc /= k * (ps.d - 2);
  const lo = 0.5 * (m11 + m22) - Math.hypot(0.5 * (m11 - m22), m12);
  // eigenvector of the low eigenvalue: (m12, lo - m11) or, when that vanishes, (lo - m22, m12)
  let v1 = m12,
    v2 = lo - m11;
  if (Math.hypot(v1, v2) < 1e-12 * (Math.abs(m11) + Math.abs(m22) + 1)) {
    v1 = lo - m22;
    v2 = m12;
  }
  if (Math.hypot(v1, v2) < 1e-300) {
    v1 = 1;
    v2 = 0;
  }
  const nv = Math.hypot(v1, v2);
  v1 /= nv;
  v2 /= nv;
  const onBlock = lo <= mc;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const c = weight(i);
    const q = onBlock ? c * (v1 * ps.z1[i] + v2 * ps.z2[i]) ** 2 : (c * ps.rest[i]) / (ps.d - 2);
    ss += (q - (onBlock ? lo : mc)) ** 2;
  }
  return { value: Math.min(lo, mc), se: Math.sqrt(ss / (k - 1) / k) };
}

/**
 * The first t in (0, tMax] where the Monte Carlo lambda_min along w* + t dir (dir a unit
 * vector of the plane, (dir1, dir2)) reaches 0: a scan in `steps` steps, then bisection.
 * The same rows serve every t (common random numbers), so the estimate is smooth in t.
 * Returns tMax when no crossing is found.
 */
export function monteCarloCrossing(
  link: Link,
  ps: PlaneSample,
  s: number,
  dir: readonly [number, number],
  tMax: number,
  from = 0,
  to = ps.n,
  steps = 30,
): number {
  const f = (t: number): number => monteCarloLambdaMin(link, ps, s + t * dir[0], t * dir[1], s, from, to).value;
  let lo = 0;
  for (let k = 1; k <= steps; k++) {
    const hi = (tMax * k) / steps;
    if (f(hi) <= 0) {
      let l = lo,
        h = hi;
      for (let it = 0; it < 40; it++) {
        const m = 0.5 * (l + h);
        if (f(m) > 0) l = m;
        else h = m;
      }
      return 0.5 * (l + h);
    }
    lo = hi;
  }
  return tMax;
}
