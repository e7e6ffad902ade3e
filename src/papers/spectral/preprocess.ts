import { InputError } from '../../errors.js';

/** A preprocessing T of the labels for the spectral estimator, with what the theory needs. */
export interface Preprocess {
  /** Canonical name, e.g. `trim:2`. */
  readonly name: string;
  T(y: number): number;
  /** sup of T over the labels (tau in Lu-Li / Mondelli-Montanari); T must be bounded above. */
  readonly sup: number;
  /** Label values where T jumps, kinks or blows up (for exact integration). */
  readonly breaks: readonly number[];
}

/**
 * Parse `optimal`, `clip:t`, `trim:t` or `indicator:t` (seed 003, the definitions):
 * `optimal` T(y) = 1 - 1/y (Luo, Alghamdi and Lu 2019, for noiseless real phase retrieval,
 * y > 0), `clip:t` min(y, t), `trim:t` y 1{y <= t}, `indicator:t` 1{y > t}.
 */
export function parsePreprocess(text: string): Preprocess {
  if (text === 'optimal') return { name: 'optimal', T: (y) => 1 - 1 / y, sup: 1, breaks: [0] };
  const m = /^(clip|trim|indicator):(.+)$/.exec(text);
  const t = m ? Number(m[2]) : NaN;
  if (!m || m[2].trim() === '' || !Number.isFinite(t))
    throw new InputError(`unknown preprocessing "${text}" (known: optimal, clip:T, trim:T, indicator:T with a finite number T)`);
  switch (m[1]) {
    case 'clip':
      return { name: `clip:${t}`, T: (y) => Math.min(y, t), sup: t, breaks: [t] };
    case 'trim':
      if (!(t > 0)) throw new InputError(`trim:T needs T > 0, got ${t}`);
      return { name: `trim:${t}`, T: (y) => (y <= t ? y : 0), sup: t, breaks: [t] };
    default:
      return { name: `indicator:${t}`, T: (y) => (y > t ? 1 : 0), sup: 1, breaks: [t] };
  }
}
