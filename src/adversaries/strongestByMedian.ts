import { summarize } from '../stats/summary.js';
import { ADVERSARY_NAMES, type AdversaryName } from './index.js';

/** The strongest adversary and every adversary's median score (a pilot's outcome). */
export interface StrongestAdversary {
  readonly adversary: AdversaryName;
  readonly medians: Record<string, number>;
}

/**
 * The catalogue adversary whose scores (errors, or excess errors, over the same seeds) have
 * the largest median; ties go to the first in catalogue order. `scores[k]` belongs to
 * ADVERSARY_NAMES[k]. The one pick behind the audit's pilot and the reproductions'
 * strongest-adversary sweeps.
 */
export function strongestByMedian(scores: readonly (readonly number[])[]): StrongestAdversary {
  if (scores.length !== ADVERSARY_NAMES.length)
    throw new RangeError(`strongestByMedian: ${scores.length} score lists for ${ADVERSARY_NAMES.length} adversaries`);
  const medians: Record<string, number> = {};
  let best: AdversaryName = ADVERSARY_NAMES[0];
  ADVERSARY_NAMES.forEach((adversary, k) => {
    medians[adversary] = summarize(scores[k]).median;
    if (medians[adversary] > medians[best]) best = adversary;
  });
  return { adversary: best, medians };
}
