import type { PropertyOutcome } from './runBattery.js';
import { junitXml, type JUnitCase } from '../report/junit.js';

/** What an audit's JUnit report needs beside the property outcomes. */
export interface AuditJunitContext {
  /** The estimator as named on the command line (a method, a module path, or a command). */
  readonly estimator: string;
  readonly isCommand: boolean;
  readonly profile: 'quick' | 'deep';
  /** The audit's seed (--seed): the same seed replays the same audit. */
  readonly seed: number;
  /** Properties left out by --skip. */
  readonly skipped: readonly string[];
  /** Whether the calibrated bound (P1) counts in the verdict (--constants). */
  readonly countCalibrated: boolean;
  /** Other flags the audit was given (--links, --rates, --constants), to repeat in the replay. */
  readonly flags: readonly string[];
}

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** The command that runs the same audit again (the same seed draws the same cases). */
export function replayCommand(c: AuditJunitContext): string {
  const who = c.isCommand ? `--estimator-cmd ${quote(c.estimator)}` : `--estimator ${quote(c.estimator)}`;
  return ['npx sim-audit audit', who, `--profile ${c.profile}`, `--seed ${c.seed}`, ...c.flags].join(' ');
}

/**
 * `audit --junit FILE`: one test case per property, filed by its kind (claim, hygiene,
 * calibrated). A property in the verdict that does not hold is a failure carrying its
 * counterexample, measured value and bound, and the commands that replay it; a property left
 * out (--skip) is skipped with that reason, and so is a calibrated one that fails outside the
 * verdict (it is reported, not counted, unless --constants).
 */
export function auditJunit(outcomes: readonly PropertyOutcome[], c: AuditJunitContext): string {
  const replay = replayCommand(c);
  const cases: JUnitCase[] = outcomes.map((o) => {
    const base = { classname: `sim-audit.audit.${o.kind}`, name: o.id, seconds: o.seconds };
    const counted = o.kind !== 'calibrated' || c.countCalibrated;
    const measured = `${o.statement}\n${o.runs} runs, largest measured / bound ${o.maxMargin}${o.detail ? `\n${o.detail}` : ''}`;
    if (o.holds) return { ...base, output: measured };
    const details = [
      o.statement,
      `counterexample: ${JSON.stringify(o.counterexample)}`,
      `measured ${o.measured} > bound ${o.bound}${o.error ? ` (error: ${o.error})` : ''}`,
      ...(o.detail ? [o.detail] : []),
      `replay the audit: ${replay}`,
      `replay this property alone: fast-check seed ${o.seed}, path "${o.path}" (fc.assert(property, { seed, path }))`,
    ].join('\n');
    if (!counted)
      return { ...base, skipped: 'does not hold, outside the verdict: a calibrated bound (--constants counts it)', output: details };
    return { ...base, failure: { message: `${o.id}: measured ${o.measured} > bound ${o.bound}`, details } };
  });
  for (const id of c.skipped) cases.push({ classname: 'sim-audit.audit', name: id, seconds: 0, skipped: 'left out by --skip' });
  return junitXml(`sim-audit audit ${c.estimator}`, cases);
}
