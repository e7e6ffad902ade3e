import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/io/formatNumber.js';
import { fmt as reexported, lowerClaim, upperClaim, verdictLine } from '../../src/report/claim.js';

describe('claims', () => {
  it('upper bounds hold below the bound, margin measured / bound', () => {
    expect(upperClaim('a', 's', 0.5, 2)).toMatchObject({ verdict: 'holds', margin: 0.25 });
    expect(upperClaim('a', 's', 3, 2)).toMatchObject({ verdict: 'does not hold', margin: 1.5 });
    expect(upperClaim('a', 's', Number.NaN, 2).verdict).toBe('does not hold');
  });
  it('lower bounds hold above the bound, margin bound / measured', () => {
    expect(lowerClaim('a', 's', 4, 2)).toMatchObject({ verdict: 'holds', margin: 0.5 });
    expect(lowerClaim('a', 's', 1, 2)).toMatchObject({ verdict: 'does not hold', margin: 2 });
  });
  it('prints a verdict line with measured, bound and margin', () => {
    expect(verdictLine(upperClaim('R0', 'x <= 1', 0.25, 1))).toBe('- **R0**: x <= 1. Measured 0.25, bound 1, margin 0.25. Verdict: holds');
  });
  it('formats to significant digits, exponent outside [1e-3, 1e5)', () => {
    expect(fmt(0.123456)).toBe('0.1235');
    expect(fmt(123456)).toBe('1.235e+5');
    expect(fmt(0)).toBe('0');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(fmt(0.1, 3)).toBe('0.1'); // no trailing zeros: a rate's grid prints 0.1, not 0.100
    expect(reexported).toBe(fmt); // one formatter, re-exported where reports import it
  });
});
