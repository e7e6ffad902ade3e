import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextAtomic } from '../src/io/atomicWrite.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { fmt } from '../src/report/claim.js';
import type { ReportJson } from '../src/report/writeReport.js';
import type { Reproduction } from './framework.js';

/**
 * Rewrite reports/README.md: every reproduction with each claim's verdict and margin, read
 * from the JSON twins on disk (so running one reproduction keeps the others' lines). No
 * timings: the index changes only when a verdict or margin does.
 */
export function writeIndex(out: string, reproductions: readonly Reproduction[]): { holds: number; doesNotHold: number } {
  const rows: string[][] = [];
  let holds = 0,
    doesNotHold = 0;
  for (const r of reproductions) {
    const file = join(out, `${r.name}.json`);
    if (!existsSync(file)) {
      rows.push([r.id, r.title, '(not run yet)', '', '']);
      continue;
    }
    const json = JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
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
    'Written by `npm run reproduce` (quick scale; `npm run reproduce -- --full` for paper scale, `npm run reproduce -- r3` for one).',
    'Each report has a JSON twin (`<name>.json`: name, source, settings, claims with measured, bound, margin and verdict, run) and SVG figures beside it.',
    'Margin: measured / bound for upper bounds, bound / measured for lower bounds; below 1 the claim holds.',
    '',
    markdownTable(['report', 'title', 'claim', 'verdict', 'margin'], rows),
    '',
  ].join('\n');
  writeTextAtomic(join(out, 'README.md'), text);
  return { holds, doesNotHold };
}
