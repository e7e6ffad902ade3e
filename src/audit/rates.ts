/**
 * The claim's form, tested by its exponents. `|w_hat - w*| = O(sigma eps^a + sigma (d/n)^(-c))`,
 * dimension-free, names exponents (eps 1/2, sigma 1, n/d -1/2, d 0), not constants: each rate
 * property below is a small designed experiment on one variable (a geometric grid, the others
 * held where that variable's term dominates, several seeds per point, each seed's instances
 * sharing covariates and noise across the grid), read one-sidedly in the direction that
 * contradicts the claim, with a one-sided t test at an explicit false-alarm probability.
 * Grids, margins and probabilities: RATES in bounds.ts, each with its derivation.
 */
import fc from 'fast-check';
import type { InstanceSettings } from '../instance/instance.js';
import type { LinkName } from '../model/links.js';
import { namedStream } from '../rng/streams.js';
import { ADVERSARY_NAMES, type AdversaryName } from '../adversaries/index.js';
import { strongestByMedian } from '../adversaries/strongestByMedian.js';
import { InputError } from '../errors.js';
import { olsSlope, tTestAbove, meanAndSe } from '../stats/oneSided.js';
import type { RateFigure } from '../report/rateFigure.js';
import { fmt as formatNumber } from '../io/formatNumber.js';
import { RATES } from './bounds.js';

/** Three significant digits: a rate's grid and statistics in its detail line. */
const fmt = (v: number): string => formatNumber(v, 3);
import { seedArb } from './arbitraries.js';
import { fitError, type AuditedFit, type Measurement } from './fitError.js';

/** The exponents a claim names: error ~ eps^eps, sigma^sigma, (n/d)^n, d^d. */
export interface ClaimExponents {
  readonly eps: number;
  readonly sigma: number;
  readonly n: number;
  readonly d: number;
}

/** The main paper's claim: O(sigma sqrt(eps) + sigma sqrt(d/n)), dimension-free. */
export const PAPER_EXPONENTS: ClaimExponents = { eps: 0.5, sigma: 1, n: -0.5, d: 0 };

/** Parses `eps=0.5,sigma=1,n=-0.5,d=0` (any subset; the rest from the paper's claim). */
export function parseExponents(text: string): ClaimExponents {
  const out: Record<string, number> = { ...PAPER_EXPONENTS };
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(eps|sigma|n|d)\s*=\s*(.+)$/.exec(part);
    if (!m) throw new InputError(`--rates: "${part}" is not NAME=NUMBER with NAME one of eps, sigma, n, d`);
    const v = Number(m[2]);
    if (!Number.isFinite(v)) throw new InputError(`--rates: ${m[1]} must be a finite number, got "${m[2]}"`);
    out[m[1]] = v;
  }
  if (!(out.eps > 0))
    throw new InputError(
      `--rates: the eps exponent must be > 0 (an error that does not vanish with eps is no robustness claim), got ${out.eps}`,
    );
  if (!(out.sigma > 0)) throw new InputError(`--rates: the sigma exponent must be > 0, got ${out.sigma}`);
  if (!(out.n < 0)) throw new InputError(`--rates: the n exponent must be < 0 (error falling with n), got ${out.n}`);
  return out as unknown as ClaimExponents;
}

/** How one rate experiment is run: seeds per grid point, its false-alarm probability, and
 *  the exponents under test. */
export interface RateDesign {
  readonly seedsPerPoint: number;
  readonly alpha: number;
  readonly exponents: ClaimExponents;
}

/** What a rate experiment draws: the link, |w*|, the noise family and the base seed. */
export interface RateCase {
  readonly link: LinkName;
  readonly norm: number;
  readonly noise: string;
  readonly seed: number;
}

/** Rate cases over `links` (nothing shrinks: an experiment is one costly run). */
export function rateCaseArb(links: readonly LinkName[]): fc.Arbitrary<RateCase> {
  return fc.record({
    link: fc.noShrink(fc.constantFrom(...links)),
    norm: fc.noShrink(fc.constantFrom(...RATES.norms)),
    noise: fc.noShrink(fc.constantFrom(...RATES.noises)),
    seed: seedArb,
  });
}

/** A rate experiment's outcome: the test statistic against its critical value, and the grid. */
export interface RateMeasurement extends Measurement {
  /** The point estimate under test (a slope, or the end contrast of R for eps). */
  readonly estimate: number;
  readonly se: number;
  /** Per grid value: the mean and standard error over seeds of what is plotted. */
  readonly grid: readonly { readonly x: number; readonly mean: number; readonly se: number }[];
  readonly adversary: AdversaryName | 'none';
  readonly detail: string;
  readonly figure: RateFigure;
}

/** The instance seeds of an experiment: `count` seeds drawn from the case's seed. */
export function experimentSeeds(seed: number, count: number): number[] {
  const rng = namedStream(seed, 'rate-seeds');
  return Array.from({ length: count }, () => rng.int(2 ** 31));
}

type Base = Omit<InstanceSettings, 'seed'>;

/** |w_hat - w*| of `fit` on the instance (fits memoized per experiment). */
function makeErrorOf(fit: AuditedFit): (s: Base, seed: number) => number {
  const memo = new Map<string, number>();
  return (s, seed) => {
    const settings = { ...s, adversary: s.eps > 0 ? s.adversary : 'none', seed } as InstanceSettings;
    const key = JSON.stringify(settings);
    let e = memo.get(key);
    if (e === undefined) {
      e = fitError(fit, settings);
      memo.set(key, e);
    }
    return e;
  };
}

/** The pilot: the catalogue adversary with the largest median excess error (over the same
 *  seed's eps = 0 fit) against this estimator at `base` (ties: catalogue order). */
function strongestAgainst(
  errorOf: (s: Base, seed: number) => number,
  base: Omit<Base, 'adversary'>,
  seeds: readonly number[],
): AdversaryName {
  const excess = ADVERSARY_NAMES.map((adversary) =>
    seeds.map((s) => errorOf({ ...base, adversary }, s) - errorOf({ ...base, eps: 0, adversary: 'none' }, s)),
  );
  return strongestByMedian(excess).adversary;
}

const safeLog = (v: number): number => Math.log(Math.max(v, 1e-300));

function gridStats(xs: readonly number[], perSeed: readonly (readonly number[])[]): { x: number; mean: number; se: number }[] {
  return xs.map((x, k) => {
    const { mean, se } = meanAndSe(perSeed.map((row) => row[k]));
    return { x, mean, se };
  });
}

/** Per-seed log-log slopes of error against the grid (rows: seeds), tested one-sidedly:
 *  'below' reads a mean slope significantly below `limit` as a contradiction, 'above' one
 *  significantly above it. `slope` is the mean per-seed slope. */
export function slopeTest(
  xs: readonly number[],
  errors: readonly (readonly number[])[],
  direction: 'below' | 'above',
  limit: number,
  alpha: number,
) {
  // a seed's slope counts at most RATES.slopeClip beyond the limit, in the violating direction
  const clip = RATES.slopeClip;
  const slopes = errors
    .map((row) => olsSlope(xs.map(Math.log), row.map(safeLog)))
    .map((b) => (direction === 'below' ? Math.max(b, limit - clip) : Math.min(b, limit + clip)));
  // 'below': the claim is contradicted by a slope significantly below `limit` (test -slope above -limit)
  const t =
    direction === 'below'
      ? tTestAbove(
          slopes.map((b) => -b),
          -limit,
          alpha,
        )
      : tTestAbove(slopes, limit, alpha);
  const mean = direction === 'below' ? -t.mean : t.mean;
  return { ...t, slope: mean };
}

/** R(eps) = (error at eps - the same seed's error at eps = 0) / (sigma eps^a), per seed (rows)
 *  and grid value (columns). */
export function normalizedExcess(
  grid: readonly number[],
  clean: readonly number[],
  errors: readonly (readonly number[])[],
  sigma: number,
  a: number,
): number[][] {
  return errors.map((row, k) => row.map((e, j) => (e - clean[k]) / (sigma * grid[j] ** a)));
}

/** The eps-rate test on R (rows: seeds; columns: the grid, largest eps first): a one-sided
 *  paired t test of D = R(eps_min) - growth R(eps_max) > 0, growth = (eps_max / eps_min)^margin. */
export function epsContrast(grid: readonly number[], R: readonly (readonly number[])[], alpha: number) {
  const epsMax = Math.max(...grid),
    epsMin = Math.min(...grid);
  const iMax = grid.indexOf(epsMax),
    iMin = grid.indexOf(epsMin);
  const growth = (epsMax / epsMin) ** RATES.exponentMargin;
  const t = tTestAbove(
    R.map((row) => row[iMin] - growth * row[iMax]),
    0,
    alpha,
  );
  return { ...t, growth };
}

/**
 * eps-rate. At each eps of a geometric grid down to 0.005, R(eps) = (error - the same seed's
 * eps = 0 error) / (sigma eps^a), under the adversary strongest against this estimator (a
 * pilot at the largest eps). The claim bounds R by a constant; it is contradicted when R at
 * the smallest eps exceeds R at the largest by more than the exponent margin allows
 * ((eps_max / eps_min)^margin) and more than the seed-to-seed noise allows: a one-sided
 * paired t test on D = R(eps_min) - (eps_max/eps_min)^margin R(eps_max). A flat or falling
 * R, or an excess lost in noise, never contradicts it.
 */
export function epsRate(fit: AuditedFit, c: RateCase, design: RateDesign): RateMeasurement {
  const g = RATES.eps;
  const errorOf = makeErrorOf(fit);
  const seeds = experimentSeeds(c.seed, design.seedsPerPoint);
  const sigma = g.noiseToSignal * c.norm;
  const base = { d: g.d, n: g.samplesPerDim * g.d, norm: c.norm, link: c.link, noise: c.noise, sigma } as const;
  const epsMax = g.grid[0],
    epsMin = g.grid[g.grid.length - 1];
  const adversary = strongestAgainst(errorOf, { ...base, eps: epsMax }, seeds.slice(0, RATES.pilotSeeds));
  const a = design.exponents.eps;
  const R = normalizedExcess(
    g.grid,
    seeds.map((s) => errorOf({ ...base, eps: 0, adversary: 'none' }, s)),
    seeds.map((s) => g.grid.map((eps) => errorOf({ ...base, eps, adversary }, s))),
    sigma,
    a,
  );
  const { growth, ...t } = epsContrast(g.grid, R, design.alpha);
  const grid = gridStats(g.grid, R);
  return {
    measured: t.statistic,
    bound: t.critical,
    estimate: t.mean,
    se: t.se,
    grid,
    adversary,
    detail: `R(eps) = excess / (sigma eps^${a}) under ${adversary}: ${grid.map((p) => `${fmt(p.x)}: ${fmt(p.mean)} +- ${fmt(p.se)}`).join(', ')}; R(${epsMin}) - ${fmt(growth)} R(${epsMax}) = ${fmt(t.mean)} +- ${fmt(t.se)}`,
    figure: {
      id: 'eps-rate',
      title: `R(eps) under ${adversary} (${c.link}, ${c.noise}, |w*| = ${c.norm})`,
      xTitle: 'eps',
      yTitle: `R = excess error / (sigma eps^${a})`,
      points: grid,
      level: {
        bound: growth * (grid.find((p) => p.x === epsMax)?.mean ?? NaN),
        label: `${fmt(growth)} x R(${epsMax}): R(${epsMin}) significantly above it contradicts the claim`,
      },
      caption: `paired t test of R(${epsMin}) - ${fmt(growth)} R(${epsMax}) = ${fmt(t.mean)} +- ${fmt(t.se)}: t = ${fmt(t.statistic)} against ${fmt(t.critical)}`,
    },
  };
}

/**
 * sigma-rate. At fixed eps > 0 (the pilot's adversary), error against sigma / |w*| on a
 * geometric grid down to 0.003: per-seed log-log slopes; the claim (exponent b) is
 * contradicted when their mean is significantly below b - margin (error / sigma growing as
 * sigma -> 0: an error that does not vanish with the noise).
 */
export function sigmaRate(fit: AuditedFit, c: RateCase, design: RateDesign): RateMeasurement {
  const g = RATES.sigma;
  const errorOf = makeErrorOf(fit);
  const seeds = experimentSeeds(c.seed, design.seedsPerPoint);
  const base = { d: g.d, n: g.samplesPerDim * g.d, norm: c.norm, link: c.link, noise: c.noise, eps: g.eps } as const;
  const adversary = strongestAgainst(errorOf, { ...base, sigma: g.pilotNoiseToSignal * c.norm }, seeds.slice(0, RATES.pilotSeeds));
  const sigmas = g.grid.map((r) => r * c.norm);
  const errors = seeds.map((s) => sigmas.map((sigma) => errorOf({ ...base, sigma, adversary }, s)));
  const limit = design.exponents.sigma - RATES.exponentMargin;
  const t = slopeTest(sigmas, errors, 'below', limit, design.alpha);
  const grid = gridStats(
    g.grid,
    errors.map((row) => row.map((e, k) => e / sigmas[k])),
  );
  return {
    measured: t.statistic,
    bound: t.critical,
    estimate: t.slope,
    se: t.se,
    grid,
    adversary,
    detail: `error / sigma at eps ${g.eps} under ${adversary}: ${grid.map((p) => `${fmt(p.x)}: ${fmt(p.mean)}`).join(', ')}; slope ${fmt(t.slope)} +- ${fmt(t.se)} (contradicts below ${fmt(limit)})`,
    figure: slopeFigure(
      'sigma-rate',
      `error / sigma against sigma at eps ${g.eps} under ${adversary} (${c.link}, ${c.noise})`,
      'sigma / |w*|',
      grid,
      t,
      limit,
      1,
      'below',
    ),
  };
}

/**
 * n-rate. At eps = 0, error against n/d on a geometric grid: per-seed log-log slopes; the
 * claim (exponent c < 0) is contradicted when their mean is significantly above c + margin.
 */
export function nRate(fit: AuditedFit, c: RateCase, design: RateDesign): RateMeasurement {
  const g = RATES.n;
  const errorOf = makeErrorOf(fit);
  const seeds = experimentSeeds(c.seed, Math.round(design.seedsPerPoint * g.seedFactor));
  const sigma = g.noiseToSignal * c.norm;
  const errors = seeds.map((s) =>
    g.grid.map((m) => errorOf({ d: g.d, n: m * g.d, norm: c.norm, link: c.link, noise: c.noise, sigma, eps: 0, adversary: 'none' }, s)),
  );
  const limit = design.exponents.n + RATES.exponentMargin;
  const t = slopeTest(g.grid, errors, 'above', limit, design.alpha);
  const grid = gridStats(
    g.grid,
    errors.map((row) => row.map((e) => e / sigma)),
  );
  return {
    measured: t.statistic,
    bound: t.critical,
    estimate: t.slope,
    se: t.se,
    grid,
    adversary: 'none',
    detail: `error / sigma at eps 0: ${grid.map((p) => `n/d ${p.x}: ${fmt(p.mean)}`).join(', ')}; slope ${fmt(t.slope)} +- ${fmt(t.se)} (contradicts above ${fmt(limit)})`,
    figure: slopeFigure('n-rate', `error / sigma against n/d at eps 0 (${c.link}, ${c.noise})`, 'n / d', grid, t, limit, 0, 'above'),
  };
}

/**
 * d-rate. At fixed n/d and eps > 0 (the pilot's adversary), error against d on a geometric
 * grid: per-seed log-log slopes; the claim (exponent e, 0 for dimension-free) is
 * contradicted when their mean is significantly above e + margin.
 */
export function dRate(fit: AuditedFit, c: RateCase, design: RateDesign): RateMeasurement {
  const g = RATES.d;
  const errorOf = makeErrorOf(fit);
  const seeds = experimentSeeds(c.seed, design.seedsPerPoint);
  const sigma = g.noiseToSignal * c.norm;
  const at = (d: number) => ({ d, n: g.samplesPerDim * d, norm: c.norm, link: c.link, noise: c.noise, sigma, eps: g.eps }) as const;
  const adversary = strongestAgainst(errorOf, at(g.pilotD), seeds.slice(0, RATES.pilotSeeds));
  const errors = seeds.map((s) => g.grid.map((d) => errorOf({ ...at(d), adversary }, s)));
  const limit = design.exponents.d + RATES.exponentMargin;
  const t = slopeTest(g.grid, errors, 'above', limit, design.alpha);
  const grid = gridStats(
    g.grid,
    errors.map((row) => row.map((e) => e / sigma)),
  );
  return {
    measured: t.statistic,
    bound: t.critical,
    estimate: t.slope,
    se: t.se,
    grid,
    adversary,
    detail: `error / sigma at n/d ${g.samplesPerDim}, eps ${g.eps} under ${adversary}: ${grid.map((p) => `d ${p.x}: ${fmt(p.mean)}`).join(', ')}; slope ${fmt(t.slope)} +- ${fmt(t.se)} (contradicts above ${fmt(limit)})`,
    figure: slopeFigure(
      'd-rate',
      `error / sigma against d at n/d ${g.samplesPerDim}, eps ${g.eps} under ${adversary} (${c.link}, ${c.noise})`,
      'd',
      grid,
      t,
      limit,
      0,
      'above',
    ),
  };
}

/**
 * The figure of a slope test. The test fits error against x; the figure plots error / sigma,
 * whose log-log slope is the error's minus `sigmaShift` (1 when sigma is the x axis, 0 when
 * sigma is fixed along the grid).
 */
function slopeFigure(
  id: string,
  title: string,
  xTitle: string,
  points: RateFigure['points'],
  t: { slope: number; se: number; statistic: number; critical: number },
  limit: number,
  sigmaShift: number,
  direction: 'below' | 'above',
): RateFigure {
  return {
    id,
    title,
    xTitle,
    yTitle: 'error / sigma',
    points,
    slopes: { fitted: t.slope - sigmaShift, bound: limit - sigmaShift },
    caption: `mean per-seed slope of error ${fmt(t.slope)} +- ${fmt(t.se)}; a slope significantly ${direction} ${fmt(limit)} contradicts the claim: t = ${fmt(t.statistic)} against ${fmt(t.critical)}`,
  };
}
