/**
 * Worker-side half of the parallel audit: one run of one property of the battery against an
 * estimator, named by its spec (a built-in method or an absolute module path) so a worker
 * thread can load it. The battery is built once per thread and estimator.
 */
import { auditBattery, type AnyBatteryProperty, type BatteryOptions, type Measurement } from './battery.js';
import { loadEstimator } from './loadEstimator.js';

const batteries = new Map<string, Promise<readonly AnyBatteryProperty[]>>();

/** Task: measure property `property` on `input` (one fast-check run's value). */
export async function measureRun(a: { estimator: string; property: string; input: unknown; options?: BatteryOptions }): Promise<Measurement> {
  const key = JSON.stringify([a.estimator, a.options ?? {}]);
  let battery = batteries.get(key);
  if (!battery) {
    battery = loadEstimator(a.estimator).then((fit) => auditBattery(fit, a.options ?? {}));
    batteries.set(key, battery);
  }
  const p = (await battery).find((x) => x.id === a.property);
  if (!p) throw new Error(`no property ${a.property} in the battery`);
  const m = (p.measure as (input: unknown) => Measurement)(a.input);
  return m.detail === undefined ? { measured: m.measured, bound: m.bound } : { measured: m.measured, bound: m.bound, detail: m.detail };
}
