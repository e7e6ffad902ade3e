/**
 * Worker-side half of the parallel audit and of the audit's power measurement: one run of one
 * property of the battery against an estimator, named by its spec (a built-in method or an
 * absolute module path; with a magnitude, a module of examples/flawed/ at that magnitude) so
 * a worker thread can load it. The battery is built once per thread, estimator and options.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditBattery, type AnyBatteryProperty, type BatteryOptions, type Measurement } from './battery.js';
import { type EstimatorSpec, loadEstimator } from './loadEstimator.js';
import type { AuditedFit } from './fitError.js';
import type { Profile } from './profile.js';

const batteries = new Map<string, Promise<readonly AnyBatteryProperty[]>>();

async function estimatorFit(estimator: EstimatorSpec, magnitude: number | undefined): Promise<AuditedFit> {
  if (magnitude === undefined || typeof estimator !== 'string') return loadEstimator(estimator);
  const mod = (await import(pathToFileURL(resolve(estimator)).href)) as { withMagnitude?: (m: number) => AuditedFit };
  if (typeof mod.withMagnitude !== 'function') throw new Error(`${estimator} exports no withMagnitude(m)`);
  return mod.withMagnitude(magnitude);
}

/** Property `id` of the battery built for an estimator, the battery cached per thread. */
async function batteryProperty(
  estimator: EstimatorSpec,
  magnitude: number | undefined,
  options: BatteryOptions,
  id: string,
): Promise<AnyBatteryProperty> {
  const key = JSON.stringify([estimator, magnitude ?? null, options]);
  let battery = batteries.get(key);
  if (!battery) {
    battery = estimatorFit(estimator, magnitude).then((fit) => auditBattery(fit, options));
    batteries.set(key, battery);
  }
  const p = (await battery).find((x) => x.id === id);
  if (!p) throw new Error(`no property ${id} in the battery`);
  return p;
}

/** Task: measure property `property` on `input` (one fast-check run's value). */
export async function measureRun(a: {
  estimator: EstimatorSpec;
  property: string;
  input: unknown;
  options?: BatteryOptions;
}): Promise<Measurement> {
  const p = await batteryProperty(a.estimator, undefined, a.options ?? {}, a.property);
  const m = (p.measure as (input: unknown) => Measurement)(a.input);
  return {
    measured: m.measured,
    bound: m.bound,
    ...(m.detail === undefined ? {} : { detail: m.detail }),
    ...(m.figure === undefined ? {} : { figure: m.figure }),
  };
}

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

/** Task: measure property `property` of `variant`'s battery (in `profile`) on `input`,
 *  never throwing (the power measurement counts an error as a caught run). */
export async function measureVariantRun(a: { variant: Variant; profile: Profile; property: string; input: unknown }): Promise<VariantRun> {
  const p = await batteryProperty(a.variant.estimator, a.variant.magnitude, { profile: a.profile }, a.property);
  const started = performance.now();
  try {
    const m = p.measure(a.input);
    return { measured: m.measured, bound: m.bound, caught: !(m.measured <= m.bound), seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    return {
      measured: NaN,
      bound: NaN,
      caught: true,
      error: e instanceof Error ? e.message : String(e),
      seconds: (performance.now() - started) / 1000,
    };
  }
}
