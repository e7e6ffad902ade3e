import { toJson } from '../io/toJson.js';
import { verdictLine } from './claim.js';
import type { ClaimResult } from './writeReport.js';

/** The text of a report, in the order it is printed: one form for the reproductions and the
 *  benchmark (the audit's report is the audit's outcome, src/audit/auditReport.ts). */
export interface ReportText {
  /** The file stem: reports/<name>.md, figures <name>-<suffix>.svg. */
  readonly name: string;
  readonly title: string;
  /** What is checked, in one sentence or a short paragraph. */
  readonly claim: string;
  readonly source: string;
  /** A warning printed above everything else (a smoke run), if any. */
  readonly banner?: string;
  /** Exact settings and seeds, printed as JSON. */
  readonly settings: unknown;
  /** Markdown sections (tables, readings), each starting with its `## ` heading. */
  readonly sections: readonly string[];
  readonly figures: readonly { readonly suffix: string; readonly caption: string }[];
  readonly claims: readonly ClaimResult[];
  /** Where the run departs from the paper or what the spec did not expect. */
  readonly notes?: readonly string[];
}

/** The markdown body of a report (no timing: the run section is appended by writeReport). */
export function reportBody(t: ReportText): string {
  return [
    `# ${t.title}`,
    '',
    ...(t.banner ? [t.banner, ''] : []),
    `**Claim.** ${t.claim}`,
    '',
    `**Source.** ${t.source}`,
    '',
    '## Settings',
    '',
    '```json',
    toJson(t.settings, 2),
    '```',
    '',
    ...t.sections.flatMap((s) => [s.trimEnd(), '']),
    ...(t.figures.length
      ? ['## Figures', '', ...t.figures.flatMap((f) => [`![${f.caption}](${t.name}-${f.suffix}.svg)`, '', `*${f.caption}*`, ''])]
      : []),
    '## Verdicts',
    '',
    ...t.claims.map(verdictLine),
    '',
    ...(t.notes?.length ? ['## Notes', '', ...t.notes.map((n) => `- ${n}`), ''] : []),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}
