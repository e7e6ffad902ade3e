import { describe, expect, it } from 'vitest';
import { cloneSample, markValidated, validateSample, requireRows } from '../../src/model/sample.js';

const sample = () => ({ n: 3, d: 1, x: Float64Array.of(1, 2, 3), y: Float64Array.of(1, 2, 3) });

describe('validateSample', () => {
  it('names the problem: shapes, too few rows, a non-finite value with its row and column', () => {
    expect(() => validateSample({ ...sample(), x: Float64Array.of(1, 2) })).toThrow(/x has 2 entries, expected n\*d = 3/);
    expect(() => validateSample({ n: 1, d: 1, x: Float64Array.of(1), y: Float64Array.of(1) })).toThrow(/too few rows/);
    expect(() => validateSample({ ...sample(), x: Float64Array.of(1, NaN, 3) })).toThrow(/covariate at row 2, column 1 is NaN/);
    expect(() => validateSample({ ...sample(), y: Float64Array.of(1, 2, Infinity) })).toThrow(/y at row 3 is Infinity/);
  });

  it('checks a sample once: one checked (or marked by a reader that checked it as it parsed) is not scanned again', () => {
    const s = sample();
    validateSample(s);
    s.x[0] = NaN; // a change after the check is not seen: samples are treated as immutable
    expect(() => validateSample(s)).not.toThrow();
    expect(() => validateSample(cloneSample(s))).toThrow(/NaN/); // a new object is checked afresh
    const marked = markValidated({ ...sample(), y: Float64Array.of(1, 2, NaN) });
    expect(() => validateSample(marked)).not.toThrow();
    const few = { n: 1, d: 1, x: Float64Array.of(1), y: Float64Array.of(1) };
    validateSample(few, { minRowsOverD: false }); // checked without the row count: not remembered
    expect(() => validateSample(few)).toThrow(/too few rows/);
    // the one row-count check of every input path, naming the file when there is one
    expect(() => requireRows(3, 3, 'a.csv')).toThrow('a.csv: too few rows: n = 3 but at least d + 1 = 4 are needed');
    expect(() => requireRows(4, 3)).not.toThrow();
  });
});
