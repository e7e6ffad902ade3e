import fc from 'fast-check';
import { asProperty, margin, type AnyBatteryProperty } from './battery.js';
import { runs, type Profile } from './profile.js';

/** How one property of the battery fared. */
export interface PropertyOutcome {
  readonly id: string;
  readonly statement: string;
  readonly runs: number;
  readonly holds: boolean;
  /** Largest and median measured / bound over the runs (a creeping regression shows here). */
  readonly maxMargin: number;
  readonly medianMargin: number;
  readonly seconds: number;
  /** On failure: the shrunk counterexample and what replays it. */
  readonly counterexample?: unknown;
  readonly measured?: number;
  readonly bound?: number;
  readonly seed: number;
  readonly path?: string;
  readonly error?: string;
}

/**
 * Run each property with fast-check (fc.check: no throw), shrinking failures; record margins.
 * A failing property reports the seed and path that replay it with
 * fc.assert(property, { seed, path }).
 */
export function runBattery(props: readonly AnyBatteryProperty[], profile: Profile, onDone?: (o: PropertyOutcome) => void): PropertyOutcome[] {
  const outcomes: PropertyOutcome[] = [];
  for (const p of props) {
    const margins: number[] = [];
    const started = performance.now();
    const details = fc.check(asProperty(p, margins), { numRuns: runs(profile, p.quickRuns), seed: profile.seed });
    const seconds = (performance.now() - started) / 1000;
    const sorted = margins.filter((m) => !Number.isNaN(m)).sort((a, b) => a - b);
    const base = {
      id: p.id, statement: p.statement, runs: details.numRuns, seconds, seed: details.seed,
      maxMargin: sorted.length ? sorted[sorted.length - 1] : NaN,
      medianMargin: sorted.length ? sorted[(sorted.length - 1) >> 1] : NaN,
    };
    let outcome: PropertyOutcome;
    if (!details.failed) outcome = { ...base, holds: true };
    else {
      const example = details.counterexample?.[0];
      let measured: number | undefined, bound: number | undefined, error: string | undefined;
      // a predicate returning false also yields an errorInstance: re-measure the example,
      // and report an error only when measuring it throws
      if (example !== undefined) {
        try { const m = p.measure(example); measured = m.measured; bound = m.bound; } catch (e) { error = e instanceof Error ? e.message : String(e); }
      } else if (details.errorInstance) error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      outcome = { ...base, holds: false, counterexample: example, measured, bound, path: details.counterexamplePath ?? undefined, error, maxMargin: measured !== undefined && bound !== undefined ? margin({ measured, bound }) : base.maxMargin };
    }
    outcomes.push(outcome);
    onDone?.(outcome);
  }
  return outcomes;
}
