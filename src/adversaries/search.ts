/**
 * A black-box attack: search the corruption family (searchFamily.ts) for the corruption that
 * maximizes an estimator's error, calling the estimator only as `fit(data, options) -> w`;
 * then, once an attack breaks it (error above a threshold, default |w*|), shrink the attack to
 * the fewest rows and the simplest parameters that still break it, as fast-check shrinks a
 * counterexample. Deterministic given the seed; every evaluation can be journaled so that a
 * killed search resumes.
 *
 * The optimizer is a (1+1) evolution strategy with the 1/5 success rule, from the best of a
 * set of starts (the catalogue's constructions as family members, and random members). Written
 * by hand: the well-kept Nelder-Mead package (fmin) ships a UMD build inside a `"type":
 * "module"` package, which Node's ESM loader imports with no exports; the strategy is a few
 * lines, needs no gradient, and tolerates an estimator that throws (an error counts as a
 * break).
 */
import { callFit, type AuditedFit } from '../solver/callFit.js';
import { InputError } from '../errors.js';
import { distance } from '../kernels/vec.js';
import { getLink, type LinkName } from '../model/links.js';
import { type Sample, validateSample } from '../model/sample.js';
import { namedStream } from '../rng/streams.js';
import { corruptionBudget } from './helpers.js';
import type { Journal } from '../sweep/journal.js';
import {
  applyFamily,
  BASIS_SIZE,
  FAMILY_DIMENSION,
  type FamilyParams,
  type FamilySetting,
  familySetting,
  paramsFromVector,
  vectorFromParams,
} from './searchFamily.js';

/** One evaluation: a family member at m replaced rows, and the estimator's error on it. */
export interface Evaluation {
  readonly params: FamilyParams;
  readonly m: number;
  readonly error: number;
  /** What the estimator threw, if it did (the error is then Infinity). */
  readonly failure?: string;
}

/** How a search runs. */
export interface SearchOptions {
  readonly link: LinkName;
  readonly eps: number;
  /** Estimator evaluations the search may spend (shrinking comes on top, at most
   *  SHRINK_BUDGET more). */
  readonly budget: number;
  readonly seed: number;
  /** An attack breaks the estimator when its error exceeds this (default |w*|). */
  readonly threshold?: number;
  readonly journal?: Journal;
  readonly log?: (line: string) => void;
}

/** What a search found. */
export interface SearchResult {
  readonly threshold: number;
  /** Rows the budget eps n allows. */
  readonly rows: number;
  /** The estimator's error on the clean sample. */
  readonly cleanError: number;
  readonly evaluations: readonly Evaluation[];
  readonly best: Evaluation;
  /** The smallest, simplest breaking attack, when the best one breaks the estimator. */
  readonly shrunk?: Evaluation;
  /** The best attack's corrupted sample and its replaced rows (sorted). */
  readonly strongest: { readonly sample: Sample; readonly corrupted: Int32Array };
}

/** Default evaluation budget of a search. */
export const DEFAULT_SEARCH_BUDGET = 120;
/** Share of the budget spent on starts (structured and random) before the strategy. */
const START_SHARE = 0.3;
/** Breaking attacks whose rows are shrunk (the strongest first). */
const SHRINK_CANDIDATES = 4;
/** Evaluations shrinking may add: a bisection over rows per candidate (one probe for a
 *  candidate that cannot beat the fewest rows so far), and one try per simplification. */
export const SHRINK_BUDGET = 80;

const unitWeights = (k: number): number[] => Array.from({ length: BASIS_SIZE }, (_, j) => (j === k ? 1 : 0));
const none = unitWeights(-1);
const TINY = 1e-6;
/** Random rows, responses not aimed (every start but the covariance shift). */
const UNAIMED = { lever: 0, aim: 0, strength: 1 } as const;

/** The catalogue's constructions as family members (the structured starts). Basis: 0 the
 *  estimator's clean answer, 1 w*, 2 and 3 random directions. */
export const CATALOGUE_STARTS: readonly { readonly name: string; readonly params: FamilyParams }[] = [
  {
    name: 'leverage',
    params: {
      keep: 0,
      scale: 10,
      mix: 0,
      spread: TINY,
      xDir: unitWeights(0),
      yDir: unitWeights(2),
      yNorm: 1,
      flip: 1,
      shift: 0,
      ...UNAIMED,
    },
  },
  {
    name: 'leverage-random',
    params: {
      keep: 0,
      scale: 10,
      mix: 0,
      spread: TINY,
      xDir: unitWeights(2),
      yDir: unitWeights(3),
      yNorm: 3,
      flip: 1,
      shift: 0,
      ...UNAIMED,
    },
  },
  {
    name: 'label-shift',
    params: { keep: 1, scale: TINY, mix: 0, spread: TINY, xDir: none, yDir: unitWeights(1), yNorm: 1, flip: 1, shift: 3, ...UNAIMED },
  },
  {
    name: 'sign-flip',
    params: { keep: 1, scale: TINY, mix: 0, spread: TINY, xDir: none, yDir: unitWeights(1), yNorm: 1, flip: -1, shift: 0, ...UNAIMED },
  },
  {
    name: 'planted-model',
    params: { keep: 1, scale: TINY, mix: 0, spread: TINY, xDir: none, yDir: unitWeights(2), yNorm: 1, flip: 1, shift: 0, ...UNAIMED },
  },
  {
    name: 'spectral-plant',
    params: {
      keep: 0,
      scale: 2,
      mix: 0.5,
      spread: 0.5,
      xDir: unitWeights(3),
      yDir: unitWeights(1),
      yNorm: 1,
      flip: 1,
      shift: 0,
      ...UNAIMED,
    },
  },
  {
    // basis 2 is orthogonal to the clean answer and w*, as the catalogue's u
    name: 'covariance-shift',
    params: {
      keep: 1,
      scale: TINY,
      mix: 0,
      spread: TINY,
      xDir: unitWeights(2),
      yDir: none,
      yNorm: 1,
      flip: 0,
      shift: 0,
      lever: 1,
      aim: 1,
      strength: 1,
    },
  },
];

/** Search the family for the corruption of floor(eps n) rows of `clean` that maximizes the
 *  error of `fit`, then shrink it when it breaks the estimator. */
export function searchAttack(fit: AuditedFit, clean: Sample, wstar: Float64Array, o: SearchOptions): SearchResult {
  validateSample(clean);
  const rows = corruptionBudget(clean.n, o.eps);
  const link = getLink(o.link);
  if (!(Number.isInteger(o.budget) && o.budget >= CATALOGUE_STARTS.length + 2))
    throw new InputError(`--budget must be an integer >= ${CATALOGUE_STARTS.length + 2}, got ${o.budget}`);
  if (wstar.length !== clean.d) throw new InputError(`wstar has ${wstar.length} numbers but the sample has d = ${clean.d} columns`);
  const threshold = o.threshold ?? Math.hypot(...wstar);
  if (rows < 1) throw new InputError(`eps n = ${o.eps * clean.n} leaves no row to corrupt`);
  const options = { link: o.link, eps: o.eps, seed: o.seed };
  const cleanAnswer = callFit(fit, clean, options);
  const cleanError = distance(cleanAnswer, wstar);
  const rng = namedStream(o.seed, 'adversary-search');
  const setting = familySetting(clean, wstar, link, cleanAnswer, rng);
  const evaluations: Evaluation[] = [];
  const evaluate = (params: FamilyParams, m: number): Evaluation => {
    const e = measure(fit, setting, params, m, options, o.journal);
    evaluations.push(e);
    if (evaluations.length % 10 === 0)
      o.log?.(`search: ${evaluations.length} evaluations, best error ${fmtError(best(evaluations).error)}`);
    return e;
  };

  // starts: the catalogue's constructions, then random members
  const starts = Math.max(CATALOGUE_STARTS.length, Math.round(START_SHARE * o.budget));
  for (const s of CATALOGUE_STARTS) evaluate(s.params, rows);
  while (evaluations.length < starts) evaluate(paramsFromVector(Array.from({ length: FAMILY_DIMENSION }, () => 1.5 * rng.normal())), rows);

  // (1+1)-ES with the 1/5 success rule from the best start
  let current = best(evaluations);
  let z = vectorFromParams(current.params);
  let step = 1;
  while (evaluations.length < o.budget && current.error !== Infinity) {
    const candidate = z.map((v) => v + step * rng.normal());
    const e = evaluate(paramsFromVector(candidate), rows);
    if (e.error > current.error) {
      current = e;
      z = candidate;
      step *= 1.5;
    } else step *= 1.5 ** -0.25;
    step = Math.min(4, Math.max(1e-3, step));
  }
  const top = best(evaluations);
  const searched = evaluations.length;
  // the attacks that break it at the full budget, strongest first (distinct parameters): the
  // strongest need not be the one that breaks it with the fewest rows
  const breaking = evaluations
    .filter((e) => e.m === rows && e.error > threshold)
    .sort((a, b) => b.error - a.error)
    .filter((e, k, all) => all.findIndex((f) => JSON.stringify(f.params) === JSON.stringify(e.params)) === k)
    .slice(0, SHRINK_CANDIDATES);
  const shrunk = breaking.length ? shrink(breaking, threshold, evaluate) : undefined;
  o.log?.(
    `search: ${searched} evaluations (+${evaluations.length - searched} shrinking), best error ${fmtError(top.error)} (threshold ${fmtError(threshold)})` +
      (shrunk ? `; breaks it with ${shrunk.m} of ${rows} rows` : '; no break found'),
  );
  return { threshold, rows, cleanError, evaluations, best: top, shrunk, strongest: applyFamily(setting, top.params, rows) };
}

/** The estimator's error on the family member (journaled by parameters and rows). */
function measure(
  fit: AuditedFit,
  setting: FamilySetting,
  params: FamilyParams,
  m: number,
  options: { link: LinkName; eps: number; seed: number },
  journal?: Journal,
): Evaluation {
  const key = JSON.stringify([params, m]);
  const seen = journal?.get<Evaluation>(key);
  if (seen) return seen;
  const { sample } = applyFamily(setting, params, m);
  let e: Evaluation;
  try {
    const w = callFit(fit, sample, options);
    const error = distance(w, setting.wstar);
    e = { params, m, error: Number.isFinite(error) ? error : Infinity };
  } catch (err) {
    e = { params, m, error: Infinity, failure: err instanceof Error ? err.message : String(err) };
  }
  return journal ? journal.record<Evaluation>(key, e) : e;
}

/** The evaluation with the largest error (the first of equals). */
function best(evaluations: readonly Evaluation[]): Evaluation {
  return evaluations.reduce((a, b) => (b.error > a.error ? b : a));
}

const fmtError = (v: number): string => (Number.isFinite(v) ? v.toPrecision(3) : String(v));

/**
 * Shrink the breaking attacks: for each candidate, the fewest rows that still break (bisection
 * on m, the error taken as growing with m; a candidate that does not break with one row fewer
 * than the best so far is dropped after that one probe); then the winner's parameters towards
 * their simplest values (no spread, no sign mix, no shift, keep, lever and aim each 0 or 1,
 * the covariance shift's strength, each direction weight 0), each kept when it still breaks.
 */
function shrink(candidates: readonly Evaluation[], threshold: number, evaluate: (p: FamilyParams, m: number) => Evaluation): Evaluation {
  let current = candidates[0];
  for (const candidate of candidates) {
    let here = candidate;
    let hi = candidate.m; // breaks at hi, not known at lo
    if (candidate !== candidates[0]) {
      if (current.m <= 1) break;
      const probe = evaluate(candidate.params, current.m - 1);
      if (!(probe.error > threshold)) continue;
      here = probe;
      hi = probe.m;
    }
    let lo = 0;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const e = evaluate(here.params, mid);
      if (e.error > threshold) {
        hi = mid;
        here = e;
      } else lo = mid;
    }
    if (here.m < current.m || candidate === candidates[0]) current = here;
  }
  const zeroAt = (w: readonly number[], k: number): number[] => w.map((v, j) => (j === k ? 0 : v));
  const simplifications: ((p: FamilyParams) => FamilyParams)[] = [
    (p) => ({ ...p, spread: 0 }),
    (p) => ({ ...p, mix: 0 }),
    (p) => ({ ...p, shift: 0 }),
    (p) => ({ ...p, flip: Math.sign(p.flip) || 1 }),
    (p) => ({ ...p, keep: Math.round(p.keep) }),
    (p) => ({ ...p, lever: Math.round(p.lever) }),
    (p) => ({ ...p, aim: Math.round(p.aim) }),
    (p) => ({ ...p, strength: 1 }),
    ...Array.from({ length: BASIS_SIZE }, (_, k) => (p: FamilyParams) => ({ ...p, xDir: zeroAt(p.xDir, k) })),
    ...Array.from({ length: BASIS_SIZE }, (_, k) => (p: FamilyParams) => ({ ...p, yDir: zeroAt(p.yDir, k) })),
  ];
  for (const simplify of simplifications) {
    const candidate = simplify(current.params);
    if (JSON.stringify(candidate) === JSON.stringify(current.params)) continue;
    const e = evaluate(candidate, current.m);
    if (e.error > threshold) current = e;
  }
  return current;
}
