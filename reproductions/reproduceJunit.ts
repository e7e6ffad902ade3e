import type { Outcome } from './runner.js';
import { junitXml, type JUnitCase } from '../src/report/junit.js';

/**
 * `reproduce --junit FILE`: one test case per claim of each report written (a claim that does
 * not hold is a failure, with its statement, measured value, bound and the command that reruns
 * it), and one failed case per reproduction that failed to run. `full`: the paper-scale run.
 */
export function reproduceJunit(outcomes: readonly Outcome[], full: boolean): string {
  const cases: JUnitCase[] = [];
  for (const x of outcomes) {
    const classname = `sim-audit.reproduce.${x.r.name}`;
    const rerun = `npm run reproduce -- ${x.r.id}${full ? ' --full' : ''}`;
    if (x.kind === 'failed') {
      const message = x.error instanceof Error ? x.error.message : String(x.error);
      cases.push({
        classname,
        name: x.r.id,
        seconds: 0,
        failure: { message: `${x.r.id} failed to run: ${message}`, details: `${message}\nrerun: ${rerun}` },
      });
      continue;
    }
    if (x.kind !== 'report') continue;
    const claims = x.report.claims;
    for (const c of claims) {
      const figures = `measured ${c.measured}, bound ${c.bound}, margin ${c.margin}`;
      const base = { classname, name: c.id, seconds: x.seconds / claims.length };
      const where = `report: reports/${full ? 'full/' : ''}${x.r.name}.md\nrerun: ${rerun}`;
      cases.push(
        c.verdict === 'holds'
          ? { ...base, output: `${c.statement}\n${figures}` }
          : { ...base, failure: { message: `${c.id} does not hold: ${figures}`, details: `${c.statement}\n${figures}\n${where}` } },
      );
    }
  }
  return junitXml(`sim-audit reproduce${full ? ' --full' : ''}`, cases);
}
