import { fmt } from '../io/formatNumber.js';
import type { ClaimResult } from './writeReport.js';

export { fmt };

/**
 * A claim "measured <= bound": holds when it is; margin = measured / bound (below 1 holds).
 * A non-finite measurement never holds.
 */
export function upperClaim(id: string, statement: string, measured: number, bound: number): ClaimResult {
  const holds = Number.isFinite(measured) && measured <= bound;
  return { id, statement, measured, bound, margin: measured / bound, verdict: holds ? 'holds' : 'does not hold' };
}

/** A claim "measured >= bound": margin = bound / measured (below 1 holds). */
export function lowerClaim(id: string, statement: string, measured: number, bound: number): ClaimResult {
  const holds = Number.isFinite(measured) && measured >= bound;
  return { id, statement, measured, bound, margin: bound / measured, verdict: holds ? 'holds' : 'does not hold' };
}

/** The verdict line of a claim, as every report prints it. */
export function verdictLine(c: ClaimResult): string {
  return `- **${c.id}**: ${c.statement}. Measured ${fmt(c.measured)}, bound ${fmt(c.bound)}, margin ${fmt(c.margin, 3)}. Verdict: ${c.verdict}`;
}
