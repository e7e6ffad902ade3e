import { copyMatrix } from '../kernels/wasmKernels.js';
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import { describeFsError } from './describeFsError.js';
import { markValidated, type Sample } from '../model/sample.js';

/** A sample read from CSV, with its covariate column names in file order. */
export interface CsvSample extends Sample {
  readonly columns: readonly string[];
}

/**
 * Read a data set: a header naming the columns, the column `y` is the response and all others
 * are covariates, in order. Parsing is Papa Parse's; every field must be a finite number.
 * Throws an InputError naming the problem (missing file, empty file, no `y`, duplicate
 * column, ragged row, non-numeric / NaN / Inf value with its row and column, n < d + 1).
 */
export function readSampleCsv(path: string): CsvSample {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new InputError(`${path} is not a file`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  return parseSampleCsv(text, path);
}

/** Parse CSV text as {@link readSampleCsv} does; `source` names it in error messages. */
export function parseSampleCsv(text: string, source = 'input'): CsvSample {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source} is empty`);
  let header: string[] | null = null;
  let yCol = -1;
  let d = 0;
  let xs: Float64Array = new Float64Array(1024);
  let ys: Float64Array = new Float64Array(64);
  let n = 0;
  let line = 0;
  let problem: string | null = null;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      line++;
      const fields = result.data;
      if (result.errors.length > 0) {
        problem = `${source} line ${line}: ${result.errors[0].message}`;
        parser.abort();
        return;
      }
      if (!header) {
        header = fields.map((f) => f.trim());
        yCol = header.indexOf('y');
        const seen = new Set<string>();
        for (const h of header) {
          if (h === '') {
            problem = `${source}: the header has an empty column name`;
            break;
          }
          if (seen.has(h)) {
            problem = `${source}: the header names column "${h}" twice`;
            break;
          }
          seen.add(h);
        }
        if (!problem && yCol < 0)
          problem = `${source}: no column named "y" in the header (${header.slice(0, 5).join(',')}${header.length > 5 ? ',...' : ''})`;
        if (!problem && header.length < 2) problem = `${source}: no covariate columns besides "y"`;
        if (problem) {
          parser.abort();
          return;
        }
        d = header.length - 1;
        return;
      }
      if (fields.length !== d + 1) {
        problem = `${source} line ${line}: ${fields.length} fields, the header has ${d + 1}`;
        parser.abort();
        return;
      }
      if ((n + 1) * d > xs.length) {
        const t = new Float64Array(Math.max(xs.length * 2, (n + 1) * d));
        t.set(xs);
        xs = t;
      }
      if (n + 1 > ys.length) {
        const t = new Float64Array(ys.length * 2);
        t.set(ys);
        ys = t;
      }
      let j = 0;
      for (let c = 0; c <= d; c++) {
        const raw = fields[c].trim();
        const v = raw === '' ? NaN : Number(raw);
        if (!Number.isFinite(v)) {
          problem = `${source} line ${line}, column "${header[c]}": ${raw === '' ? 'empty field' : `"${raw.slice(0, 40)}" is not a finite number`}`;
          parser.abort();
          return;
        }
        if (c === yCol) ys[n] = v;
        else xs[n * d + j++] = v;
      }
      n++;
    },
  });
  if (problem) throw new InputError(problem);
  if (!header) throw new InputError(`${source} is empty`);
  if (n === 0) throw new InputError(`${source} has a header but no data rows`);
  if (n < d + 1) throw new InputError(`${source}: too few rows: n = ${n} but at least d + 1 = ${d + 1} are needed`);
  const columns = (header as string[]).filter((_, c) => c !== yCol);
  // every value was checked finite as it was parsed (with its line and column), and the shape
  // and n >= d + 1 just above: the fit need not scan the sample again
  return markValidated({ n, d, x: copyMatrix(n, d, xs), y: ys.slice(0, n), columns });
}
