import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Sample } from '../model/sample.js';
import { generateInstance } from '../model/instance.js';
import { namedStream } from '../rng/streams.js';
import { distance } from '../kernels/vec.js';
import type { FitOptions } from '../solver/types.js';
import { BOUNDS } from './bounds.js';
import { conditioning } from './conditioning.js';
import { instanceCaseArb, seedArb, settingsOf, type InstanceCase } from './arbitraries.js';
import { ADVERSARY_NAMES } from '../adversaries/index.js';

/** What the audit runs: `fit(data, options) -> w` (a Float64Array, an array, or `{ w }`). */
export type AuditedFit = (data: Sample, options: FitOptions) => Float64Array | number[] | { w: ArrayLike<number> };

/** Calls the estimator and normalizes its answer to a Float64Array of length d, or throws. */
export function callFit(fit: AuditedFit, data: Sample, options: FitOptions): Float64Array {
  const out = fit(data, options);
  const w = out instanceof Float64Array || Array.isArray(out) ? out : (out as { w: ArrayLike<number> }).w;
  if (!w || typeof (w as ArrayLike<number>).length !== 'number') throw new Error('the estimator returned neither an array nor an object with a "w" array');
  const arr = Float64Array.from(w as ArrayLike<number>);
  if (arr.length !== data.d) throw new Error(`the estimator returned ${arr.length} numbers for d = ${data.d}`);
  return arr;
}

/** One measured value against its bound; it holds when measured <= bound (NaN fails). */
export interface Measurement {
  readonly measured: number;
  readonly bound: number;
}

/** A property of the battery: a fast-check property plus the margins its runs recorded. */
export interface BatteryProperty<T> {
  readonly id: string;
  readonly statement: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Returns the measurement; the property holds when measured <= bound (NaN fails). */
  readonly measure: (input: T) => Measurement;
  /** Base run count for the quick profile. */
  readonly quickRuns: number;
  /** Rough cost of one run (rows x columns x fits), for scheduling runs on worker threads
   *  (costliest first); absent: one fit of the case's instance. */
  readonly cost?: (input: T) => number;
}

/** The fast-check property of a battery entry, recording each run's margin into `margins`. */
export function asProperty<T>(p: BatteryProperty<T>, margins: number[] = []): fc.IPropertyWithHooks<[T]> {
  return fc.property(p.arbitrary, (input) => {
    const m = p.measure(input);
    margins.push(margin(m));
    return m.measured <= m.bound;
  });
}

/** measured / bound; for a zero bound, 0 when met and Infinity when not. */
export function margin(m: Measurement): number {
  if (m.bound === 0) return m.measured <= 0 ? 0 : Infinity;
  return m.measured / m.bound;
}

/** The P1 bound of a case. */
function errorBound(c: InstanceCase): number {
  const s = settingsOf(c);
  return conditioning(c.link, c.norm) * s.sigma * (BOUNDS.C1 * Math.sqrt(c.eps) + BOUNDS.C2 * Math.sqrt(c.d / s.n));
}

/** The P6 tolerance: max(1e-6 |w|, a share of the P1 bound). */
function invarianceBound(c: InstanceCase, w: Float64Array): number {
  return Math.max(BOUNDS.invarianceTolerance * Math.max(1, Math.hypot(...w)), BOUNDS.invarianceShare * errorBound(c));
}

/** |w_hat - w*| on the case's instance. */
function errorOf(fit: AuditedFit, c: InstanceCase): number {
  const inst = generateInstance(settingsOf(c));
  return distance(callFit(fit, inst.sample, { link: c.link, eps: c.eps, seed: c.seed }), inst.wstar);
}

/** P1: |w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)) for every adversary. */
export function errorBoundProperty(fit: AuditedFit): BatteryProperty<InstanceCase> {
  return {
    id: 'P1-error-bound',
    statement: '|w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)), every adversary, link, noise family',
    arbitrary: instanceCaseArb(),
    quickRuns: 40,
    measure: (c) => {
      return { measured: errorOf(fit, c), bound: errorBound(c) };
    },
  };
}

/** Exact recovery without noise or corruption. */
export function exactRecoveryProperty(fit: AuditedFit): BatteryProperty<InstanceCase> {
  return {
    id: 'exact-recovery',
    statement: `without noise or corruption, |w_hat - w*| <= ${BOUNDS.exactRecovery}`,
    arbitrary: instanceCaseArb({ links: ['gelu', 'swish', 'relu', 'tanh', 'linear'] }).map((c) => ({ ...c, eps: 0, noiseToSignal: 0 })),
    quickRuns: 10,
    measure: (c) => ({ measured: errorOf(fit, c), bound: BOUNDS.exactRecovery }),
  };
}

/** P6: the same data and seed give bit-identical w. */
export function determinismProperty(fit: AuditedFit): BatteryProperty<InstanceCase> {
  return {
    id: 'P6-determinism',
    statement: 'two fits of the same data and seed are bit-identical',
    arbitrary: instanceCaseArb({ maxD: 10 }),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const a = callFit(fit, inst.sample, opts), b = callFit(fit, inst.sample, opts);
      let differing = 0;
      for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) differing++;
      return { measured: differing, bound: 0 };
    },
  };
}

/** P6: permuting the rows does not change w (up to rounding). */
export function permutationProperty(fit: AuditedFit): BatteryProperty<InstanceCase & { perm: number }> {
  return {
    id: 'P6-permutation-invariance',
    statement: `permuting the sample changes w by at most max(1e-6 |w|, ${BOUNDS.invarianceShare} x the P1 bound)`,
    arbitrary: fc.tuple(instanceCaseArb({ maxD: 10 }), seedArb).map(([c, perm]) => ({ ...c, perm })),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const { n, d, x, y } = inst.sample;
      const rng = namedStream(c.perm, 'permutation');
      const order = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) { const j = rng.int(i + 1); const t = order[i]; order[i] = order[j]; order[j] = t; }
      const px = new Float64Array(n * d), py = new Float64Array(n);
      order.forEach((src, dst) => { py[dst] = y[src]; px.set(x.subarray(src * d, src * d + d), dst * d); });
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const a = callFit(fit, inst.sample, opts), b = callFit(fit, { n, d, x: px, y: py }, opts);
      return { measured: distance(a, b), bound: invarianceBound(c, a) };
    },
  };
}

/** A Haar-ish random orthogonal matrix: QR of a Gaussian matrix (ml-matrix). */
export function randomRotation(d: number, seed: number): Matrix {
  const rng = namedStream(seed, 'rotation');
  const g = new Matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) g.set(i, j, rng.normal());
  return new QrDecomposition(g).orthogonalMatrix;
}

/** P6: rotating covariates and w* rotates w_hat. */
export function rotationProperty(fit: AuditedFit): BatteryProperty<InstanceCase & { rot: number }> {
  return {
    id: 'P6-rotation-equivariance',
    statement: `fit(Q x) = Q fit(x) for orthogonal Q, to max(1e-6 |w|, ${BOUNDS.invarianceShare} x the P1 bound)`,
    arbitrary: fc.tuple(instanceCaseArb({ maxD: 8 }), seedArb).map(([c, rot]) => ({ ...c, rot })),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const { n, d, x, y } = inst.sample;
      const Q = randomRotation(d, c.rot);
      const rx = new Float64Array(n * d);
      for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) { let t = 0; for (let b = 0; b < d; b++) t += Q.get(a, b) * x[i * d + b]; rx[i * d + a] = t; }
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const w = callFit(fit, inst.sample, opts), wr = callFit(fit, { n, d, x: rx, y }, opts);
      const qw = Float64Array.from({ length: d }, (_, a) => { let t = 0; for (let b = 0; b < d; b++) t += Q.get(a, b) * w[b]; return t; });
      return { measured: distance(qw, wr), bound: invarianceBound(c, w) };
    },
  };
}

/** P2: at fixed n/d, eps, sigma, the median error over 5 seeds does not grow from d = 10 to 40. */
export function dimensionFreeProperty(fit: AuditedFit): BatteryProperty<InstanceCase> {
  return {
    id: 'P2-dimension-free',
    statement: `median error at d = 40 <= ${BOUNDS.dimensionRatio} x median error at d = 10 (fixed n/d, eps, sigma)`,
    arbitrary: instanceCaseArb({ links: ['gelu', 'swish', 'relu'], adversaries: ADVERSARY_NAMES }).map((c) => ({ ...c, samplesPerDim: 100, eps: Math.max(c.eps, 0.02) })),
    quickRuns: 3,
    measure: (c) => {
      const med = (d: number): number => {
        const errs = [0, 1, 2, 3, 4].map((k) => errorOf(fit, { ...c, d, seed: c.seed + k })).sort((a, b) => a - b);
        return errs[2];
      };
      return { measured: med(40), bound: BOUNDS.dimensionRatio * med(10) };
    },
    cost: (c) => 5 * c.samplesPerDim * (10 * 10 + 40 * 40),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBatteryProperty = BatteryProperty<any>;

/** The battery `sim-audit audit` runs against one estimator, in order. */
export function auditBattery(fit: AuditedFit): AnyBatteryProperty[] {
  return [
    errorBoundProperty(fit), exactRecoveryProperty(fit), determinismProperty(fit),
    permutationProperty(fit), rotationProperty(fit), dimensionFreeProperty(fit),
  ];
}
