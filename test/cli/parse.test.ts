import { describe, expect, it } from 'vitest';
import { parseEps, parseInteger, parseNumber } from '../../src/cli/parse.js';
import { InputError } from '../../src/errors.js';

describe('option parsing', () => {
  it('numbers: finite only, named by their flag', () => {
    expect(parseNumber('--sigma')(' 0.5 ')).toBe(0.5);
    for (const bad of ['', 'x', 'NaN', 'Infinity']) expect(() => parseNumber('--sigma')(bad)).toThrow(InputError);
    expect(() => parseNumber('--sigma')('x')).toThrow('--sigma must be a finite number, got "x"');
  });
  it('integers: safe and at least the minimum', () => {
    expect(parseInteger('--d', 1)('12')).toBe(12);
    expect(() => parseInteger('--d', 1)('1.5')).toThrow('--d must be an integer, got "1.5"');
    expect(() => parseInteger('--d', 1)('0')).toThrow('--d must be at least 1, got 0');
  });
  it('eps in [0, 0.5)', () => {
    expect(parseEps('0.1')).toBe(0.1);
    expect(() => parseEps('0.5')).toThrow('--eps must be in [0, 0.5), got 0.5');
  });
});
