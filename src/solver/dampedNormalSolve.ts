import { Matrix, solve } from 'ml-matrix';
import { gemv } from '../kernels/gemv.js';
import { gemvT } from '../kernels/gemvT.js';
import { GRAM_MAX_D } from '../kernels/wasmKernels.js';
import { covarianceScratch, type CovarianceScratch, weightedCovariance } from '../kernels/weightedCovariance.js';

/** Conjugate-gradient iterations per damped solve above GRAM_MAX_D. */
const CG_ITERATIONS = 50;

/**
 * The Gauss-Newton system of a weighted squared loss over the rows x_i of a row-major n x d
 * matrix: A = sum_i c_i s_i^2 x_i x_i^T (s_i: the link's slope at row i, c_i: the row's
 * weight), damped as A + shift I. The trimmed refinement (c_i = 1 on the kept rows, 0 elsewhere)
 * and the hardened solver's frozen descent (c_i = the filter's weights) solve it.
 *
 * For d <= GRAM_MAX_D the matrix is formed in one pass (weightedCovariance) and each damped
 * solve is small dense algebra (ml-matrix); above that it is solved by conjugate gradients,
 * A v = X^T (c s^2 (X v)), two passes an iteration and no d x d array. Buffers are made once,
 * here, and reused by every call.
 */
export class DampedNormalSystem {
  private readonly normal: Float64Array | null;
  private readonly covScratch: CovarianceScratch | null;
  private readonly r: Float64Array;
  private readonly p: Float64Array;
  private readonly ap: Float64Array;
  private readonly xv: Float64Array | null;
  private readonly weighted: Float64Array | null;
  /** |x_i|^2 per row (matrix-free path only: the trace reads it). */
  private norms: Float64Array | null = null;
  private s: Float64Array | null = null;
  private c: Float64Array | null = null;

  constructor(
    private readonly n: number,
    private readonly d: number,
    private readonly x: Float64Array,
  ) {
    const formed = d <= GRAM_MAX_D;
    this.normal = formed ? new Float64Array(d * d) : null;
    this.covScratch = formed ? covarianceScratch(d) : null;
    this.r = new Float64Array(d);
    this.p = new Float64Array(d);
    this.ap = new Float64Array(d);
    this.xv = formed ? null : new Float64Array(n);
    this.weighted = formed ? null : new Float64Array(n);
  }

  /**
   * Sets the system to the slopes `s` and weights `c` (both length n, read until the next
   * call) and returns the trace of A (0 when no weighted row has a slope). Forms A when d is
   * small (one pass).
   */
  set(s: Float64Array, c: Float64Array): number {
    const { n, d, x } = this;
    this.s = s;
    this.c = c;
    if (this.normal && this.covScratch) {
      weightedCovariance(n, d, x, s, c, null, this.covScratch, this.normal);
      let trace = 0;
      for (let j = 0; j < d; j++) trace += this.normal[j * d + j];
      return trace;
    }
    if (!this.norms) {
      const norms = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let q = 0;
        for (let j = 0, o = i * d; j < d; j++) q += x[o + j] * x[o + j];
        norms[i] = q;
      }
      this.norms = norms;
    }
    let trace = 0;
    for (let i = 0; i < n; i++) if (c[i] !== 0) trace += c[i] * s[i] * s[i] * this.norms[i];
    return trace;
  }

  /** step = (A + shift I)^-1 g for the system last set. */
  solve(shift: number, g: Float64Array, step: Float64Array): void {
    if (this.normal) solveFormed(this.normal, this.d, shift, g, step);
    else this.conjugateGradient(shift, g, step);
  }

  /** Conjugate gradients on (A + shift I) step = g from step = 0, to a residual of 1e-4 of
   *  g's norm or CG_ITERATIONS iterations. */
  private conjugateGradient(shift: number, g: Float64Array, step: Float64Array): void {
    const { n, d, x, r, p, ap } = this;
    const xv = this.xv as Float64Array;
    const scratch = this.weighted as Float64Array;
    const s = this.s as Float64Array;
    const c = this.c as Float64Array;
    r.set(g);
    p.set(g);
    step.fill(0);
    let rr = 0;
    for (let j = 0; j < d; j++) rr += r[j] * r[j];
    const stop = 1e-8 * rr;
    for (let it = 0; it < CG_ITERATIONS && rr > stop; it++) {
      gemv(n, d, x, p, xv);
      for (let i = 0; i < n; i++) scratch[i] = s[i] * s[i] * c[i] * xv[i];
      gemvT(n, d, x, scratch, ap);
      let pap = 0;
      for (let j = 0; j < d; j++) {
        ap[j] += shift * p[j];
        pap += p[j] * ap[j];
      }
      if (!(pap > 0)) break;
      const alpha = rr / pap;
      let rrNext = 0;
      for (let j = 0; j < d; j++) {
        step[j] += alpha * p[j];
        r[j] -= alpha * ap[j];
        rrNext += r[j] * r[j];
      }
      const beta = rrNext / rr;
      rr = rrNext;
      for (let j = 0; j < d; j++) p[j] = r[j] + beta * p[j];
    }
  }
}

/** step = (A + shift I)^-1 g for the formed symmetric d x d matrix A (ml-matrix's solve:
 *  small dense algebra). */
function solveFormed(a: Float64Array, d: number, shift: number, g: Float64Array, step: Float64Array): void {
  const m = new Matrix(d, d);
  for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) m.set(j, k, a[j * d + k] + (j === k ? shift : 0));
  const s = solve(m, Matrix.columnVector(Array.from(g)));
  for (let j = 0; j < d; j++) step[j] = s.get(j, 0);
}
