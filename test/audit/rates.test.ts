import { describe, expect, it } from 'vitest';
import { epsContrast, experimentSeeds, normalizedExcess, parseExponents, PAPER_EXPONENTS, slopeTest } from '../../src/audit/rates.js';
import { rateDesign } from '../../src/audit/battery.js';
import { RATES } from '../../src/audit/bounds.js';

const GRID = RATES.eps.grid;

describe('the claim as input', () => {
  it('parses exponents, any subset, the rest from the paper; refuses what is no claim', () => {
    expect(parseExponents('')).toEqual(PAPER_EXPONENTS);
    expect(parseExponents('eps=1, d=0.5')).toEqual({ eps: 1, sigma: 1, n: -0.5, d: 0.5 });
    expect(() => parseExponents('eps=0')).toThrow(/eps exponent must be > 0/);
    expect(() => parseExponents('n=0.1')).toThrow(/n exponent must be < 0/);
    expect(() => parseExponents('rho=2')).toThrow(/NAME=NUMBER/);
    expect(() => parseExponents('sigma=abc')).toThrow(/finite number/);
  });

  it("splits the 1% false-alarm budget over the claim's runs (four rates, the breakdown count): 0.2% per run quick, a third of that deep", () => {
    expect(rateDesign({ name: 'quick', scale: 1, seed: 1 }).alpha).toBeCloseTo(0.002, 15);
    expect(rateDesign({ name: 'deep', scale: 20, seed: 1 }).alpha).toBeCloseTo(0.002 / 3, 15);
    expect(experimentSeeds(5, 4)).toEqual(experimentSeeds(5, 4));
    expect(new Set(experimentSeeds(5, 8)).size).toBe(8);
  });
});

describe('eps-rate statistic', () => {
  // error = floor + C sigma eps^p + seed noise; R = excess / (sigma sqrt(eps))
  const synth = (p: number, noise: number, seeds = 8): number[][] => {
    const sigma = 0.1,
      clean = Array.from({ length: seeds }, (_, k) => 0.01 + 0.001 * k);
    const errors = clean.map((c, k) => GRID.map((eps, j) => c + sigma * eps ** p + noise * Math.sin(7 * k + 3 * j)));
    return normalizedExcess(GRID, clean, errors, sigma, 0.5);
  };
  it('passes sqrt(eps) and faster, and an excess lost in noise', () => {
    expect(epsContrast(GRID, synth(0.5, 0.0005), 0.002).statistic).toBeLessThan(0); // flat R: D = R - 1.35 R < 0
    expect(epsContrast(GRID, synth(1, 0.0005), 0.002).statistic).toBeLessThan(0);
    const lost = epsContrast(GRID, synth(8, 0.002), 0.002);
    expect(lost.statistic).toBeLessThan(lost.critical);
  });
  it('fails eps^(1/4) and an eps-free bias', () => {
    const quarter = epsContrast(GRID, synth(0.25, 0.0005), 0.002);
    expect(quarter.statistic).toBeGreaterThan(quarter.critical);
    const bias = epsContrast(GRID, synth(0, 0.0005), 0.002);
    expect(bias.statistic).toBeGreaterThan(bias.critical);
  });
});

describe('slope tests', () => {
  const xs = [1, 2, 4, 8, 16];
  const rows = (b: number) =>
    Array.from({ length: 8 }, (_, k) => xs.map((x, j) => (1 + 0.01 * k) * x ** b * Math.exp(0.02 * Math.sin(5 * k + j))));
  it("'below': fails a slope well under the limit, passes one at or above it", () => {
    expect(slopeTest(xs, rows(1), 'below', 0.9, 0.002).statistic).toBeLessThan(0);
    const t = slopeTest(xs, rows(0.5), 'below', 0.9, 0.002);
    expect(t.slope).toBeCloseTo(0.5, 1);
    expect(t.statistic).toBeGreaterThan(t.critical);
  });
  it("a diverging seed counts one unit beyond the limit (winsorized), so it cannot hide the others' violation", () => {
    const flat = rows(0);
    const diverging = [...flat.slice(1), xs.map((x) => 0.1 * x ** -12)]; // one seed's error explodes as x falls
    const t = slopeTest(xs, diverging, 'below', 0.9, 0.0025);
    expect(t.statistic).toBeGreaterThan(t.critical);
    expect(t.slope).toBeGreaterThanOrEqual(-0.1 - 1e-12); // no seed below limit - 1
    // a correct rate is untouched: no seed near the clip
    expect(slopeTest(xs, rows(1), 'below', 0.9, 0.0025).slope).toBeCloseTo(1, 1);
  });
  it("'above': fails a slope well over the limit", () => {
    expect(slopeTest(xs, rows(0), 'above', 0.1, 0.002).statistic).toBeLessThan(0);
    const t = slopeTest(xs, rows(0.5), 'above', 0.1, 0.002);
    expect(t.statistic).toBeGreaterThan(t.critical);
  });
});
