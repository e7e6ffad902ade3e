import type { Sample } from '../model/sample.js';
import type { Link } from '../model/links.js';
import type { Rng } from '../rng/streams.js';

/** What an adversary sees: the whole clean sample, w*, the link, eps and its own stream. */
export interface AdversaryInput {
  readonly clean: Sample;
  readonly wstar: Float64Array;
  readonly link: Link;
  readonly eps: number;
  readonly rng: Rng;
  /** White-box adversaries attack the point this estimator returns on the clean data
   *  (default: they attack at w*). */
  readonly estimator?: (data: Sample) => Float64Array;
}

/** The corrupted sample and the rows that were replaced (sorted, exactly floor(eps*n)). */
export interface Corruption {
  readonly sample: Sample;
  readonly corrupted: Int32Array;
}

/** A pure, seeded function: the same input and stream state give the same corruption. */
export type Adversary = (input: AdversaryInput) => Corruption;
