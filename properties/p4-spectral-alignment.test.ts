import { describe, it } from 'vitest';
import fc from 'fast-check';
import { BOUNDS } from '../src/audit/bounds.js';
import { basinShare, spectralCaseArb } from './spectral.js';
import { params } from './support.js';

describe('P4 spectral alignment', () => {
  it(`robust w0 lies in the basin B(w*, r) for n >= ${BOUNDS.spectralSamplesPerDLogD} d log d, every adversary, eps <= ${BOUNDS.spectralMaxEps}`, () => {
    const margins: number[] = [];
    fc.assert(
      fc.property(spectralCaseArb, (c) => {
        const m = basinShare(c, true);
        margins.push(m);
        return m < 1;
      }),
      params(30),
    );
    console.log(`P4: margin |w0 - w*| / r max ${Math.max(...margins).toPrecision(3)}`);
  });
});
