/**
 * When descent stops re-aggregating and keeps its last weights (freezes), and when a step taken
 * under them is refused (unfreezes). The filter's weights are what freezing keeps; the
 * stateless means keep the same bookkeeping, where a refused step only costs an iteration
 * (the same aggregate is recomputed at the same point and the same step taken).
 */

/** Relative step below which robust GD stops re-filtering and keeps its last weights. It does
 *  not set the answer's accuracy: frozen descent then converges (to DESCENT_TOLERANCE) and the
 *  polish re-filters at the answer and descends again under the weights found there
 *  (src/solver/gradientMean.ts), so the answer's weights are the filter's at the answer
 *  whichever iterate froze. It was 1e-4; on the speed issue's CSV (50000 x 100, covariance
 *  shift) the fresh-filter steps below 1e-3 |w| did not shrink (8 steps wandering between
 *  5e-4 and 7e-4, each a full filter run, until FREEZE_PATIENCE froze them), and each polish
 *  re-filter moved w by about 1e-3 anyway: at 1e-3 that fit makes 1069 passes instead of 1335,
 *  with error 0.0326 against 0.0331. */
export const FREEZE_TOLERANCE = 1e-3;
/** ...or once the step has not fallen below FREEZE_PROGRESS times its smallest value so far
 *  for this many steps: the fresh filter can lock the iterate into a cycle (two weight sets
 *  sending it back and forth, seen at amplitude ~2e-3 |w| under heavy-tail-mimic), which only
 *  freezing ends. */
export const FREEZE_PATIENCE = 5;
/** A step counts as progress only below this share of the smallest step so far. With 1 (any
 *  new minimum counts) an iterate wandering at ~3e-3 |w| kept setting marginal new minima and
 *  ran 40 fresh-filter steps; the filter's weights jump with w (a hard rank cut), the
 *  wandering is chaotic, and it amplified rounding-level differences (the same sample
 *  rotated) by 1e11, to 1.5x P6's tolerance (d = 2, gelu, leverage, pareto:3 noise). Halving
 *  within FREEZE_PATIENCE steps asks for a contraction of at most 0.87 per step; a slower
 *  one near the answer freezes early, and frozen descent converges and the polish re-filters
 *  at the answer; far from it, see FREEZE_WANDER. */
export const FREEZE_PROGRESS = 0.5;
/** ...and only while the steps are this small relative to |w|: stalled progress freezes a
 *  wandering near the answer, never an iterate still travelling. Without this bound the
 *  progress rule froze a relu descent 1 |w*| from the truth (a poor spectral start, label-shift,
 *  eps = 0.1, sigma = |w*| / 2) under weights that still held corrupted rows, and it converged
 *  to an error of 6.1 against 0.29 before (deep audit seed 7, P1 margin 6.8). The wandering
 *  FREEZE_PROGRESS ends moves by about 3e-3 |w| per step, a third of this bound. */
export const FREEZE_WANDER = 1e-2;
/** Under frozen weights, a step larger than this many times the step at freeze time is
 *  refused: the iterate is left where it was and the filter runs again. Rows whose
 *  gradients vanished where the weights froze (relu's dead zone: leverage rows with
 *  <w, u> < 0) keep weight 1, and once frozen descent carries <w, u> across 0 they pull
 *  with their full, enormous gradient (seen: error 68.7 from a start 0.29 away, relu,
 *  leverage, eps = 0.1). */
export const UNFREEZE_FACTOR = 10;

/** The freeze state of one descent. */
export class FreezeTracker {
  /** Whether the weights are frozen. */
  frozen = false;
  /** The relative step at freeze time (Infinity: set by the next step taken). */
  private frozenStep = 0;
  private bestStep = Infinity;
  private sinceBest = 0;

  /** Whether a candidate step of relative length `relative` is refused: under frozen weights,
   *  one more than UNFREEZE_FACTOR times the step at freeze time; refusing unfreezes. */
  refuses(relative: number): boolean {
    if (!(this.frozen && relative > UNFREEZE_FACTOR * Math.max(this.frozenStep, FREEZE_TOLERANCE))) return false;
    this.frozen = false;
    this.bestStep = Infinity;
    this.sinceBest = 0;
    return true;
  }

  /** After a step of relative length `relative` was taken: freeze once it is below
   *  FREEZE_TOLERANCE, or has made no progress (FREEZE_PROGRESS) for FREEZE_PATIENCE steps while
   *  below FREEZE_WANDER. */
  record(relative: number): void {
    if (this.frozenStep === Infinity) this.frozenStep = relative; // the first step of a polish descent sets its scale
    if (relative < FREEZE_PROGRESS * this.bestStep) {
      this.bestStep = relative;
      this.sinceBest = 0;
    } else this.sinceBest++;
    if (!this.frozen && (relative <= FREEZE_TOLERANCE || (this.sinceBest >= FREEZE_PATIENCE && relative <= FREEZE_WANDER))) {
      this.frozen = true;
      this.frozenStep = relative;
    }
  }

  /** Freeze under new weights whose first step sets the scale of what is refused later. */
  refreeze(): void {
    this.frozen = true;
    this.frozenStep = Infinity;
  }
}
