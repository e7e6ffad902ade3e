import { copyMatrix } from '../kernels/wasmKernels.js';
import { InputError } from '../errors.js';
/**
 * A data set of `n` rows in `R^d`: covariates row-major in `x` (length n*d), responses in `y`.
 * This is the type estimators receive: `fit(data: Sample, options) -> w`.
 */
export interface Sample {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Samples already checked in full (by {@link validateSample}, or by a reader that checked
 *  every value as it parsed and said where): checked once, not again on the way to the fit. */
const VALIDATED = new WeakSet<Sample>();

/** Records that `s` was checked as {@link validateSample} checks it (every value finite,
 *  shapes consistent, n >= d + 1), so the fit does not scan it again. Returns `s`. */
export function markValidated<S extends Sample>(s: S): S {
  VALIDATED.add(s);
  return s;
}

/** Throws an InputError unless n >= d + 1 (the fewest rows that determine w), naming `where`
 *  (a file) when given: the one row-count check of every input path. */
export function requireRows(n: number, d: number, where?: string): void {
  if (n < d + 1) throw new InputError(`${where ? `${where}: ` : ''}too few rows: n = ${n} but at least d + 1 = ${d + 1} are needed`);
}

/** Throws a RangeError naming the problem when `s` is not a well-formed, finite sample. */
export function validateSample(s: Sample, opts: { minRowsOverD?: boolean } = {}): void {
  if (VALIDATED.has(s)) return;
  const { n, d, x, y } = s;
  if (!Number.isInteger(n) || n < 1) throw new InputError(`the sample has no rows (n = ${n})`);
  if (!Number.isInteger(d) || d < 1) throw new InputError(`the sample has no covariate columns (d = ${d})`);
  if (x.length !== n * d) throw new InputError(`x has ${x.length} entries, expected n*d = ${n * d}`);
  if (y.length !== n) throw new InputError(`y has ${y.length} entries, expected n = ${n}`);
  if (opts.minRowsOverD !== false) requireRows(n, d);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new InputError(`covariate at row ${Math.floor(i / d) + 1}, column ${(i % d) + 1} is ${x[i]}`);
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new InputError(`y at row ${i + 1} is ${y[i]}`);
  if (opts.minRowsOverD !== false) VALIDATED.add(s);
}

/** A deep copy of `s`. */
export function cloneSample(s: Sample): Sample {
  return { n: s.n, d: s.d, x: copyMatrix(s.n, s.d, s.x), y: Float64Array.from(s.y) };
}
