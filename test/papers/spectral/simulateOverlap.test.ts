import { describe, expect, it } from 'vitest';
import { labelLaw, overlapLimit } from '../../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../../src/papers/spectral/preprocess.js';
import { simulateOverlap } from '../../../src/papers/spectral/simulateOverlap.js';

describe('seed 003 building blocks', () => {
  it('a noisy label law and its simulation agree with the closed form at large alpha (clip, sigma 0.3)', () => {
    const law = labelLaw('phase', 0.3),
      pre = parsePreprocess('clip:3');
    const th = overlapLimit(law, pre, 6).rho2;
    expect(th).toBeGreaterThan(0.3);
    expect(Math.abs(simulateOverlap(law, pre, 6, 300, 4).overlap - th)).toBeLessThan(0.15);
  });
});
