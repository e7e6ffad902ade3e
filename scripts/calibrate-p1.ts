/**
 * Re-runs the sweep that calibrates P1's constants (BOUNDS.C1, BOUNDS.C2 in
 * src/audit/bounds.ts) on a method: random instances of the P1 domain (instanceCaseArb),
 * `--runs` per seed, measuring
 *   err / (kappa sigma sqrt(d/n))                        on clean instances (eps = 0), and
 *   (err - c2 kappa sigma sqrt(d/n)) / (kappa sigma sqrt(eps))   on corrupted ones,
 * with c2 the clean maximum. Prints both maxima, the cases that reached them, and the
 * constants they give (maximum x 1.5). Use seeds the audit does not use (its quick seed is
 * 1, the deep audits' 1-10), so that a calibration is not fitted to a run it then judges.
 *
 *   npx tsx scripts/calibrate-p1.ts --method robust --seeds 101,102,103,104 --runs 200
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { instanceCaseArb, settingsOf, type InstanceCase } from '../src/audit/arbitraries.js';
import { conditioning } from '../src/audit/conditioning.js';
import { generateInstance } from '../src/instance/instance.js';
import { fit } from '../src/solver/methods.js';
import { distance } from '../src/kernels/vec.js';

const { values } = parseArgs({
  options: {
    method: { type: 'string', default: 'robust' },
    seeds: { type: 'string', default: '101,102,103,104' },
    runs: { type: 'string', default: '200' },
  },
});
const seeds = String(values.seeds).split(',').map(Number);
const runs = Number(values.runs);

interface Row {
  readonly c: InstanceCase;
  readonly err: number;
  readonly stat: number; // kappa sigma sqrt(d/n)
  readonly rob: number; // kappa sigma sqrt(eps)
}
const rows: Row[] = [];
const started = Date.now();
for (const seed of seeds) {
  for (const c of fc.sample(instanceCaseArb(), { seed, numRuns: runs })) {
    const s = settingsOf(c);
    const inst = generateInstance(s);
    const w = fit(inst.sample, { method: String(values.method), link: c.link, eps: c.eps, seed: 1 }).w;
    const kappaSigma = conditioning(c.link, c.norm) * s.sigma;
    rows.push({ c, err: distance(w, inst.wstar), stat: kappaSigma * Math.sqrt(s.d / s.n), rob: kappaSigma * Math.sqrt(c.eps) });
  }
  process.stderr.write(`seed ${seed} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
const clean = rows.filter((r) => r.c.eps === 0).map((r) => ({ r, v: r.err / r.stat }));
const c2 = Math.max(...clean.map((t) => t.v));
const corrupted = rows.filter((r) => r.c.eps > 0).map((r) => ({ r, v: (r.err - c2 * r.stat) / r.rob }));
const c1 = Math.max(...corrupted.map((t) => t.v));
const top = (list: { r: Row; v: number }[]) =>
  [...list]
    .sort((a, b) => b.v - a.v)
    .slice(0, 5)
    .map((t) => `  ${t.v.toFixed(3)}  ${JSON.stringify(t.r.c)}  err ${t.r.err.toPrecision(4)}`)
    .join('\n');
console.log(`method ${values.method}, seeds ${seeds.join(',')}, ${runs} cases each: ${clean.length} clean, ${corrupted.length} corrupted`);
console.log(`clean max err / (kappa sigma sqrt(d/n)) = ${c2.toFixed(3)}  -> C2 = ${(1.5 * c2).toFixed(2)}\n${top(clean)}`);
console.log(
  `corrupted max (err - c2 kappa sigma sqrt(d/n)) / (kappa sigma sqrt(eps)) = ${c1.toFixed(3)}  -> C1 = ${(1.5 * c1).toFixed(2)}\n${top(corrupted)}`,
);
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
