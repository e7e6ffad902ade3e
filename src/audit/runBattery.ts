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

/** How long shrinking a failure may take, and where its progress goes. */
export interface ShrinkBound {
  /** Seconds from the first failing run; past them every further shrink candidate is passed
   *  over without a fit, so fast-check ends with the smallest failure found so far (still a
   *  failure, replayed by its seed and path). */
  readonly seconds: number;
  /** Called after each shrink candidate is measured. */
  readonly onProgress?: (p: ShrinkProgress) => void;
  /** The clock, in ms (tests). */
  readonly now?: () => number;
}

/** Where a property's shrinking stands. */
export interface ShrinkProgress {
  readonly id: string;
  /** Shrink candidates measured so far. */
  readonly tries: number;
  /** Of those, the ones that failed too (each a smaller counterexample). */
  readonly smaller: number;
  /** Seconds since the first failing run. */
  readonly seconds: number;
}

/** Default of ShrinkBound.seconds (`sim-audit audit --shrink-seconds`): an audit of a slow
 *  estimator was seen shrinking for over 9 minutes without progress (scikit-learn's
 *  TheilSenRegressor, the field issue); two minutes of fits still make most shrinks complete
 *  on the built-in estimators, whose fits take milliseconds to a second. */
export const DEFAULT_SHRINK_SECONDS = 120;

/**
 * A battery entry as a fast-check property that records each run's measurement into `seen`
 * (as asProperty) and stops shrinking once `bound.seconds` have passed since the first
 * failure: every later candidate counts as passing, unmeasured, so fast-check keeps the
 * smallest failure found until then.
 */
function boundedShrinkProperty<T>(p: AnyBatteryProperty, seen: Measurement[], bound: ShrinkBound, stopped: { value: boolean }) {
  const now = bound.now ?? (() => performance.now());
  let failedAt: number | undefined;
  let tries = 0,
    smaller = 0;
  const entry = p as unknown as { arbitrary: fc.Arbitrary<T>; measure: (input: T) => Measurement };
  return fc.property(entry.arbitrary, (input) => {
    if (failedAt !== undefined && (now() - failedAt) / 1000 > bound.seconds) {
      stopped.value = true;
      return true;
    }
    let holds: boolean;
    try {
      const m = entry.measure(input);
      seen.push(m);
      holds = m.measured <= m.bound;
    } catch (e) {
      // a throwing run fails: fast-check shrinks it like a false one
      if (failedAt === undefined) failedAt = now();
      else {
        tries++;
        smaller++;
      }
      throw e;
    }
    if (failedAt === undefined) {
      if (!holds) failedAt = now();
      return holds;
    }
    tries++;
    if (!holds) smaller++;
    bound.onProgress?.({ id: p.id, tries, smaller, seconds: (now() - failedAt) / 1000 });
    return holds;
  });
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
    const stopped = { value: false };
    const property = shrink ? boundedShrinkProperty(p, seen, shrink, stopped) : asProperty(p, seen);
    const details = fc.check(property as fc.IPropertyWithHooks<[unknown]>, { numRuns: runCount(p, profile), seed: profile.seed });
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
        ...(stopped.value ? { shrinkStopped: true } : {}),
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
