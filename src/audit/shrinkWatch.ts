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
 * One property's runs as fast-check makes them, watched against a {@link ShrinkBound}: the runs
 * up to the first failure, then the shrink candidates. Once the bound has passed since the
 * first failure, `passOver` says a candidate is to be counted as passing without a fit, and
 * `stopped` records that shrinking was cut short.
 */
export class ShrinkWatch {
  private failedAt: number | undefined;
  private tries = 0;
  private smaller = 0;
  /** Whether a candidate was passed over (the counterexample may not be the smallest). */
  stopped = false;

  constructor(
    private readonly id: string,
    private readonly bound: ShrinkBound,
  ) {}

  private now(): number {
    return this.bound.now ? this.bound.now() : performance.now();
  }

  /** Before a run: true when shrinking is past its bound (the run is not made). */
  passOver(): boolean {
    if (this.failedAt === undefined || (this.now() - this.failedAt) / 1000 <= this.bound.seconds) return false;
    this.stopped = true;
    return true;
  }

  /** After a run: whether it held. A run that threw did not hold, and is not reported as
   *  progress (an estimator that fails every fit would otherwise print a line before its
   *  error). */
  record(holds: boolean, threw = false): void {
    if (this.failedAt === undefined) {
      if (!holds) this.failedAt = this.now();
      return;
    }
    this.tries++;
    if (!holds) this.smaller++;
    if (!threw)
      this.bound.onProgress?.({ id: this.id, tries: this.tries, smaller: this.smaller, seconds: (this.now() - this.failedAt) / 1000 });
  }
}
