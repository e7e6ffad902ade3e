/** Measurement helpers the main paper's reproductions share. */
import { generateInstance, type InstanceSettings } from '../src/instance/instance.js';
import { fit, type MethodName } from '../src/solver/methods.js';
import { distance } from '../src/kernels/vec.js';
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { strongestByMedian, type StrongestAdversary } from '../src/adversaries/strongestByMedian.js';
import { task, type ReproductionContext } from './framework.js';

/** Seeds 1..count: reproductions name their seeds, so a report can be replayed. */
export function seedList(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/**
 * Task: errors |w_hat - w*| of each method on one seed's instance (covariates, noise and
 * adversary drawn once and shared by the methods), in the order of `methods`.
 */
export function seedErrors(a: { base: Omit<InstanceSettings, 'seed'>; methods: readonly MethodName[]; seed: number }): number[] {
  const inst = generateInstance({ ...a.base, seed: a.seed });
  return a.methods.map((method) => distance(fit(inst.sample, { method, link: a.base.link, eps: a.base.eps, seed: a.seed }).w, inst.wstar));
}

/**
 * Errors of every method in `methods` over `seeds`, the other settings fixed: one task per
 * seed on the context's sweep. `whole`: a pilot whose result decides what is asked next.
 */
export async function errorsByMethod(
  ctx: ReproductionContext,
  base: Omit<InstanceSettings, 'seed'>,
  methods: readonly MethodName[],
  seeds: readonly number[],
  whole = false,
): Promise<Map<MethodName, number[]>> {
  const perSeed = await ctx.sweep.map<number[]>(
    seeds.map((seed) => task(import.meta.url, seedErrors, { base, methods, seed }, 500 * base.n * base.d * methods.length)),
    { whole },
  );
  return new Map(methods.map((m, k) => [m, perSeed.map((errs) => errs[k])]));
}

/** Errors of one method over `seeds`, the other settings fixed. */
export async function errorsOver(
  ctx: ReproductionContext,
  base: Omit<InstanceSettings, 'seed'>,
  method: MethodName,
  seeds: readonly number[],
  whole = false,
): Promise<number[]> {
  return (await errorsByMethod(ctx, base, [method], seeds, whole)).get(method)!;
}

/**
 * The catalogue's strongest adversary against `method`: the one with the largest median
 * error over `seeds` at the given settings (ties: the first in catalogue order). A pilot:
 * every shard runs it whole, since it decides the rest of the sweep.
 */
export async function strongestAdversary(
  ctx: ReproductionContext,
  base: Omit<InstanceSettings, 'seed' | 'adversary'>,
  method: MethodName,
  seeds: readonly number[],
): Promise<StrongestAdversary> {
  const errors = await Promise.all(ADVERSARY_NAMES.map((adversary) => errorsOver(ctx, { ...base, adversary }, method, seeds, true)));
  return strongestByMedian(errors);
}
