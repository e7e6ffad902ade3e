/** Measurement helpers the main paper's reproductions share. */
import { generateInstance, type InstanceSettings } from '../src/model/instance.js';
import { fit, type MethodName } from '../src/solver/methods.js';
import { distance } from '../src/kernels/vec.js';
import { ADVERSARY_NAMES, type AdversaryName } from '../src/adversaries/index.js';
import { summarize } from '../src/stats/summary.js';
import { conditioning } from '../src/audit/conditioning.js';
import { BOUNDS } from '../src/audit/bounds.js';

/** Seeds 1..count: reproductions name their seeds, so a report can be replayed. */
export function seedList(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/**
 * Errors |w_hat - w*| of every method in `methods` over `seeds`, the other settings fixed.
 * Each seed's instance (covariates, noise, adversary) is drawn once and shared by the methods.
 */
export function errorsByMethod(base: Omit<InstanceSettings, 'seed'>, methods: readonly MethodName[], seeds: readonly number[]): Map<MethodName, number[]> {
  const out = new Map<MethodName, number[]>(methods.map((m) => [m, []]));
  for (const seed of seeds) {
    const inst = generateInstance({ ...base, seed });
    for (const method of methods) {
      const r = fit(inst.sample, { method, link: base.link, eps: base.eps, seed });
      out.get(method)!.push(distance(r.w, inst.wstar));
    }
  }
  return out;
}

/** Errors of one method over `seeds`, the other settings fixed. */
export function errorsOver(base: Omit<InstanceSettings, 'seed'>, method: MethodName, seeds: readonly number[]): number[] {
  return errorsByMethod(base, [method], seeds).get(method)!;
}

/**
 * The catalogue's strongest adversary against `method`: the one with the largest median
 * error over `seeds` at the given settings (ties: the first in catalogue order).
 */
export function strongestAdversary(base: Omit<InstanceSettings, 'seed' | 'adversary'>, method: MethodName, seeds: readonly number[]): { adversary: AdversaryName; medians: Record<string, number> } {
  const medians: Record<string, number> = {};
  let best: AdversaryName = ADVERSARY_NAMES[0];
  for (const adversary of ADVERSARY_NAMES) {
    medians[adversary] = summarize(errorsOver({ ...base, adversary }, method, seeds)).median;
    if (medians[adversary] > medians[best]) best = adversary;
  }
  return { adversary: best, medians };
}

/** The P1 error bound kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)) of src/audit/bounds.ts. */
export function errorBound(s: Pick<InstanceSettings, 'link' | 'norm' | 'sigma' | 'eps' | 'd' | 'n'>): number {
  return conditioning(s.link, s.norm) * s.sigma * (BOUNDS.C1 * Math.sqrt(s.eps) + BOUNDS.C2 * Math.sqrt(s.d / s.n));
}
