import fc from 'fast-check';
import type { AnyBatteryProperty, Measurement } from './battery.js';
import { runCount, type BatteryOptions } from './battery.js';
import { runBattery, summarizeRuns, type PropertyOutcome } from './runBattery.js';
import type { ShrinkBound } from './shrinkWatch.js';
import type { Profile } from './profile.js';
import type { Sweep } from '../sweep/sweep.js';
import { measureRun } from './batteryTasks.js';
import type { EstimatorSpec } from './loadEstimator.js';
import { siblingModule } from '../sweep/siblingModule.js';

const TASKS = siblingModule(import.meta.url, 'batteryTasks');

/** Battery options a worker can rebuild the battery from (JSON-able). */
export type SerializableBatteryOptions = Omit<BatteryOptions, 'profile'>;

/** A run's scheduling cost: the property's own estimate, else one fit of the case's instance
 *  (n d = samplesPerDim d^2), else 0. The costliest runs start first, so the heavy ones
 *  (the rate experiments fit dozens of instances) do not trail at the end. */
export function runCost(p: AnyBatteryProperty, input: unknown): number {
  if (p.cost) return p.cost(input);
  const c = input as { samplesPerDim?: unknown; d?: unknown };
  return typeof c.samplesPerDim === 'number' && typeof c.d === 'number' ? c.samplesPerDim * c.d * c.d : 0;
}

/**
 * The battery of runBattery, its runs spread over a sweep's worker threads. fast-check draws
 * a property's inputs from its seed alone (fc.sample gives the values fc.check would try, in
 * order), so the runs are drawn here, measured on the workers, and their margins kept in
 * run order: a property that holds gets the outcome the sequential run gives, whatever the
 * number of workers. A property with a failing (or throwing) run is run again sequentially
 * with runBattery on this thread, which finds the same first failure, shrinks it and reports
 * the seed and path that replay it: the outcome is the sequential one there too.
 *
 * @param estimator the estimator's spec, as workers load it (a method name, an absolute path, or
 *   a command each worker starts its own process of)
 */
export async function runBatteryOnSweep(
  props: readonly AnyBatteryProperty[],
  profile: Profile,
  estimator: EstimatorSpec,
  sweep: Sweep,
  onDone?: (o: PropertyOutcome) => void,
  options: SerializableBatteryOptions = {},
  shrink?: ShrinkBound,
): Promise<PropertyOutcome[]> {
  const started = performance.now();
  // every property's runs asked for at once; outcomes taken in property order
  const pending = props.map((p) => {
    const numRuns = runCount(p, profile);
    const inputs = fc.sample(p.arbitrary as fc.Arbitrary<unknown>, { numRuns, seed: profile.seed });
    return sweep
      .map<Measurement>(
        inputs.map((input) => ({
          module: TASKS,
          name: measureRun.name, // the function names the task: a rename fails to compile
          args: { estimator, property: p.id, input, options: { ...options, profile } },
          cost: runCost(p, input),
        })),
      )
      .then(
        (ms) => ({ ms, seconds: (performance.now() - started) / 1000 }),
        () => null,
      );
  });
  const outcomes: PropertyOutcome[] = [];
  for (const [k, p] of props.entries()) {
    const done = await pending[k];
    let outcome: PropertyOutcome;
    if (done?.ms.every((m) => m.measured <= m.bound)) {
      outcome = {
        id: p.id,
        kind: p.kind,
        statement: p.statement,
        runs: done.ms.length,
        holds: true,
        seconds: done.seconds,
        seed: profile.seed,
        ...summarizeRuns(done.ms),
      };
    } else {
      outcome = runBattery([p], profile, undefined, shrink)[0];
    }
    outcomes.push(outcome);
    onDone?.(outcome);
  }
  return outcomes;
}
