import { describe, expect, it } from 'vitest';
import { strongestByMedian } from '../../src/adversaries/strongestByMedian.js';
import { ADVERSARY_NAMES } from '../../src/adversaries/index.js';

describe('strongestByMedian', () => {
  it('picks the largest median, ties to the first in catalogue order', () => {
    const scores = ADVERSARY_NAMES.map(() => [1, 2, 3]);
    expect(strongestByMedian(scores).adversary).toBe(ADVERSARY_NAMES[0]);
    scores[3] = [0, 5, 100]; // median 5
    scores[5] = [5, 5, 0]; // median 5 too, later in the catalogue
    const r = strongestByMedian(scores);
    expect(r.adversary).toBe(ADVERSARY_NAMES[3]);
    expect(r.medians[ADVERSARY_NAMES[3]]).toBe(5);
    expect(r.medians[ADVERSARY_NAMES[0]]).toBe(2);
  });
  it('the median, not the mean: one wild seed does not win', () => {
    const scores = ADVERSARY_NAMES.map(() => [1, 1, 1]);
    scores[1] = [0, 0, 1e9];
    scores[2] = [2, 2, 2];
    expect(strongestByMedian(scores).adversary).toBe(ADVERSARY_NAMES[2]);
  });
  it('one score list per adversary', () => {
    expect(() => strongestByMedian([[1]])).toThrow(/score lists/);
  });
});
