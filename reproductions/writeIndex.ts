import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextAtomic } from '../src/io/atomicWrite.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { fmt } from '../src/report/claim.js';
import type { ReportJson } from '../src/report/writeReport.js';
import type { Reproduction } from './framework.js';
import { ARITHMETIC_CHANGES } from './arithmeticChanges.js';
import { isAncestor } from '../src/report/provenance.js';

/** The other scale's reports, for the index of a paper-scale run. */
export interface ScaleComparison {
  /** The quick reports' folder. */
  readonly dir: string;
  /** How the index links to it (relative to the index). */
  readonly link: string;
  /** Why a claim's verdict differs between the scales, by claim id (SCALE_NOTES). */
  readonly notes: Readonly<Record<string, string>>;
}

function readReport(dir: string, r: Reproduction): ReportJson | undefined {
  const file = join(dir, `${r.name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReportJson) : undefined;
}

/**
 * Rewrite reports/README.md: every reproduction with each claim's verdict and margin, read
 * from the JSON twins on disk (so running one reproduction keeps the others' lines). No
 * timings: the index changes only when a verdict or margin does. With `compare` (the index of
 * a paper-scale run), a section lists the claims whose verdict differs from the quick
 * reports', each with why (or "not explained yet", so a new difference shows).
 */
export function writeIndex(
  out: string,
  reproductions: readonly Reproduction[],
  compare?: ScaleComparison,
): { holds: number; doesNotHold: number } {
  const rows: string[][] = [];
  let holds = 0,
    doesNotHold = 0;
  for (const r of reproductions) {
    const json = readReport(out, r);
    if (!json) {
      rows.push([r.id, r.title, '(not run yet)', '', '']);
      continue;
    }
    for (const c of json.claims) {
      if (c.verdict === 'holds') holds++;
      else doesNotHold++;
    }
    for (const [k, c] of json.claims.entries())
      rows.push([k === 0 ? `[${r.id}](${r.name}.md)` : '', k === 0 ? r.title : '', c.id, c.verdict, fmt(c.margin, 3)]);
  }
  const text = [
    '# Reports',
    '',
    'Written by `npm run reproduce` (quick scale, into reports/; `npm run reproduce -- --full` for paper scale, into reports/full/; `npm run reproduce -- r3` for one).',
    'Each report has a JSON twin (`<name>.json`: name, source, settings, claims with measured, bound, margin and verdict, run) and SVG figures beside it.',
    'Margin: measured / bound for upper bounds, bound / measured for lower bounds; below 1 the claim holds.',
    '',
    markdownTable(['report', 'title', 'claim', 'verdict', 'margin'], rows),
    '',
    ...(compare ? scaleSection(out, reproductions, compare) : []),
    ...(compare ? provenanceSection(out, reproductions) : []),
  ].join('\n');
  writeTextAtomic(join(out, 'README.md'), text);
  return { holds, doesNotHold };
}

/** The index's comparison of this (paper-scale) run with the quick reports. */
function scaleSection(out: string, reproductions: readonly Reproduction[], compare: ScaleComparison): string[] {
  const differ: string[][] = [];
  const only: string[] = [];
  let same = 0;
  for (const r of reproductions) {
    const full = readReport(out, r);
    const quick = readReport(compare.dir, r);
    if (!full || !quick) continue;
    for (const c of full.claims) {
      const q = quick.claims.find((x) => x.id === c.id);
      if (!q) only.push(c.id);
      else if (q.verdict === c.verdict) same++;
      else
        differ.push([
          c.id,
          `${q.verdict} (${fmt(q.margin, 3)})`,
          `${c.verdict} (${fmt(c.margin, 3)})`,
          compare.notes[c.id] ?? 'not explained yet',
        ]);
    }
  }
  return [
    '## Against the quick scale',
    '',
    `The quick reports' index: [${compare.link}README.md](${compare.link}README.md). Of the claims both scales ran, ${same} have the same verdict at both and ${differ.length} differ${differ.length ? ':' : '.'}`,
    '',
    ...(differ.length ? [markdownTable(['claim', 'quick (margin)', 'paper scale (margin)', 'why'], differ), ''] : []),
    ...(only.length ? [`Only at paper scale: ${only.join(', ')}.`, ''] : []),
  ];
}

/**
 * Whether report `name`, written by `commit`, predates a change that moved its numbers
 * (ARITHMETIC_CHANGES): 'current', 'stale' with the changes it lacks, or 'unknown' where git
 * cannot tell (no commit recorded, no checkout).
 */
export function staleness(
  name: string,
  commit: string | undefined,
  changes: typeof ARITHMETIC_CHANGES = ARITHMETIC_CHANGES,
  ancestor: (a: string, b: string) => boolean | undefined = isAncestor,
): { readonly status: 'current' | 'stale' | 'unknown'; readonly missing: readonly string[] } {
  const relevant = changes.filter((c) => c.reports.includes(name));
  if (relevant.length === 0) return { status: 'current', missing: [] };
  if (!commit) return { status: 'unknown', missing: [] };
  const missing: string[] = [];
  for (const c of relevant) {
    const inIt = ancestor(c.commit, commit);
    if (inIt === undefined) return { status: 'unknown', missing: [] };
    if (!inIt) missing.push(`${c.commit} (${c.what})`);
  }
  return { status: missing.length ? 'stale' : 'current', missing };
}

/** The paper-scale index's list of which code wrote each report, and which are stale. */
function provenanceSection(out: string, reproductions: readonly Reproduction[]): string[] {
  const rows: string[][] = [];
  let stale = 0;
  for (const r of reproductions) {
    const json = readReport(out, r);
    if (!json) continue;
    const s = staleness(r.name, json.run.commit);
    if (s.status === 'stale') stale++;
    rows.push([
      r.id,
      json.run.commit ?? 'not recorded',
      json.run.machine,
      s.status === 'stale'
        ? `stale: before ${s.missing.join('; ')}`
        : s.status === 'current'
          ? 'current'
          : 'unknown (no commit recorded, or git cannot tell)',
    ]);
  }
  return [
    '## Which code wrote each report',
    '',
    `A report is stale when a change that moved its numbers (reproductions/arithmeticChanges.ts) came after the commit that wrote it: its figures would change if it were run again (\`npm run reproduce -- NAME --full\`, one at a time; \`--index\` rewrites this page). ${stale} of ${rows.length} are stale. Reports written before commits were recorded carry the parent of the commit that added them.`,
    '',
    markdownTable(['report', 'commit', 'machine', 'status'], rows),
    '',
  ];
}
