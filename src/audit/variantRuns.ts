/**
 * One run of one battery property against an estimator variant, as a worker task: the
 * measurements behind the audit's power and size (reports/audit-power.md). A variant is a
 * built-in method, or a module of examples/flawed/ at one magnitude (its `withMagnitude(m)`).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditBattery, type AnyBatteryProperty } from './battery.js';
import { loadEstimator } from './loadEstimator.js';
import type { AuditedFit } from './fitCall.js';
import type { Profile } from './profile.js';

/** An estimator to audit: a method name or module path, and for a flawed module its magnitude. */
export interface Variant {
  readonly estimator: string;
  readonly magnitude?: number;
}

/** The outcome of one run: its measurement, or the error it threw (a caught run either way
 *  when measured > bound, NaN, or an error), and the seconds it took. */
export interface VariantRun {
  readonly measured: number;
  readonly bound: number;
  readonly caught: boolean;
  readonly error?: string;
  readonly seconds: number;
}

const batteries = new Map<string, Promise<readonly AnyBatteryProperty[]>>();

async function variantFit(v: Variant): Promise<AuditedFit> {
  if (v.magnitude === undefined) return loadEstimator(v.estimator);
  const mod = await import(pathToFileURL(resolve(v.estimator)).href) as { withMagnitude?: (m: number) => AuditedFit };
  if (typeof mod.withMagnitude !== 'function') throw new Error(`${v.estimator} exports no withMagnitude(m)`);
  return mod.withMagnitude(v.magnitude);
}

/** Task: measure property `property` of `variant`'s battery (in `profile`) on `input`. */
export async function measureVariantRun(a: { variant: Variant; profile: Profile; property: string; input: unknown }): Promise<VariantRun> {
  const key = JSON.stringify([a.variant, a.profile]);
  let battery = batteries.get(key);
  if (!battery) {
    battery = variantFit(a.variant).then((fit) => auditBattery(fit, { profile: a.profile }));
    batteries.set(key, battery);
  }
  const p = (await battery).find((x) => x.id === a.property);
  if (!p) throw new Error(`no property ${a.property} in the battery`);
  const started = performance.now();
  try {
    const m = p.measure(a.input);
    return { measured: m.measured, bound: m.bound, caught: !(m.measured <= m.bound), seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    return { measured: NaN, bound: NaN, caught: true, error: e instanceof Error ? e.message : String(e), seconds: (performance.now() - started) / 1000 };
  }
}
