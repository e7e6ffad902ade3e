import { InputError } from '../errors.js';
import type { Adversary } from './types.js';
import { labelShift } from './labelShift.js';
import { signFlip } from './signFlip.js';
import { plantedModel } from './plantedModel.js';
import { spectralPlant } from './spectralPlant.js';
import { leverage } from './leverage.js';
import { covarianceShift } from './covarianceShift.js';
import { heavyTailMimic } from './heavyTailMimic.js';
import { searchedDrift } from './searchedDrift.js';

/** The catalogue, in the order of SPEC section 2 (and of `sim-audit list`), then the attacks
 *  the black-box search found (each file's header says against what, and what it exploits). */
export const ADVERSARIES = {
  'label-shift': labelShift,
  'sign-flip': signFlip,
  'planted-model': plantedModel,
  'spectral-plant': spectralPlant,
  leverage,
  'covariance-shift': covarianceShift,
  'heavy-tail-mimic': heavyTailMimic,
  'searched-drift': searchedDrift,
} as const satisfies Record<string, Adversary>;

export type AdversaryName = keyof typeof ADVERSARIES;
export const ADVERSARY_NAMES = Object.keys(ADVERSARIES) as AdversaryName[];

/** The adversary called `name`; `none` is accepted by the instance generator, not here. */
export function getAdversary(name: string): Adversary {
  if (!Object.hasOwn(ADVERSARIES, name)) {
    throw new InputError(`unknown adversary "${name}" (known: ${ADVERSARY_NAMES.join(', ')}, none)`);
  }
  return ADVERSARIES[name as AdversaryName];
}

export type { Adversary, AdversaryInput, Corruption } from './types.js';
