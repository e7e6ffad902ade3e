import { describe, expect, it } from 'vitest';
import { LABEL_SHIFT_FACTOR } from '../../src/adversaries/labelShift.js';
import { madScale } from '../../src/robust/madScale.js';
import { corruptedCase } from './corruptedCase.js';

describe('label-shift', () => {
  it('sets eps n labels to one constant LABEL_SHIFT_FACTOR robust label scales above the largest clean label', () => {
    const { inst, untouched } = corruptedCase('label-shift');
    expect(inst.corrupted.length).toBe(40);
    const level = Math.max(...inst.clean.y.map(Math.abs)) + LABEL_SHIFT_FACTOR * madScale(inst.clean.y);
    for (const i of inst.corrupted) expect(inst.sample.y[i]).toBe(level);
    expect(untouched()).toBe(true);
  });
});
