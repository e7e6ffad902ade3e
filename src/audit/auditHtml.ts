import { CLAIM_LINKS } from './arbitraries.js';
import type { PropertyKind } from './battery.js';
import { auditVerdict, fmt, sizeStatement, verdictLine } from './auditReport.js';
import type { Profile } from './profile.js';
import { PAPER_EXPONENTS, type ClaimExponents } from './rates.js';
import type { PropertyOutcome } from './runBattery.js';
import type { LinkName } from '../model/links.js';
import { machineLine } from '../report/writeReport.js';

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}.holds{color:#17692e;font-weight:600}.violated{color:#b3261e;font-weight:700}
.verdict{font-size:1.15em;padding:.6em .8em;border-radius:4px}.verdict.holds{background:#e6f4ea}.verdict.violated{background:#fce8e6}
figure{margin:1.2em 0;border-top:1px solid #eee;padding-top:.8em}figcaption{font-size:.9em;color:#444}code,pre{font-size:.88em;background:#f6f6f6}
pre{padding:.5em;overflow-x:auto;white-space:pre-wrap}`;

const KIND_LABEL: Record<PropertyKind, string> = { claim: 'claim', calibrated: 'calibrated', hygiene: 'hygiene' };

/**
 * One self-contained HTML page of an audit (no script, no external file): the verdict, a table
 * of the properties, each rate experiment's figure (inline SVG, from `figures`: property id ->
 * SVG text), the counterexamples with the command that replays them, and the run's time and
 * machine.
 */
export function auditHtml(
  name: string,
  profile: Profile,
  outcomes: readonly PropertyOutcome[],
  seconds: number,
  figures: ReadonlyMap<string, string>,
  opts: { exponents?: ClaimExponents; skipped?: readonly string[]; links?: readonly LinkName[]; countCalibrated?: boolean } = {},
): string {
  const exponents = opts.exponents ?? PAPER_EXPONENTS;
  const countCalibrated = opts.countCalibrated ?? false;
  const { holds } = auditVerdict(outcomes, countCalibrated);
  const cls = (b: boolean): string => (b ? 'holds' : 'violated');
  const rows = outcomes
    .map(
      (o) =>
        `<tr id="property-${escapeHtml(o.id)}"><td><code>${escapeHtml(o.id)}</code></td><td>${KIND_LABEL[o.kind]}</td>` +
        `<td>${escapeHtml(o.statement)}</td><td class="${cls(o.holds)}">${o.holds ? 'holds' : 'VIOLATED'}</td>` +
        `<td class="num">${o.runs}</td><td class="num">${escapeHtml(fmt(o.maxMargin))}</td><td class="num">${escapeHtml(fmt(o.medianMargin))}</td></tr>`,
    )
    .join('\n');
  const figureBlocks = outcomes
    .filter((o) => o.figure && figures.has(o.id))
    .map(
      (o) =>
        `<figure id="figure-${escapeHtml(o.id)}" data-property="${escapeHtml(o.id)}">\n${figures.get(o.id)}\n` +
        `<figcaption><strong>${escapeHtml(o.id)}</strong> (${o.holds ? 'holds' : 'VIOLATED'}): ${escapeHtml(o.figure?.caption ?? '')}. ${escapeHtml(o.detail ?? '')}</figcaption></figure>`,
    )
    .join('\n');
  const failures = outcomes
    .filter((o) => !o.holds)
    .map(
      (o) =>
        `<h3>${escapeHtml(o.id)}</h3><p>${escapeHtml(o.statement)}</p>` +
        `<p>Measured ${escapeHtml(fmt(o.measured))} against bound ${escapeHtml(fmt(o.bound))}${o.error ? `; error: ${escapeHtml(o.error)}` : ''}.</p>` +
        `<p>Counterexample:</p><pre>${escapeHtml(JSON.stringify(o.counterexample, null, 1) ?? 'none')}</pre>` +
        `<p>Replay: <code>sim-audit audit --estimator ${escapeHtml(name)} --profile ${profile.name} --seed ${o.seed}</code> (fast-check path <code>${escapeHtml(o.path ?? '')}</code>)</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit of ${escapeHtml(name)}: ${holds ? 'passes' : 'fails'}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Audit of <code>${escapeHtml(name)}</code></h1>
<p>Profile ${profile.name}, seed ${profile.seed}. Claim under test: error ~ eps^${exponents.eps}, sigma^${exponents.sigma}, (n/d)^${exponents.n}, d^${exponents.d}. Links: ${escapeHtml((opts.links ?? CLAIM_LINKS).join(', '))}.</p>
<p class="verdict ${cls(holds)}" id="verdict" data-holds="${holds}">The audit ${holds ? 'passes' : 'fails'}. ${escapeHtml(verdictLine(outcomes, countCalibrated))}.</p>
<p>${escapeHtml(sizeStatement(profile, exponents, countCalibrated))}</p>
<h2>Properties</h2>
<p>Margin = measured / bound (above 1 violates; for a rate, the t statistic over its critical value).</p>
<table id="properties">
<thead><tr><th>property</th><th>kind</th><th>statement</th><th>verdict</th><th>runs</th><th>max margin</th><th>median margin</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${opts.skipped?.length ? `<p>Skipped (--skip): ${escapeHtml(opts.skipped.join(', '))}.</p>` : ''}
${figureBlocks ? `<h2>Rate experiments</h2>\n<p>Each figure is the run with the largest margin: the grid's means with two standard errors, the trend the test fitted and the bound it was held to.</p>\n${figureBlocks}` : ''}
${failures ? `<h2>Counterexamples</h2>\n${failures}` : ''}
<h2>Run</h2>
<p>Run time ${seconds.toFixed(1)} s (${escapeHtml(outcomes.map((o) => `${o.id} ${o.seconds.toFixed(1)} s`).join(', '))}). Machine: ${escapeHtml(machineLine())}. The bounds and how each constant was derived or calibrated: <code>src/audit/bounds.ts</code>.</p>
</body>
</html>
`;
}
