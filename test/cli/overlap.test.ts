import { describe, expect, it } from 'vitest';
import { labelLaw, overlapLimit } from '../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../src/papers/spectral/preprocess.js';
import { run } from '../../src/cli/main.js';

describe('seed 003 building blocks', () => {
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
