import { type ShrinkBound, ShrinkWatch } from './shrinkWatch.js';
import fc from 'fast-check';
import { asProperty, margin, runCount, type AnyBatteryProperty, type Measurement, type PropertyKind } from './battery.js';
import type { Profile } from './profile.js';
import type { RateFigure } from '../report/rateFigure.js';

/** How one property of the battery fared. */
export interface PropertyOutcome {
  readonly id: string;
  readonly kind: PropertyKind;
  readonly statement: string;
  readonly runs: number;
  readonly holds: boolean;
  /** Largest and median measured / bound over the runs (a creeping regression shows here). */
  readonly maxMargin: number;
  readonly medianMargin: number;
  readonly seconds: number;
  /** The detail of the run with the largest margin (a rate experiment's grid), if any. */
  readonly detail?: string;
  /** That run's figure (rate experiments). */
  readonly figure?: RateFigure;
  /** On failure: the shrunk counterexample and what replays it. */
  readonly counterexample?: unknown;
  readonly measured?: number;
  readonly bound?: number;
  readonly seed: number;
  readonly path?: string;
  readonly error?: string;
  /** Shrinking was stopped by its time bound ({@link ShrinkBound}): the counterexample is a
   *  failing run, not the smallest failing one fast-check would have reached. */
  readonly shrinkStopped?: boolean;
}

/** The outcome fields shared by every way of running a property, from its measurements. */
export function summarizeRuns(seen: readonly Measurement[]): Pick<PropertyOutcome, 'maxMargin' | 'medianMargin' | 'detail' | 'figure'> {
  const margins = seen
    .map((m) => ({ m, r: margin(m) }))
    .filter((x) => !Number.isNaN(x.r))
    .sort((a, b) => a.r - b.r);
  const worst = margins.length ? margins[margins.length - 1] : undefined;
  return {
    maxMargin: worst ? worst.r : NaN,
    medianMargin: margins.length ? margins[(margins.length - 1) >> 1].r : NaN,
    ...(worst?.m.detail !== undefined ? { detail: worst.m.detail } : {}),
    ...(worst?.m.figure !== undefined ? { figure: worst.m.figure } : {}),
  };
}

/**
 * Run each property with fast-check (fc.check: no throw), shrinking failures; record margins.
 * A failing property reports the seed and path that replay it with
 * fc.assert(property, { seed, path }).
 */
export function runBattery(
  props: readonly AnyBatteryProperty[],
  profile: Profile,
  onDone?: (o: PropertyOutcome) => void,
  shrink?: ShrinkBound,
): PropertyOutcome[] {
  const outcomes: PropertyOutcome[] = [];
  for (const p of props) {
    const seen: Measurement[] = [];
    const started = performance.now();
    const watch = shrink ? new ShrinkWatch(p.id, shrink) : undefined;
    const details = fc.check(asProperty(p, seen, watch), { numRuns: runCount(p, profile), seed: profile.seed });
    const seconds = (performance.now() - started) / 1000;
    const base = {
      id: p.id,
      kind: p.kind,
      statement: p.statement,
      runs: details.numRuns,
      seconds,
      seed: details.seed,
      ...summarizeRuns(seen),
    };
    let outcome: PropertyOutcome;
    if (!details.failed) outcome = { ...base, holds: true };
    else {
      const example = details.counterexample?.[0];
      let measured: number | undefined, bound: number | undefined, error: string | undefined, detail: string | undefined;
      let figure: RateFigure | undefined;
      // a predicate returning false also yields an errorInstance: re-measure the example,
      // and report an error only when measuring it throws
      if (example !== undefined) {
        try {
          const m = p.measure(example);
          measured = m.measured;
          bound = m.bound;
          detail = m.detail;
          figure = m.figure;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      } else if (details.errorInstance)
        error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      outcome = {
        ...base,
        holds: false,
        counterexample: example,
        measured,
        bound,
        path: details.counterexamplePath ?? undefined,
        error,
        ...(watch?.stopped ? { shrinkStopped: true } : {}),
        ...(detail !== undefined ? { detail } : {}),
        ...(figure !== undefined ? { figure } : {}),
        maxMargin: measured !== undefined && bound !== undefined ? margin({ measured, bound }) : base.maxMargin,
      };
    }
    outcomes.push(outcome);
    onDone?.(outcome);
  }
  return outcomes;
}
