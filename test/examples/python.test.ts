/**
 * The Python examples (examples/python/), audited through the estimator-process protocol:
 * scikit-learn's HuberRegressor and RANSACRegressor fail with a counterexample, the numpy
 * filtered trimmed least squares passes the whole quick audit. Needs a python3 with numpy
 * (and scikit-learn for the two sklearn examples); skips, saying so, where there is none.
 */
import { describe, expect, it } from 'vitest';
import { batteryIds, batteryShape } from '../../src/audit/battery.js';
import { cli } from '../cli/runCli.js';
import { findPython } from '../pythonFinder.js';

const numpy = findPython(['numpy']);
const sklearn = findPython(['numpy', 'sklearn']);
/** --skip for every property but `only`. */
const allBut = (only: string): string[] => [
  '--skip',
  batteryIds()
    .filter((id) => id !== only)
    .join(','),
];

describe('Python estimators audited over the protocol', () => {
  it.skipIf(!sklearn)(
    'HuberRegressor fails the sigma-rate (leverage moves it whatever the noise), RANSAC the permutation invariance (its random subsets follow the row order), each with a counterexample (needs python3 with scikit-learn)',
    async () => {
      const huber = await cli(
        'audit',
        '--estimator-cmd',
        `${sklearn} examples/python/sklearn_huber.py`,
        '--links',
        'linear',
        ...allBut('sigma-rate'),
      );
      expect(huber.code, huber.err).toBe(1);
      expect(huber.out).toMatch(/VIOLATED sigma-rate/);
      expect(huber.out).toMatch(/counterexample: \{"link":"linear"/);
      const ransac = await cli(
        'audit',
        '--estimator-cmd',
        `${sklearn} examples/python/sklearn_ransac.py`,
        '--links',
        'linear',
        ...allBut('P6-permutation-invariance'),
      );
      expect(ransac.code, ransac.err).toBe(1);
      expect(ransac.out).toMatch(/VIOLATED P6-permutation-invariance/);
      expect(ransac.out).toMatch(/replay: seed \d+, path "/);
    },
    180000,
  );

  it.skipIf(!numpy)(
    'the numpy filtered trimmed least squares passes the whole quick audit, on the linear link (needs python3 with numpy)',
    async () => {
      const r = await cli('audit', '--estimator-cmd', `${numpy} examples/python/filtered_trimmed_ls.py`, '--links', 'linear', '--json');
      expect(r.code, r.err).toBe(0);
      const outcome = JSON.parse(r.out);
      expect(outcome.holds).toBe(true);
      // every property of the quick battery (the deep profile's search is not in it)
      expect(outcome.properties.map((p: { id: string }) => p.id)).toEqual(batteryShape().map((p) => p.id));
      expect(outcome.skipped).toEqual([]);
    },
    600000,
  );
});
