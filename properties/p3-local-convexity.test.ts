import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { getLink, type LinkName } from '../src/model/links.js';
import { blockEigenvalues, lambdaMin, populationHessian, populationLoss } from '../src/landscape/population.js';
import { cachedBasin } from '../src/landscape/landscapeSummary.js';
import { generateInstance } from '../src/instance/instance.js';
import { namedStream } from '../src/rng/streams.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { seedArb } from '../src/audit/arbitraries.js';
import { params } from './support.js';

/** The (link, |w*|) pairs whose basins P3 samples: the target links, a saturating one, a kinked one. */
const PAIRS: ReadonlyArray<readonly [LinkName, number]> = [
  ['gelu', 1],
  ['swish', 1],
  ['tanh', 2],
  ['relu', 1],
];
const pairArb = fc.constantFrom(...PAIRS);
/** A point of the disk of radius `frac` r around w* in the plane: angle in degrees, radius share in 1/1000. */
const pointArb = fc.record({ degrees: fc.integer({ min: 0, max: 359 }), share: fc.integer({ min: 0, max: 999 }) });

describe('P3 local convexity', () => {
  it('the exact Hessian is positive definite throughout B(w*, r) (first-crossing radius)', () => {
    fc.assert(
      fc.property(pairArb, pointArb, ([link, s], { degrees, share }) => {
        const r = cachedBasin(link, s).radius * (1 - BOUNDS.basinInset) * (share / 1000);
        const t = (degrees * Math.PI) / 180;
        return lambdaMin(getLink(link), s + r * Math.cos(t), r * Math.sin(t), s) > 0;
      }),
      params(40),
    );
  });

  it('the population loss is convex along random segments inside B(w*, r)', () => {
    fc.assert(
      fc.property(pairArb, pointArb, pointArb, ([link, s], p, q) => {
        const r = cachedBasin(link, s).radius * (1 - BOUNDS.basinInset);
        const at = (pt: { degrees: number; share: number }): [number, number] => {
          const t = (pt.degrees * Math.PI) / 180,
            rr = (r * pt.share) / 1000;
          return [s + rr * Math.cos(t), rr * Math.sin(t)];
        };
        const [a, b] = [at(p), at(q)];
        const f = (u: number): number => populationLoss(getLink(link), a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1]), s);
        const vals = Array.from({ length: 9 }, (_, k) => f(k / 8));
        // second differences of a convex function are >= 0 (up to quadrature error, 1e-11)
        for (let k = 1; k < 8; k++) if (vals[k - 1] - 2 * vals[k] + vals[k + 1] < -1e-11) return false;
        return true;
      }),
      params(15),
    );
  });

  it(`the empirical Hessian is positive definite on B(w*, r/2) once n >= ${BOUNDS.hessianSamplesPerDimension} d lambda_max/lambda_min`, () => {
    const smooth = PAIRS.filter(([l]) => getLink(l).kinks.length === 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...smooth),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 999 }),
        seedArb,
        ([link, s], d, share, seed) => {
          const H0 = populationHessian(getLink(link), s, 0, s);
          const [lo, hi] = blockEigenvalues(H0);
          const n = Math.ceil((BOUNDS.hessianSamplesPerDimension * d * Math.max(hi, H0.complement)) / Math.min(lo, H0.complement));
          const inst = generateInstance({ d, n, norm: s, link, noise: 'gaussian', sigma: 0.25 * s, eps: 0, adversary: 'none', seed });
          const phi = getLink(link);
          // a point of B(w*, r/2) in a random direction (drawn from the instance's own seed)
          const rng = namedStream(seed, 'direction');
          const dir = Float64Array.from({ length: d }, rng.normal);
          const norm = Math.hypot(...dir);
          const rad = (cachedBasin(link, s).radius / 2) * (share / 1000);
          const w = inst.wstar.map((t, j) => t + (rad * dir[j]) / norm);
          // d x d is fine here: d <= 12, and this is the small dense algebra ml-matrix is for
          const H = Matrix.zeros(d, d);
          for (let i = 0; i < n; i++) {
            let u = 0;
            for (let j = 0; j < d; j++) u += inst.sample.x[i * d + j] * w[j];
            const h = (2 * (phi.dphi(u) ** 2 + (phi.phi(u) - inst.sample.y[i]) * phi.d2phi(u))) / n;
            for (let a = 0; a < d; a++)
              for (let b = 0; b <= a; b++) H.set(a, b, H.get(a, b) + h * inst.sample.x[i * d + a] * inst.sample.x[i * d + b]);
          }
          for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) H.set(b, a, H.get(a, b));
          return Math.min(...new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues) > 0;
        },
      ),
      params(20),
    );
  });

  it("the radii the properties use are the oracle's, found (not capped)", () => {
    for (const [link, s] of PAIRS) expect(cachedBasin(link, s).found).toBe(true);
  });
});
