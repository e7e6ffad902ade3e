import { InputError } from '../errors.js';
import { checkSigma } from './inputChecks.js';
import type { Rng } from '../rng/streams.js';
import tDist from '@stdlib/random-base-t';
import laplaceDist from '@stdlib/random-base-laplace';

export const NOISE_FAMILIES = ['gaussian', 'laplace', 'student-t', 'pareto'] as const;
export type NoiseFamily = (typeof NOISE_FAMILIES)[number];

/** A noise family with its shape parameter (nu for student-t, tail index for pareto). */
export interface NoiseSpec {
  readonly family: NoiseFamily;
  /** Degrees of freedom (student-t, > 2) or tail index (pareto, > 2); unused otherwise. */
  readonly shape: number;
}

/** Default shapes: student-t(3) and pareto tail 3, both finite-variance heavy tails. */
export const DEFAULT_NOISE_SHAPE: Record<NoiseFamily, number> = { gaussian: 0, laplace: 0, 'student-t': 3, pareto: 3 };

/**
 * Parse `gaussian`, `laplace`, `student-t[:nu]`, `pareto[:alpha]`.
 * Throws a RangeError naming the problem (unknown family, shape <= 2).
 */
export function parseNoise(text: string): NoiseSpec {
  const [name, param, ...rest] = text.split(':');
  if (rest.length > 0 || !(NOISE_FAMILIES as readonly string[]).includes(name)) {
    throw new InputError(`unknown noise "${text}" (known: gaussian, laplace, student-t[:nu], pareto[:alpha])`);
  }
  const family = name as NoiseFamily;
  if (param === undefined) return { family, shape: DEFAULT_NOISE_SHAPE[family] };
  if (family === 'gaussian' || family === 'laplace') throw new InputError(`noise "${family}" takes no parameter`);
  const shape = Number(param);
  if (!Number.isFinite(shape) || shape <= 2) {
    throw new InputError(
      `noise "${text}": the ${family === 'pareto' ? 'tail index' : 'degrees of freedom'} must be a number > 2 (finite variance)`,
    );
  }
  return { family, shape };
}

/** The canonical text of a noise spec, as `parseNoise` reads it. */
export function noiseToString(spec: NoiseSpec): string {
  return spec.family === 'gaussian' || spec.family === 'laplace' ? spec.family : `${spec.family}:${spec.shape}`;
}

/**
 * A sampler of mean-0 noise with variance exactly `sigma^2` for the given family.
 * student-t(nu) has variance nu/(nu-2); symmetric pareto with scale m and tail a has
 * E[X^2] = a m^2 / (a-2); laplace(b) has variance 2 b^2: each is rescaled to sigma^2.
 */
export function noiseSampler(spec: NoiseSpec, sigma: number, rng: Rng): () => number {
  checkSigma(sigma);
  const prng = (): number => rng.uniform() || 2 ** -54;
  switch (spec.family) {
    case 'gaussian':
      return () => sigma * rng.normal();
    case 'laplace': {
      const draw = laplaceDist.factory(0, 1, { prng });
      const scale = sigma / Math.SQRT2;
      return () => scale * draw();
    }
    case 'student-t': {
      const nu = spec.shape;
      const draw = tDist.factory(nu, { prng });
      const scale = sigma * Math.sqrt((nu - 2) / nu);
      return () => scale * draw();
    }
    case 'pareto': {
      // Inverse CDF of a Pareto(m, a) magnitude with a random sign; one line, no library has it.
      const a = spec.shape;
      const m = sigma * Math.sqrt((a - 2) / a);
      return () => {
        const sign = rng.uniform() < 0.5 ? -1 : 1;
        return sign * m * Math.pow(prng(), -1 / a);
      };
    }
  }
}
