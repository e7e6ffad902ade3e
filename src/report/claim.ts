import type { ClaimResult } from './writeReport.js';

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

/** Significant digits for report tables: enough to see a drift, few enough to read. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? Number(v.toPrecision(digits)).toString() : v.toExponential(digits - 1);
}

/** The verdict line of a claim, as every report prints it. */
export function verdictLine(c: ClaimResult): string {
  return `- **${c.id}**: ${c.statement}. Measured ${fmt(c.measured)}, bound ${fmt(c.bound)}, margin ${fmt(c.margin, 3)}. Verdict: ${c.verdict}`;
}
