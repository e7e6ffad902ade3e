import fc from 'fast-check';
import type { LinkName } from '../model/links.js';
import { ADVERSARY_NAMES, type AdversaryName } from '../adversaries/index.js';
import type { InstanceSettings } from '../instance/instance.js';
import { BOUNDS } from './bounds.js';

/**
 * Numeric inputs come from grids or bounded integer ranges (fc.double would sample bit
 * patterns: subnormals, 1e308). d, n, eps shrink (towards 2 dimensions, the fewest samples,
 * no corruption); the seed is wrapped in fc.noShrink. No randomness is drawn inside a
 * predicate: the instance seed is an input.
 */
export const seedArb = fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 }));

/** Links where the main claim applies (non-even: the sign of w* is identifiable). */
export const CLAIM_LINKS: readonly LinkName[] = ['gelu', 'swish', 'relu', 'leaky-relu', 'tanh', 'sigmoid', 'linear'];

export interface InstanceCase {
  readonly link: LinkName;
  readonly norm: number;
  readonly noiseToSignal: number;
  readonly noise: string;
  readonly d: number;
  readonly samplesPerDim: number;
  readonly eps: number;
  readonly adversary: AdversaryName;
  readonly seed: number;
}

/** An instance of the P1 domain (BOUNDS.maxNoiseToSignal, minSamplesPerDimension, maxEps). */
export function instanceCaseArb(
  opts: { links?: readonly LinkName[]; maxD?: number; adversaries?: readonly AdversaryName[] } = {},
): fc.Arbitrary<InstanceCase> {
  const ratios = [0.1, 0.05, 0.25, BOUNDS.maxNoiseToSignal];
  const epsGrid = [0, 0.01, 0.02, 0.05, BOUNDS.maxEps];
  return fc.record({
    link: fc.constantFrom(...(opts.links ?? CLAIM_LINKS)),
    norm: fc.constantFrom(1, 0.5, 1.5, 2),
    noiseToSignal: fc.constantFrom(...ratios),
    noise: fc.constantFrom('gaussian', 'laplace', 'student-t:3', 'pareto:3'),
    d: fc.integer({ min: 2, max: opts.maxD ?? 20 }),
    samplesPerDim: fc.constantFrom(BOUNDS.minSamplesPerDimension, 200, 400),
    eps: fc.constantFrom(...epsGrid),
    adversary: fc.constantFrom(...(opts.adversaries ?? ADVERSARY_NAMES)),
    seed: seedArb,
  });
}

/** The generator settings of a case (no adversary when eps = 0). */
export function settingsOf(c: InstanceCase): InstanceSettings {
  return {
    d: c.d,
    n: c.samplesPerDim * c.d,
    norm: c.norm,
    link: c.link,
    noise: c.noise,
    sigma: c.noiseToSignal * c.norm,
    eps: c.eps,
    adversary: c.eps > 0 ? c.adversary : 'none',
    seed: c.seed,
  };
}
