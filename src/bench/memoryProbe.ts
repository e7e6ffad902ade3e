/**
 * Child-process entry of the memory measurement: `memoryProbe.ts N D` draws a clean n x d
 * instance (no adversary: the data held once) and fits it robustly, then prints one JSON line
 * {"baselineKiB", "peakKiB"}: the peak resident set before the data was drawn (the runtime,
 * the modules, the compiled kernels) and at the end. Run in a fresh process so the peak
 * belongs to this fit alone.
 */
import { readFileSync } from 'node:fs';
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
/**
 * This process's peak resident set, KiB: Linux's VmHWM (the high-water mark of this process's
 * own memory, begun afresh at exec), else getrusage's maxRSS. maxRSS is not enough on Linux:
 * it keeps the largest of the parent's resident set at fork too, so a probe started from a
 * large process (a test worker that has loaded many test files) read its baseline and its
 * peak both as the parent's size, a difference of 0.
 */
function peakKiB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (not Linux): getrusage below
  }
  return process.resourceUsage().maxRSS;
}

globalThis.gc?.();
const baselineKiB = peakKiB();
// in canonical row order, as `fit` puts the data it reads (otherwise the fit reorders a copy)
const inst = generateInstance({ ...FIT_SETTINGS, adversary: 'none', n, d });
canonicalizeInPlace(inst.sample);
fit(inst.sample, { method: 'robust', link: FIT_SETTINGS.link, eps: FIT_SETTINGS.eps, seed: 1 });
process.stdout.write(`${JSON.stringify({ baselineKiB, peakKiB: peakKiB() })}\n`);
