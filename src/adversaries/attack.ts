import { getLink, type LinkName } from '../model/links.js';
import { type Sample, validateSample } from '../model/sample.js';
import { checkEps } from '../model/inputChecks.js';
import { InputError } from '../errors.js';
import { namedStream } from '../rng/streams.js';
import { getAdversary } from './index.js';

/** What {@link attack} takes: a clean sample, the truth, and the adversary. */
export interface AttackOptions {
  readonly data: Sample;
  readonly wstar: ArrayLike<number>;
  readonly link: LinkName;
  readonly adversary: string;
  readonly eps: number;
  readonly seed: number;
}

/** Corrupt a clean sample with a catalogue adversary (the `attack` verb and the library's
 *  `attack`): the corrupted sample and the 0-based indices of the rows it changed, in
 *  increasing order. Deterministic given `seed`; bad input is an InputError naming it. */
export function attack(o: AttackOptions): { sample: Sample; corrupted: number[] } {
  const adversary = getAdversary(o.adversary);
  const link = getLink(o.link);
  checkEps(o.eps);
  validateSample(o.data);
  if (o.wstar.length !== o.data.d) throw new InputError(`wstar has ${o.wstar.length} numbers but the sample has d = ${o.data.d} columns`);
  const { sample, corrupted } = adversary({
    clean: o.data,
    wstar: Float64Array.from(o.wstar),
    link,
    eps: o.eps,
    rng: namedStream(o.seed, 'adversary'),
  });
  return { sample, corrupted: Array.from(corrupted) };
}
