import { describe, expect, it } from 'vitest';
import { labelLaw } from '../../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../../src/papers/spectral/preprocess.js';
import { simulateOverlap } from '../../../src/papers/spectral/simulateOverlap.js';
import { wirtingerFlow } from '../../../src/papers/spectral/wirtingerFlow.js';

describe('seed 003 building blocks', () => {
  it('Wirtinger flow from a good spectral start converges to w* (up to sign)', () => {
    const s = simulateOverlap(labelLaw('phase'), parsePreprocess('optimal'), 6, 100, 3);
    const e = wirtingerFlow(s.n, s.d, s.x, s.y, s.w0, s.wstar, 300);
    expect(e[300]).toBeLessThan(1e-6);
    expect(e[300]).toBeLessThan(e[0]);
  });
});
