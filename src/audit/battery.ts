import type { ShrinkWatch } from './shrinkWatch.js';
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { generateInstance } from '../instance/instance.js';
import { namedStream } from '../rng/streams.js';
import { distance } from '../kernels/vec.js';
import { BOUNDS, RATES } from './bounds.js';
import { errorBound } from './errorBound.js';
import { CLAIM_LINKS, instanceCaseArb, seedArb, settingsOf, type InstanceCase } from './arbitraries.js';
import { callFit, fitError, type AuditedFit, type Measurement } from './fitError.js';
import { profileFromEnv, runs, QUICK_SEED, type Profile } from './profile.js';
import type { LinkName } from '../model/links.js';
import {
  PAPER_EXPONENTS,
  rateCaseArb,
  epsRate,
  sigmaRate,
  nRate,
  dRate,
  type ClaimExponents,
  type RateCase,
  type RateDesign,
} from './rates.js';
import { breakdownCount } from './breakdown.js';
import { searchAttack } from '../adversaries/search.js';

export { callFit, type AuditedFit, type Measurement };

/** A property of the battery: a fast-check property plus the margins its runs recorded. */
export interface BatteryProperty<T> {
  readonly id: string;
  readonly statement: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Returns the measurement; the property holds when measured <= bound (NaN fails). */
  readonly measure: (input: T) => Measurement;
  /** What kind of check it is: `claim` (the claim's form, thresholds derived at an explicit
   *  false-alarm probability), `calibrated` (a constant fitted to the shipped solver: a
   *  regression check of that solver, not of the claim; outside the audit's verdict unless
   *  asked for), `hygiene` (determinism and invariances: hold on every run, apart from the
   *  claim). The verdict is claim and hygiene ({@link inVerdict}). */
  readonly kind: PropertyKind;
  /** Base run count for the quick profile (the deep profile multiplies it by its scale). */
  readonly quickRuns: number;
  /** Run counts that do not follow the profile's scale (a rate experiment is one costly run). */
  readonly fixedRuns?: { readonly quick: number; readonly deep: number };
  /** Rough cost of one run (rows x columns x fits), for scheduling runs on worker threads
   *  (costliest first); absent: one fit of the case's instance. */
  readonly cost?: (input: T) => number;
}

export type PropertyKind = 'claim' | 'calibrated' | 'hygiene';

/** Whether a property of this kind counts toward the audit's verdict (its exit code): claim
 *  and hygiene always, calibrated only when asked (`audit --constants`): a calibrated bound
 *  holds the estimator to the shipped solver's constant, which the claim (an O(.) bound with
 *  an unknown constant) does not. */
export function inVerdict(kind: PropertyKind, countCalibrated = false): boolean {
  return kind !== 'calibrated' || countCalibrated;
}

/** Runs of property `p` in `profile`. */
export function runCount(p: { quickRuns: number; fixedRuns?: { quick: number; deep: number } }, profile: Profile): number {
  return p.fixedRuns ? p.fixedRuns[profile.name] : runs(profile, p.quickRuns);
}

/** The fast-check property of a battery entry, recording each run's measurement into `seen`;
 *  with a `watch`, shrink candidates past its bound count as passing, unmeasured. */
export function asProperty<T>(p: BatteryProperty<T>, seen: Measurement[] = [], watch?: ShrinkWatch): fc.IPropertyWithHooks<[T]> {
  return fc.property(p.arbitrary, (input) => {
    if (watch?.passOver()) return true;
    let m: Measurement;
    try {
      m = p.measure(input);
    } catch (e) {
      watch?.record(false, true); // a run that threw fails (fast-check shrinks it like a false one)
      throw e;
    }
    seen.push(m);
    const holds = m.measured <= m.bound;
    watch?.record(holds);
    return holds;
  });
}

/** measured / bound; for a zero bound, 0 when met and Infinity when not. */
export function margin(m: Measurement): number {
  if (m.bound === 0) return m.measured <= 0 ? 0 : Infinity;
  return m.measured / m.bound;
}

/** The P1 bound of a case. */
function caseBound(c: InstanceCase): number {
  return errorBound(settingsOf(c));
}

/** The P6 tolerance: max(1e-6 |w|, a share of the P1 bound). */
function invarianceBound(c: InstanceCase, w: Float64Array): number {
  return Math.max(BOUNDS.invarianceTolerance * Math.max(1, Math.hypot(...w)), BOUNDS.invarianceShare * caseBound(c));
}

/** |w_hat - w*| on the case's instance. */
function errorOf(fit: AuditedFit, c: InstanceCase): number {
  return fitError(fit, settingsOf(c));
}

/** P1: |w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)) for every adversary. */
export function errorBoundProperty(fit: AuditedFit, links: readonly LinkName[] = CLAIM_LINKS): BatteryProperty<InstanceCase> {
  return {
    id: 'P1-error-bound',
    kind: 'calibrated',
    statement:
      "|w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)), every adversary, link, noise family (C1, C2: the shipped solver's worst case x 1.5)",
    arbitrary: instanceCaseArb({ links }),
    quickRuns: 40,
    measure: (c) => {
      return { measured: errorOf(fit, c), bound: caseBound(c) };
    },
  };
}

/** The deep profile's "search": under the black-box search's strongest attack at the case's
 *  eps (its clean instance corrupted by the search, src/adversaries/search.ts), the error
 *  stays within P1's bound. Calibrated, as P1: the bound's constants were fitted to the
 *  shipped solver under the catalogue's adversaries, which the search may exceed. */
export function searchProperty(fit: AuditedFit, links: readonly LinkName[] = CLAIM_LINKS): BatteryProperty<InstanceCase> {
  return {
    id: 'search',
    kind: 'calibrated',
    statement: `under the black-box search's strongest attack (${BOUNDS.searchBudget} evaluations at the case's eps), |w_hat - w*| <= the P1 bound`,
    arbitrary: instanceCaseArb({ links }).filter((c) => c.eps > 0),
    quickRuns: BOUNDS.searchRuns,
    // deep only: a run is dozens of fits
    fixedRuns: { quick: 0, deep: BOUNDS.searchRuns },
    cost: (c) => c.samplesPerDim * c.d * c.d * BOUNDS.searchBudget,
    measure: (c) => {
      const clean = generateInstance({ ...settingsOf(c), eps: 0, adversary: 'none' });
      const r = searchAttack(fit, clean.sample, clean.wstar, { link: c.link, eps: c.eps, budget: BOUNDS.searchBudget, seed: c.seed });
      return { measured: r.best.error, bound: caseBound(c) };
    },
  };
}

/** Exact recovery without noise or corruption. */
export function exactRecoveryProperty(fit: AuditedFit, links: readonly LinkName[] = CLAIM_LINKS): BatteryProperty<InstanceCase> {
  const own: readonly LinkName[] = ['gelu', 'swish', 'relu', 'tanh', 'linear'];
  const chosen = own.filter((l) => links.includes(l));
  return {
    id: 'exact-recovery',
    kind: 'hygiene',
    statement: `without noise or corruption, |w_hat - w*| <= ${BOUNDS.exactRecovery}`,
    arbitrary: instanceCaseArb({ links: chosen.length ? chosen : links }).map((c) => ({ ...c, eps: 0, noiseToSignal: 0 })),
    quickRuns: 10,
    measure: (c) => ({ measured: errorOf(fit, c), bound: BOUNDS.exactRecovery }),
  };
}

/** P6: the same data and seed give bit-identical w. */
export function determinismProperty(fit: AuditedFit, links: readonly LinkName[] = CLAIM_LINKS): BatteryProperty<InstanceCase> {
  return {
    id: 'P6-determinism',
    kind: 'hygiene',
    statement: 'two fits of the same data and seed are bit-identical',
    arbitrary: instanceCaseArb({ maxD: 10, links }),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const a = callFit(fit, inst.sample, opts),
        b = callFit(fit, inst.sample, opts);
      let differing = 0;
      for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) differing++;
      return { measured: differing, bound: 0 };
    },
  };
}

/** P6: permuting the rows does not change w (to rounding: the answer is a function of the
 *  multiset of rows). */
export function permutationProperty(
  fit: AuditedFit,
  links: readonly LinkName[] = CLAIM_LINKS,
): BatteryProperty<InstanceCase & { perm: number }> {
  return {
    id: 'P6-permutation-invariance',
    kind: 'hygiene',
    statement: `permuting the sample's rows changes w by at most ${BOUNDS.permutationTolerance} max(1, |w|)`,
    arbitrary: fc.tuple(instanceCaseArb({ maxD: 10, links }), seedArb).map(([c, perm]) => ({ ...c, perm })),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const { n, d, x, y } = inst.sample;
      const rng = namedStream(c.perm, 'permutation');
      const order = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      const px = new Float64Array(n * d),
        py = new Float64Array(n);
      order.forEach((src, dst) => {
        py[dst] = y[src];
        px.set(x.subarray(src * d, src * d + d), dst * d);
      });
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const a = callFit(fit, inst.sample, opts),
        b = callFit(fit, { n, d, x: px, y: py }, opts);
      return { measured: distance(a, b), bound: BOUNDS.permutationTolerance * Math.max(1, Math.hypot(...a)) };
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

/** An input of the rotation property: an instance and the seed of its rotation. */
export type RotationCase = InstanceCase & { rot: number };

/** P6: rotating covariates and w* rotates w_hat. */
export function rotationProperty(fit: AuditedFit, links: readonly LinkName[] = CLAIM_LINKS): BatteryProperty<RotationCase> {
  return {
    id: 'P6-rotation-equivariance',
    kind: 'hygiene',
    statement: `fit(Q x) = Q fit(x) for orthogonal Q, to max(1e-6 |w|, ${BOUNDS.invarianceShare} x the P1 bound)`,
    arbitrary: fc.tuple(instanceCaseArb({ maxD: 8, links }), seedArb).map(([c, rot]) => ({ ...c, rot })),
    quickRuns: 8,
    measure: (c) => {
      const inst = generateInstance(settingsOf(c));
      const { n, d, x, y } = inst.sample;
      const Q = randomRotation(d, c.rot);
      const rx = new Float64Array(n * d);
      for (let i = 0; i < n; i++)
        for (let a = 0; a < d; a++) {
          let t = 0;
          for (let b = 0; b < d; b++) t += Q.get(a, b) * x[i * d + b];
          rx[i * d + a] = t;
        }
      const opts = { link: c.link, eps: c.eps, seed: c.seed };
      const w = callFit(fit, inst.sample, opts),
        wr = callFit(fit, { n, d, x: rx, y }, opts);
      const qw = Float64Array.from({ length: d }, (_, a) => {
        let t = 0;
        for (let b = 0; b < d; b++) t += Q.get(a, b) * w[b];
        return t;
      });
      return { measured: distance(qw, wr), bound: invarianceBound(c, w) };
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a battery holds properties of different input types
export type AnyBatteryProperty = BatteryProperty<any>;

/** The options of a battery: the profile (it sets the rate experiments' seeds and false-alarm
 *  share), the claim's exponents, the links the estimator is made for, properties left out. */
export interface BatteryOptions {
  readonly profile?: Profile;
  readonly exponents?: ClaimExponents;
  readonly links?: readonly LinkName[];
  readonly skip?: readonly string[];
}

/** The rate experiments' design in a profile: seeds per point, and each run's false-alarm
 *  probability (RATES.auditFalseAlarm x rateShare, split over the claim's statistical
 *  properties x their runs). */
export function rateDesign(profile: Profile, exponents: ClaimExponents = PAPER_EXPONENTS): RateDesign {
  const runsPer = RATES.runs[profile.name];
  return {
    seedsPerPoint: RATES.seedsPerPoint[profile.name],
    alpha: (RATES.auditFalseAlarm * RATES.rateShare) / (CLAIM_PROPERTIES.length * runsPer),
    exponents,
  };
}

const T_TEST = 'one-sided t test';

/** The claim's statistical properties: the four rates, then the breakdown count. */
const CLAIM_PROPERTIES = [
  {
    id: 'eps-rate',
    run: epsRate,
    test: T_TEST,
    statement: (e: ClaimExponents) =>
      `excess error over eps = 0, divided by sigma eps^${e.eps}, does not grow as eps falls from 0.1 to 0.005 (under the adversary strongest against this estimator)`,
    cost: RATES.eps.samplesPerDim * RATES.eps.d ** 2 * 60,
  },
  {
    id: 'sigma-rate',
    run: sigmaRate,
    test: T_TEST,
    statement: (e: ClaimExponents) =>
      `at eps = ${RATES.sigma.eps}, error ~ sigma^b with b not below ${e.sigma} - margin as sigma / |w*| falls from 0.3 to 0.003`,
    cost: RATES.sigma.samplesPerDim * RATES.sigma.d ** 2 * 55,
  },
  {
    id: 'n-rate',
    run: nRate,
    test: T_TEST,
    statement: (e: ClaimExponents) => `at eps = 0, error ~ (n/d)^c with c not above ${e.n} + margin for n/d from 100 to 3200`,
    cost: 6300 * RATES.n.d ** 2 * 16,
  },
  {
    id: 'd-rate',
    run: dRate,
    test: T_TEST,
    statement: (e: ClaimExponents) =>
      `at n/d = ${RATES.d.samplesPerDim}, eps = ${RATES.d.eps}, error ~ d^e with e not above ${e.d} + margin for d from ${RATES.d.grid[0]} to ${RATES.d.grid[RATES.d.grid.length - 1]}`,
    cost: RATES.d.samplesPerDim * 8500 * 12,
  },
  {
    id: 'breakdown',
    run: breakdownCount,
    test: 'one-sided binomial count test',
    statement: () =>
      `at eps = ${RATES.breakdown.eps}, sigma / |w*| = ${RATES.breakdown.noiseToSignal}, n/d = ${RATES.breakdown.samplesPerDim}, under every catalogue adversary, ` +
      `no more fits err beyond |w*| than a per-fit probability of ${RATES.breakdown.failureProbability} allows`,
    cost: RATES.breakdown.samplesPerDim * RATES.breakdown.d ** 2 * 7 * 20,
  },
] as const;

/** The claim's statistical properties (the four rates of src/audit/rates.ts and the
 *  breakdown count of src/audit/breakdown.ts) as battery entries. */
export function rateProperties(fit: AuditedFit, opts: BatteryOptions = {}): BatteryProperty<RateCase>[] {
  const profile = opts.profile ?? QUICK_PROFILE;
  const exponents = opts.exponents ?? PAPER_EXPONENTS;
  const design = rateDesign(profile, exponents);
  const links = opts.links ?? CLAIM_LINKS;
  return CLAIM_PROPERTIES.map((r) => ({
    id: r.id,
    kind: 'claim' as const,
    statement: `${r.statement(exponents)}; ${r.test}, false-alarm probability ${design.alpha.toPrecision(2)} per run${r.test === T_TEST ? `, exponent margin ${RATES.exponentMargin}` : ''}`,
    arbitrary: rateCaseArb(links),
    quickRuns: RATES.runs.quick,
    fixedRuns: RATES.runs,
    measure: (c: RateCase): Measurement => r.run(fit, c, design),
    cost: () => r.cost * design.seedsPerPoint,
  }));
}

/** The profile a battery is built for when none is given. */
const QUICK_PROFILE: Profile = { name: 'quick', scale: 1, seed: QUICK_SEED };

/** The battery `sim-audit audit` runs against one estimator, in order: the claim's rates,
 *  the calibrated error bound, hygiene (determinism, invariances), then the search. A
 *  property with no runs in the profile (the search in the quick one) is left out. */
export function auditBattery(fit: AuditedFit, opts: BatteryOptions = {}): AnyBatteryProperty[] {
  const links = opts.links ?? CLAIM_LINKS;
  const profile = opts.profile ?? QUICK_PROFILE;
  const all: AnyBatteryProperty[] = [
    ...rateProperties(fit, opts),
    errorBoundProperty(fit, links),
    exactRecoveryProperty(fit, links),
    determinismProperty(fit, links),
    permutationProperty(fit, links),
    rotationProperty(fit, links),
    searchProperty(fit, links),
  ];
  return all.filter((p) => runCount(p, profile) > 0 && !(opts.skip ?? []).includes(p.id));
}

/** The battery's properties without an estimator (one that throws if called): their ids,
 *  arbitraries, run counts and costs, which do not depend on what is audited. */
export function batteryShape(opts: BatteryOptions = {}): AnyBatteryProperty[] {
  return auditBattery(() => {
    throw new Error('batteryShape: no estimator to measure');
  }, opts);
}

/** The ids of every property of the battery (the deep profile's, which has them all), in order. */
export function batteryIds(): string[] {
  return batteryShape({ profile: profileFromEnv({ SIM_AUDIT_PROFILE: 'deep', SIM_AUDIT_SEED: String(QUICK_SEED) }) }).map((p) => p.id);
}
