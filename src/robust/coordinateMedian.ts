import { medianInPlace } from '../kernels/select.js';
import { gatherColumn, type ScaledRows } from './rows.js';

/**
 * Coordinate-wise median. Robust per coordinate, but its error grows like sqrt(d) * eps in
 * high dimension (each coordinate's bias adds up): the contrast SPEC section 5 asks for.
 */
export function coordinateMedian(rows: ScaledRows): Float64Array {
  const col = new Float64Array(rows.n);
  const out = new Float64Array(rows.d);
  for (let j = 0; j < rows.d; j++) out[j] = medianInPlace(gatherColumn(rows, j, col));
  return out;
}
