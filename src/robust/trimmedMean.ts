import { gatherColumn, type ScaledRows, type MeanOptions } from './rows.js';
import { checkEps } from '../model/inputChecks.js';

/**
 * Coordinate-wise trimmed mean: drops the ceil(eps*n) smallest and largest values of each
 * coordinate. Like the coordinate median, its error grows with d under corruption.
 */
export function trimmedMean(rows: ScaledRows, options: MeanOptions): Float64Array {
  checkEps(options.eps);
  const { n, d } = rows;
  const k = Math.min(Math.ceil(options.eps * n), Math.floor((n - 1) / 2));
  const col = new Float64Array(n);
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    gatherColumn(rows, j, col).sort();
    let s = 0;
    for (let i = k; i < n - k; i++) s += col[i];
    out[j] = s / (n - 2 * k);
  }
  return out;
}
