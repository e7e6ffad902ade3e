import { describe, expect, it } from 'vitest';
import { planeExpectation } from '../../../src/papers/glm/planeExpectation.js';
import { normalCdf } from '../../../src/model/links.js';

describe('seed 001 building blocks', () => {
  it('plane integrals are exact for moments and across jumps', () => {
    expect(planeExpectation((a, b) => a * a + b * b, [])).toBeCloseTo(2, 10);
    expect(planeExpectation((a, b) => (a + b > 1 ? 1 : 0), [{ c1: 1, c2: 1, t: 1 }])).toBeCloseTo(1 - normalCdf(1 / Math.SQRT2), 8);
  });
});
