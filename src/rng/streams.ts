import { InputError } from '../errors.js';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import boxMuller from '@stdlib/random-base-box-muller';

/**
 * A seeded, deterministic random stream. Every stream is identified by a root seed and a
 * name, so adding a draw to one stream never shifts the numbers of another.
 */
export interface Rng {
  /** The stream's name, e.g. `"x"`, `"noise"`, `"adversary"`. */
  readonly name: string;
  /** Uniform on [0, 1), 53 random bits (pure-rand's `uniformFloat64`). */
  uniform(): number;
  /** Standard normal (stdlib's Box-Muller on this stream's uniforms). */
  normal(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

// murmur3's 32-bit finalizer over FNV-1a: a string-to-state hash, not a random generator.
// It only maps (seed, name, lane) to the 128-bit starting state of pure-rand's xoroshiro128+.
function hash32(text: string, lane: number): number {
  let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Open the stream `name` of root seed `seed`.
 * @param seed - any safe integer (the user's `--seed`).
 * @param name - the stream's purpose; different names give independent streams.
 */
export function namedStream(seed: number, name: string): Rng {
  if (!Number.isSafeInteger(seed)) throw new InputError(`seed must be a safe integer, got ${seed}`);
  const key = `${seed}/${name}`;
  const state: number[] = [hash32(key, 0), hash32(key, 1), hash32(key, 2), hash32(key, 3)];
  if (!state.some((s) => s !== 0)) state[0] = 1; // xoroshiro's all-zero state is a fixed point
  const gen = xoroshiro128plusFromState(state);
  const uniform = (): number => uniformFloat64(gen);
  // Box-Muller needs u in (0, 1): map the 2^-53 grid's 0 away from the boundary.
  const normal = boxMuller.factory({ prng: () => uniform() || 2 ** -54 });
  return {
    name,
    uniform,
    normal: () => normal(),
    int: (maxExclusive: number) => Math.floor(uniform() * maxExclusive),
  };
}
