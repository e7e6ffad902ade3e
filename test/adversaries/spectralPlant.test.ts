import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';

describe('adversary catalogue', () => {
  it("spectral-plant keeps the planted rows' norms typical (about sqrt(d)) and orthogonal to w*", () => {
    const d = 50;
    const inst = generateInstance({
      d,
      n: 2000,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.3,
      eps: 0.05,
      adversary: 'spectral-plant',
      seed: 9,
    });
    for (const i of inst.corrupted) {
      let r2 = 0,
        p = 0;
      for (let j = 0; j < d; j++) {
        r2 += inst.sample.x[i * d + j] ** 2;
        p += inst.sample.x[i * d + j] * inst.wstar[j];
      }
      expect(Math.sqrt(r2) / Math.sqrt(d)).toBeGreaterThan(0.7);
      expect(Math.sqrt(r2) / Math.sqrt(d)).toBeLessThan(1.3);
      expect(Math.abs(p)).toBeLessThan(1e-9);
    }
  });
});
