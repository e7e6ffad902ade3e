import { describe, expect, it } from 'vitest';
import { noiseSampler, parseNoise, noiseToString } from '../../src/model/noise.js';
import { namedStream } from '../../src/rng/streams.js';

function moments(text: string, sigma: number, n: number, seed = 7): { mean: number; variance: number } {
  const draw = noiseSampler(parseNoise(text), sigma, namedStream(seed, 'noise'));
  let s = 0,
    s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v;
    s2 += v * v;
  }
  return { mean: s / n, variance: s2 / n - (s / n) ** 2 };
}

describe('noise families', () => {
  // Light tails (finite fourth moment): the sample variance of 4e5 draws is within a few
  // percent; 3% is about 5 standard errors for the laplace (kurtosis 6).
  it.each(['gaussian', 'laplace', 'student-t:8', 'pareto:6'])('%s has variance sigma^2', (text) => {
    const { mean, variance } = moments(text, 0.7, 400_000);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance / 0.49).toBeGreaterThan(0.97);
    expect(variance / 0.49).toBeLessThan(1.03);
  });

  // Heavy tails (nu = 3, alpha = 3: infinite fourth moment) make the sample variance converge
  // slowly, so check the scale through a quantile instead: X = sigma sqrt(1/3) T3 has
  // variance sigma^2, and P(|X| <= sigma sqrt(1/3) q) = 0.5 for q = 0.76489, T3's
  // 0.75-quantile. 2e5 draws put the fraction within 0.5 +- 0.005 (4.5 standard errors).
  it('student-t:3 has the scale that makes its variance sigma^2', () => {
    const draw = noiseSampler(parseNoise('student-t:3'), 2, namedStream(3, 'noise'));
    const n = 200_000;
    let inside = 0;
    for (let i = 0; i < n; i++) if (Math.abs(draw()) <= 2 * Math.sqrt(1 / 3) * 0.7648923284) inside++;
    expect(inside / n).toBeGreaterThan(0.495);
    expect(inside / n).toBeLessThan(0.505);
  });

  it('pareto:3 has the scale that makes its variance sigma^2', () => {
    // |X| = m U^(-1/3) with m = sigma sqrt(1/3): median |X| = m 2^(1/3)
    const draw = noiseSampler(parseNoise('pareto:3'), 1.5, namedStream(4, 'noise'));
    const n = 200_000;
    const m = 1.5 * Math.sqrt(1 / 3);
    let inside = 0;
    for (let i = 0; i < n; i++) if (Math.abs(draw()) <= m * 2 ** (1 / 3)) inside++;
    expect(inside / n).toBeGreaterThan(0.495);
    expect(inside / n).toBeLessThan(0.505);
  });

  it('sigma = 0 gives exact zeros', () => {
    const draw = noiseSampler(parseNoise('student-t'), 0, namedStream(1, 'noise'));
    for (let i = 0; i < 100; i++) expect(draw() === 0).toBe(true); // +0 or -0
  });

  it('parses names and shapes, and names the problem otherwise', () => {
    expect(parseNoise('student-t')).toEqual({ family: 'student-t', shape: 3 });
    expect(parseNoise('student-t:2.5')).toEqual({ family: 'student-t', shape: 2.5 });
    expect(noiseToString(parseNoise('pareto'))).toBe('pareto:3');
    expect(noiseToString(parseNoise('gaussian'))).toBe('gaussian');
    expect(() => parseNoise('cauchy')).toThrow(/unknown noise "cauchy"/);
    expect(() => parseNoise('student-t:2')).toThrow(/> 2/);
    expect(() => parseNoise('student-t:abc')).toThrow(/> 2/);
    expect(() => parseNoise('gaussian:3')).toThrow(/takes no parameter/);
    expect(() => noiseSampler(parseNoise('gaussian'), NaN, namedStream(1, 'n'))).toThrow(/sigma/);
  });
});
