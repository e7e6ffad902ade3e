/**
 * The end-to-end demonstration `npm run reproduce` runs until the per-claim reproductions
 * exist: every adversary of the catalogue against the robust solver and plain least squares
 * on the foundation's acceptance setting, plus the clean swish case. Writes reports/demo.md
 * and reports/demo.json.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { generateInstance, type InstanceSettings } from '../src/model/instance.js';
import { fit } from '../src/solver/methods.js';
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { distance } from '../src/kernels/vec.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { machineLine, writeReport, type ClaimResult } from '../src/report/writeReport.js';

const SEEDS = [1, 2, 3];
const BASE: Omit<InstanceSettings, 'adversary' | 'seed'> = { d: 40, n: 10000, norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: 0.05 };
/** The foundation issue's acceptance bounds. */
const ROBUST_BOUND = 0.3;
const PLAIN_BREAK = 0.5;
const CLEAN_SWISH: InstanceSettings = { d: 30, n: 6000, norm: 1.5, link: 'swish', noise: 'gaussian', sigma: 0.3, eps: 0, adversary: 'none', seed: 1 };
const CLEAN_BOUND = 0.08;

const median = (v: number[]): number => { const s = [...v].sort((a, b) => a - b); return s[(s.length - 1) >> 1] * 0.5 + s[s.length >> 1] * 0.5; };
const fmt = (v: number): string => v.toFixed(3);

export function runDemo(outDir: string): ClaimResult[] {
  const started = performance.now();
  const rows: string[][] = [];
  let worstRobust = 0;
  let broken = 0;
  for (const adversary of ADVERSARY_NAMES) {
    const robust: number[] = [], plain: number[] = [];
    for (const seed of SEEDS) {
      const inst = generateInstance({ ...BASE, adversary, seed });
      robust.push(distance(fit(inst.sample, { link: BASE.link, eps: BASE.eps, seed, method: 'robust' }).w, inst.wstar));
      plain.push(distance(fit(inst.sample, { link: BASE.link, eps: BASE.eps, seed, method: 'plain' }).w, inst.wstar));
    }
    worstRobust = Math.max(worstRobust, ...robust);
    if (median(plain) > PLAIN_BREAK) broken++;
    rows.push([adversary, fmt(median(robust)), fmt(Math.max(...robust)), fmt(median(plain)), fmt(Math.max(...plain)), median(plain) > PLAIN_BREAK ? 'yes' : 'no']);
  }
  // the commentary is computed from the table, so it cannot go stale
  const robustMedians = new Map(rows.map((r) => [r[0], Number(r[1])]));
  const others = [...robustMedians].filter(([a]) => a !== 'covariance-shift').map(([, v]) => v).sort((a, b) => a - b);
  const typical = others[(others.length - 1) >> 1];
  const shift = robustMedians.get('covariance-shift') ?? NaN;
  const plainShift = Number(rows.find((r) => r[0] === 'covariance-shift')?.[3]);
  const reading = [
    `Reading the table: against every adversary but one the robust error stays at the statistical level (median ${typical.toFixed(3)}).`,
    `Under \`covariance-shift\` it is ${(shift / typical).toFixed(1)} times that (${shift.toFixed(3)}; plain least squares: ${plainShift.toFixed(3)}):`,
    'that attack plants a gradient shift of about sigma*sqrt(eps) within the spread a filter must accept from inliers, the',
    'construction that makes O(sigma sqrt(eps)) tight, so no filter can remove all of it.',
  ].join('\n');
  const swish = generateInstance(CLEAN_SWISH);
  const swishErr = distance(fit(swish.sample, { link: 'swish', eps: 0, seed: 1, method: 'robust' }).w, swish.wstar);
  const claims: ClaimResult[] = [
    { id: 'robust-every-adversary', statement: `robust error <= ${ROBUST_BOUND} under every adversary (worst seed)`, measured: worstRobust, bound: ROBUST_BOUND, margin: worstRobust / ROBUST_BOUND, verdict: worstRobust <= ROBUST_BOUND ? 'holds' : 'does not hold' },
    { id: 'plain-breaks', statement: `plain error > ${PLAIN_BREAK} (median over seeds) under at least 3 adversaries`, measured: broken, bound: 3, margin: broken / 3, verdict: broken >= 3 ? 'holds' : 'does not hold' },
    { id: 'clean-swish', statement: `eps = 0, swish, |w*| = 1.5: robust error < ${CLEAN_BOUND}`, measured: swishErr, bound: CLEAN_BOUND, margin: swishErr / CLEAN_BOUND, verdict: swishErr < CLEAN_BOUND ? 'holds' : 'does not hold' },
  ];
  const body = [
    '# Demo: the adversary catalogue against the robust solver and plain least squares',
    '',
    'Source: the foundation issue\'s acceptance setting, built on seed 000 (`../shared/seeds/000_…`): robust spectral',
    'initialization then robust gradient descent (spectral filter on per-sample gradients) against plain spectral',
    'initialization then least-squares gradient descent. Error is `|w_hat - w*|`.',
    '',
    '## Settings',
    '',
    `- d = ${BASE.d}, n = ${BASE.n}, link ${BASE.link}, |w*| = ${BASE.norm}, noise ${BASE.noise}, sigma = ${BASE.sigma}, eps = ${BASE.eps}`,
    `- seeds ${SEEDS.join(', ')} (instance seed = fit seed); methods \`robust\` and \`plain\` with eps = ${BASE.eps}`,
    `- clean case: d = ${CLEAN_SWISH.d}, n = ${CLEAN_SWISH.n}, swish, |w*| = ${CLEAN_SWISH.norm}, gaussian noise, sigma = ${CLEAN_SWISH.sigma}, eps = 0, seed 1`,
    '- replay one cell: `npx sim-audit simulate --d 40 --n 10000 --link gelu --noise student-t:3 --sigma 0.5 --eps 0.05 --adversary leverage --norm 1 --seed 1 --out /tmp/s && npx sim-audit fit --data /tmp/s/data.csv --link gelu --eps 0.05 --method plain --json`',
    '',
    '## Errors',
    '',
    markdownTable(['adversary', 'robust (median)', 'robust (worst)', 'plain (median)', 'plain (worst)', 'plain broken (> 0.5)'], rows),
    '',
    `Clean swish: robust error ${swishErr.toFixed(4)}.`,
    '',
    reading,
    '',
    '## Verdicts',
    '',
    ...claims.map((c) => `- ${c.statement}: measured ${Number.isInteger(c.measured) ? c.measured : c.measured.toFixed(4)}, margin ${c.margin.toFixed(3)}. Verdict: ${c.verdict}`),
  ].join('\n');
  writeReport(outDir, body, { name: 'demo', source: 'foundation issue; ../shared/seeds/000_4b659a1b40d3d3e0.txt', settings: { ...BASE, seeds: SEEDS, clean: CLEAN_SWISH }, claims, run: { seconds: (performance.now() - started) / 1000, machine: machineLine() } });
  return claims;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports');
  const claims = runDemo(out);
  for (const c of claims) console.log(`${c.id}: ${c.verdict} (margin ${c.margin.toFixed(3)})`);
  console.log(`wrote ${join(out, 'demo.md')} and demo.json`);
}
