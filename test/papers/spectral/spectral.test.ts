import { describe, expect, it } from 'vitest';
import { labelLaw, overlapLimit } from '../../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../../src/papers/spectral/preprocess.js';
import { lanczosTop } from '../../../src/eigen/lanczosTop.js';
import { simulateOverlap } from '../../../src/papers/spectral/simulateOverlap.js';
import { wirtingerFlow } from '../../../src/papers/spectral/wirtingerFlow.js';
import { namedStream } from '../../../src/rng/streams.js';
import { run } from '../../../src/cli/main.js';

describe('seed 003 building blocks', () => {
  it('parses the preprocessings and refuses others', () => {
    expect(parsePreprocess('optimal').T(2)).toBe(0.5);
    expect(parsePreprocess('clip:3').T(5)).toBe(3);
    expect(parsePreprocess('trim:3').T(5)).toBe(0);
    expect(parsePreprocess('trim:3').T(2)).toBe(2);
    expect(parsePreprocess('indicator:1').T(2)).toBe(1);
    expect(() => parsePreprocess('clip:')).toThrow(/unknown preprocessing/);
    expect(() => parsePreprocess('trim:-1')).toThrow(/T > 0/);
    expect(() => labelLaw('cubic')).toThrow(/unknown model "cubic"/);
    expect(() => overlapLimit(labelLaw('phase', 0.1), parsePreprocess('optimal'), 2)).toThrow(/noiseless phase retrieval/);
  });
  it('Lanczos finds the top eigenvector of a diagonal operator with a negative tail', () => {
    const diag = Float64Array.from({ length: 50 }, (_, j) => (j === 7 ? 2 : j % 2 ? -1000 : 1));
    const r = lanczosTop(
      50,
      (v, out) => {
        for (let j = 0; j < 50; j++) out[j] = diag[j] * v[j];
      },
      namedStream(1, 'init'),
    );
    expect(r.value).toBeCloseTo(2, 8);
    expect(Math.abs(r.vector[7])).toBeCloseTo(1, 8);
  });
  it('a noisy label law and its simulation agree with the closed form at large alpha (clip, sigma 0.3)', () => {
    const law = labelLaw('phase', 0.3),
      pre = parsePreprocess('clip:3');
    const th = overlapLimit(law, pre, 6).rho2;
    expect(th).toBeGreaterThan(0.3);
    expect(Math.abs(simulateOverlap(law, pre, 6, 300, 4).overlap - th)).toBeLessThan(0.15);
  });
  it('Wirtinger flow from a good spectral start converges to w* (up to sign)', () => {
    const s = simulateOverlap(labelLaw('phase'), parsePreprocess('optimal'), 6, 100, 3);
    const e = wirtingerFlow(s.n, s.d, s.x, s.y, s.w0, s.wstar, 300);
    expect(e[300]).toBeLessThan(1e-6);
    expect(e[300]).toBeLessThan(e[0]);
  });
  it('the overlap verb prints rho2 and threshold as JSON, adds empirical with --simulate, and refuses bad input with exit 2', async () => {
    const out: string[] = [],
      err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
    expect(await run(['overlap', '--model', 'phase', '--preprocess', 'optimal', '--alpha', '2', '--json'], io as never)).toBe(0);
    const j = JSON.parse(out.join(''));
    expect(j.rho2).toBeCloseTo(overlapLimit(labelLaw('phase'), parsePreprocess('optimal'), 2).rho2, 12);
    expect(j.threshold).toBeCloseTo(0.5, 6);
    out.length = 0;
    expect(
      await run(['overlap', '--preprocess', 'clip:3', '--alpha', '3', '--simulate', '--d', '100', '--seed', '2', '--json'], io as never),
    ).toBe(0);
    expect(Object.keys(JSON.parse(out.join('')))).toEqual(['rho2', 'threshold', 'empirical']);
    expect(await run(['overlap', '--preprocess', 'bogus', '--alpha', '2'], io as never)).toBe(2);
    expect(await run(['overlap', '--preprocess', 'optimal', '--alpha', 'NaN'], io as never)).toBe(2);
    expect(err.join('')).toMatch(/unknown preprocessing "bogus"/);
  });
});
