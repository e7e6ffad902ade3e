import { InputError } from '../errors.js';
import type { Sample } from '../model/sample.js';
import { getLink, type LinkName } from '../model/links.js';
import { filterMeanDetailed } from '../robust/filterMean.js';
import { mean } from '../robust/mean.js';
import { gemv } from '../kernels/gemv.js';
import { fitScale } from './scaleFit.js';
import type { InitResult } from './spectralInit.js';

/**
 * First-moment initialization: by Stein, E[y x] = E[phi'(<w*,x>)] w*, and for self-gated
 * links (relu, gelu, swish: phi(z) = z g(z), g(z) + g(-z) = 1) E[y x] = w* / 2 exactly, so
 * w0 = 2 * RobustMean(y_i x_i) is an O(sqrt(eps)) start (SPEC section 3). Other non-even
 * links give the direction only; the norm then comes from the 1-D fit. Even links have
 * E[y x] = 0: refused.
 */
export function firstMomentInit(data: Sample, opts: { link: LinkName; eps: number; robust: boolean }): InitResult {
  const { n, d, x, y } = data;
  const link = getLink(opts.link);
  if (link.even) throw new InputError(`first-moment initialization needs a link with E[phi'] != 0; "${link.name}" is even`);
  const rows = { n, d, x, scale: y };
  const filtered = opts.robust && opts.eps > 0 ? filterMeanDetailed(rows, { eps: opts.eps }) : null;
  const m = filtered ? filtered.mean : mean(rows);
  const weights = filtered ? filtered.weights : new Float64Array(n).fill(1);
  const norm = Math.hypot(...m);
  const direction = norm > 0 ? Float64Array.from(m, (v) => v / norm) : Float64Array.from({ length: d }, (_, j) => (j === 0 ? 1 : 0));
  if (link.selfGated) return { w0: Float64Array.from(m, (v) => 2 * v), direction, weights };
  const z = gemv(n, d, x, direction, new Float64Array(n));
  const t = fitScale(link, z, y, { robust: opts.robust, weights: filtered ? weights : undefined });
  return { w0: Float64Array.from(direction, (v) => v * t), direction, weights };
}
