import { describe, expect, it } from 'vitest';
import { corruptedCase } from './corruptedCase.js';

describe('sign-flip', () => {
  it('relabels eps n rows by the reflection phi(-<w*, x>) plus the row own noise', () => {
    const { inst, phi, dot, untouched } = corruptedCase('sign-flip');
    expect(inst.corrupted.length).toBe(40);
    for (const i of inst.corrupted) {
      const z = dot(inst.clean.x, i, inst.wstar);
      expect(inst.sample.y[i]).toBeCloseTo(phi(-z) + (inst.clean.y[i] - phi(z)), 12);
    }
    expect(untouched()).toBe(true);
  });
  it('negates the label on an even link, where reflection changes nothing', () => {
    const { inst } = corruptedCase('sign-flip', 'abs');
    for (const i of inst.corrupted) expect(inst.sample.y[i]).toBe(-inst.clean.y[i]);
  });
});
