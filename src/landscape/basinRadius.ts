import type { Link } from '../model/links.js';
import { lambdaMin } from './population.js';

/** Options of the radius search. */
export interface BasinOptions {
  /** Radial step of the outward scan, as a fraction of |w*| (default 1/50). */
  readonly step?: number;
  /** Largest radius scanned, as a multiple of |w*| (default 3). */
  readonly maxRadius?: number;
  /** Angles per circle before refinement (default 24). */
  readonly angles?: number;
}

export interface BasinResult {
  /** The radius: the distance from w* to the nearest point with lambda_min(H) = 0. */
  readonly radius: number;
  /** false when no crossing was found up to maxRadius (then radius = maxRadius, a lower bound). */
  readonly found: boolean;
  /** Where lambda_min first reaches 0, in the plane (w* = s e1). */
  readonly at: readonly [number, number] | null;
  readonly lambdaMinAtOptimum: number;
}

/** min over the circle |w - w*| = r of lambda_min(H(w)); angle grid then golden refinement. */
export function circleMin(link: Link, s: number, r: number, angles: number): { value: number; angle: number } {
  // by the reflection b -> -b the circle's upper half suffices
  const f = (t: number): number => lambdaMin(link, s + r * Math.cos(t), r * Math.sin(t), s);
  let best = Infinity,
    bestT = 0;
  for (let k = 0; k <= angles; k++) {
    const t = (Math.PI * k) / angles;
    const v = f(t);
    if (v < best) {
      best = v;
      bestT = t;
    }
  }
  let lo = Math.max(0, bestT - Math.PI / angles),
    hi = Math.min(Math.PI, bestT + Math.PI / angles);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo),
    x2 = lo + g * (hi - lo),
    f1 = f(x1),
    f2 = f(x2);
  for (let it = 0; it < 20; it++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  const t = f1 < f2 ? x1 : x2;
  const v = Math.min(f1, f2);
  return v < best ? { value: v, angle: t } : { value: best, angle: bestT };
}

/**
 * The convexity-basin radius r(link, s): the largest r with lambda_min(H(w)) > 0 for all
 * |w - w*| <= r (d >= 3; it does not depend on d). lambda_min along a ray need not stay
 * negative once it turns negative, so bisecting from a far point could land on a later
 * crossing: instead scan outwards from w* in small steps, taking the minimum over each
 * circle, and bisect only inside the first step where the minimum reaches 0.
 */
export function basinRadius(link: Link, s: number, opts: BasinOptions = {}): BasinResult {
  const step = (opts.step ?? 0.02) * s;
  const maxR = (opts.maxRadius ?? 3) * s;
  const angles = opts.angles ?? 24;
  const at0 = lambdaMin(link, s, 0, s);
  if (!(at0 > 0)) return { radius: 0, found: true, at: [s, 0], lambdaMinAtOptimum: at0 };
  let prev = 0;
  for (let r = step; r <= maxR + 1e-12; r += step) {
    const m = circleMin(link, s, r, angles);
    if (m.value <= 0) {
      let lo = prev,
        hi = r,
        angle = m.angle;
      for (let it = 0; it < 30; it++) {
        const mid = 0.5 * (lo + hi);
        const c = circleMin(link, s, mid, angles);
        if (c.value <= 0) {
          hi = mid;
          angle = c.angle;
        } else lo = mid;
      }
      return { radius: lo, found: true, at: [s + hi * Math.cos(angle), hi * Math.sin(angle)], lambdaMinAtOptimum: at0 };
    }
    prev = r;
  }
  return { radius: maxR, found: false, at: null, lambdaMinAtOptimum: at0 };
}
