import { describe, it } from 'vitest';
import fc from 'fast-check';
import { filterMean } from '../src/robust/filterMean.js';
import { namedStream } from '../src/rng/streams.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { seedArb } from '../src/audit/arbitraries.js';
import { params } from './support.js';

/** How the eps n corrupted vectors are placed. */
const STRATEGIES = ['cluster', 'all-coordinates', 'spread', 'subtle'] as const;
const caseArb = fc.record({
  d: fc.constantFrom(5, 10, 20, 50, 100),
  samplesPerDim: fc.constantFrom(20, 50, 100),
  eps: fc.constantFrom(0.01, 0.02, 0.05, 0.1),
  heavy: fc.boolean(),
  strategy: fc.constantFrom(...STRATEGIES),
  distance: fc.constantFrom(2, 5, 20, 100),
  sigma: fc.constantFrom(1, 0.1, 3),
  seed: seedArb,
});

describe("P5 the spectral filter's own guarantee", () => {
  it(`mean error <= ${BOUNDS.CF} sigma (sqrt(eps) + sqrt(d/n)), inliers with covariance sigma^2 I, dimension-free`, () => {
    const margins: number[] = [];
    fc.assert(
      fc.property(caseArb, (c) => {
        const n = c.d * c.samplesPerDim;
        const r = namedStream(c.seed, 'p5');
        // inliers: N(0, sigma^2 I) or student-t(3) per coordinate scaled to variance sigma^2
        const t3 = (): number => {
          const z = r.normal();
          let chi = 0;
          for (let k = 0; k < 3; k++) chi += r.normal() ** 2;
          return z / Math.sqrt(chi / 3) / Math.sqrt(3);
        };
        const x = Float64Array.from({ length: n * c.d }, () => c.sigma * (c.heavy ? t3() : r.normal()));
        const m = Math.floor(c.eps * n);
        const u = Float64Array.from({ length: c.d }, r.normal);
        const un = Math.hypot(...u);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < c.d; j++) {
            const k = i * c.d + j;
            if (c.strategy === 'cluster') x[k] = (c.distance * c.sigma * u[j]) / un + 0.01 * c.sigma * r.normal();
            else if (c.strategy === 'all-coordinates') x[k] = c.sigma * (r.normal() + c.distance / Math.sqrt(c.d));
            else if (c.strategy === 'spread') x[k] = c.distance * c.sigma * r.normal();
            else x[k] = c.sigma * (r.normal() + u[j] / un / Math.sqrt(c.eps)); // shifts the mean by sigma sqrt(eps)
          }
        }
        const mu = filterMean({ n, d: c.d, x }, { eps: c.eps });
        // the inliers' own mean is part of the statistical term; the truth is 0
        const err = Math.hypot(...mu);
        const bound = BOUNDS.CF * c.sigma * (Math.sqrt(c.eps) + Math.sqrt(c.d / n));
        margins.push(err / bound);
        return err <= bound;
      }),
      params(40),
    );
    console.log(`P5: margin max ${Math.max(...margins).toPrecision(3)}`);
  });
});
