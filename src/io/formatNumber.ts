/** Significant digits for report tables: enough to see a drift, few enough to read. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? Number(v.toPrecision(digits)).toString() : v.toExponential(digits - 1);
}
