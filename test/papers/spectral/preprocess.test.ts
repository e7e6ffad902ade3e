import { describe, expect, it } from 'vitest';
import { labelLaw, overlapLimit } from '../../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../../src/papers/spectral/preprocess.js';

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
});
