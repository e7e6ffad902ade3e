/**
 * The breakdown count: a claim property that the slope tests cannot see. An estimator that
 * diverges at some instances and is fine at others gives per-seed slopes that are steep or
 * flat at random, and a t test over them cannot reject; counted, the divergences are plain.
 * Setting and probability: RATES.breakdown in bounds.ts, with its derivation.
 */
import { ADVERSARY_NAMES } from '../adversaries/index.js';
import { binomialCriticalCount } from '../stats/oneSided.js';
import { RATES } from './bounds.js';
import { fitError, type AuditedFit, type Measurement } from './fitError.js';
import { experimentSeeds, type RateCase, type RateDesign } from './rates.js';

/** A breakdown run's outcome: `measured` is the count of fits whose error exceeded |w*|,
 *  `bound` the largest count the run allows (the binomial critical count minus one). */
export interface BreakdownMeasurement extends Measurement {
  readonly fits: number;
  /** Breakdowns per adversary, in catalogue order. */
  readonly perAdversary: Readonly<Record<string, number>>;
  /** The largest error seen, divided by |w*|. */
  readonly worst: number;
  readonly detail: string;
}

/**
 * Fits the estimator at the edge of the claim's domain (RATES.breakdown: eps 0.1, little
 * noise) under every catalogue adversary at each of the run's seeds, and counts the fits
 * whose error exceeds |w*|. The claim bounds each such error far below |w*|, so the count of
 * a correct estimator is binomial with a small per-fit probability (the claim's own failure
 * probability, stated in RATES.breakdown); the run fails when the count reaches the binomial
 * critical count at the run's false-alarm probability.
 */
export function breakdownCount(fit: AuditedFit, c: RateCase, design: RateDesign): BreakdownMeasurement {
  const g = RATES.breakdown;
  const seeds = experimentSeeds(c.seed, design.seedsPerPoint);
  const sigma = g.noiseToSignal * c.norm;
  const perAdversary: Record<string, number> = {};
  let count = 0,
    fits = 0,
    worst = 0;
  for (const adversary of ADVERSARY_NAMES) {
    perAdversary[adversary] = 0;
    for (const seed of seeds) {
      const settings = { d: g.d, n: g.samplesPerDim * g.d, norm: c.norm, link: c.link, noise: c.noise, sigma, eps: g.eps, adversary, seed };
      const relative = fitError(fit, settings) / c.norm;
      fits++;
      worst = Math.max(worst, relative);
      if (relative > 1) {
        count++;
        perAdversary[adversary]++;
      }
    }
  }
  const critical = binomialCriticalCount(fits, g.failureProbability, design.alpha);
  const broken = Object.entries(perAdversary).filter(([, k]) => k > 0);
  return {
    measured: count,
    bound: critical - 1,
    fits,
    perAdversary,
    worst,
    detail:
      `${count} of ${fits} fits erred more than |w*| at eps ${g.eps}, sigma / |w*| = ${g.noiseToSignal} ` +
      `(${broken.length ? broken.map(([a, k]) => `${a} ${k}`).join(', ') : 'none'}; the largest error ${worst.toPrecision(3)} |w*|); ` +
      `${critical} or more contradict a per-fit breakdown probability of ${g.failureProbability}`,
  };
}
