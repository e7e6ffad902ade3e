/**
 * Child-process entry of the memory measurement: `memoryProbe.ts N D` draws a clean n x d
 * instance (no adversary: the data held once) and fits it robustly, then prints one JSON line
 * {"baselineKiB", "peakKiB"}: the peak resident set before the data was drawn (the runtime,
 * the modules, the compiled kernels) and at the end. Run in a fresh process so the peak
 * belongs to this fit alone.
 */
import { generateInstance } from '../instance/instance.js';
import { canonicalizeInPlace } from '../model/canonicalRows.js';
import { fit } from '../solver/methods.js';
import { FIT_SETTINGS } from './fitScaling.js';

const [n, d] = process.argv.slice(2).map(Number);
if (!(Number.isInteger(n) && Number.isInteger(d) && n > d && d > 0)) {
  process.stderr.write(`memoryProbe: expected two integers N > D > 0, got ${process.argv.slice(2).join(' ')}\n`);
  process.exit(2);
}
// warm the code paths on a small instance first, so compiled code is in the baseline
fit(generateInstance({ ...FIT_SETTINGS, adversary: 'none', n: 2000, d: 10 }).sample, {
  method: 'robust',
  link: FIT_SETTINGS.link,
  eps: FIT_SETTINGS.eps,
  seed: 1,
});
globalThis.gc?.();
const baselineKiB = process.resourceUsage().maxRSS;
// in canonical row order, as `fit` puts the data it reads (otherwise the fit reorders a copy)
const inst = generateInstance({ ...FIT_SETTINGS, adversary: 'none', n, d });
canonicalizeInPlace(inst.sample);
fit(inst.sample, { method: 'robust', link: FIT_SETTINGS.link, eps: FIT_SETTINGS.eps, seed: 1 });
process.stdout.write(`${JSON.stringify({ baselineKiB, peakKiB: process.resourceUsage().maxRSS })}\n`);
