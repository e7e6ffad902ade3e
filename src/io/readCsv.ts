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

/** Parse CSV text as {@link readSampleCsv} does; `source` names it in error messages. Plain
 *  numeric CSV (no quotes, lines ending in LF or CRLF) takes a hand-written scanner; anything
 *  else Papa Parse. Both read every number with `Number()` and name the same problems. */
export function parseSampleCsv(text: string, source = 'input'): CsvSample {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source} is empty`);
  const plain = !text.includes('"') && (text.includes('\n') || !text.includes('\r'));
  return plain ? scanPlainCsv(text, source) : parseWithPapa(text, source);
}

/** The problem with a header, if any: an empty or repeated name, no `y`, no covariate. */
function headerProblem(header: readonly string[], source: string): string | null {
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') return `${source}: the header has an empty column name`;
    if (seen.has(h)) return `${source}: the header names column "${h}" twice`;
    seen.add(h);
  }
  if (!header.includes('y'))
    return `${source}: no column named "y" in the header (${header.slice(0, 5).join(',')}${header.length > 5 ? ',...' : ''})`;
  if (header.length < 2) return `${source}: no covariate columns besides "y"`;
  return null;
}

/** The problem with a field that is not a finite number. */
function fieldProblem(source: string, line: number, column: string, field: string): string {
  const raw = field.trim();
  return `${source} line ${line}, column "${column}": ${raw === '' ? 'empty field' : `"${raw.slice(0, 40)}" is not a finite number`}`;
}

/** The sample from its parsed parts, checked for rows. */
function finish(source: string, header: readonly string[], yCol: number, n: number, xs: Float64Array, ys: Float64Array): CsvSample {
  const d = header.length - 1;
  if (n === 0) throw new InputError(`${source} has a header but no data rows`);
  if (n < d + 1) throw new InputError(`${source}: too few rows: n = ${n} but at least d + 1 = ${d + 1} are needed`);
  const columns = header.filter((_, c) => c !== yCol);
  // every value was checked finite as it was parsed (with its line and column), and the shape
  // and n >= d + 1 just above: the fit need not scan the sample again
  return markValidated({ n, d, x: copyMatrix(n, d, xs.subarray(0, n * d)), y: ys.slice(0, n), columns });
}

/**
 * The scanner for plain numeric CSV, by hand because Papa Parse's general tokenizer (quotes,
 * delimiters, per-row arrays of strings) took most of a large fit's start-up: one pass over
 * the text's character codes, each field read with `Number()` on its substring (so every double
 * is exactly what `Number()` gives), the rows counted first so the arrays are allocated once.
 * Lines are counted as Papa Parse counts them (records: blank lines are skipped, not counted).
 */
function scanPlainCsv(text: string, source: string): CsvSample {
  const len = text.length;
  let end = text.indexOf('\n');
  if (end < 0) end = len;
  const header = text
    .slice(0, end)
    .split(',')
    .map((f) => f.trim());
  const problem = headerProblem(header, source);
  if (problem) throw new InputError(problem);
  const yCol = header.indexOf('y');
  const d = header.length - 1;
  let lines = 1;
  for (let i = end; i < len; i = text.indexOf('\n', i + 1), lines++) if (i < 0) break;
  const xs = new Float64Array(lines * d);
  const ys = new Float64Array(lines);
  let n = 0,
    line = 1;
  for (let start = end + 1; start < len; ) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = len;
    let blank = true;
    for (let i = start; i < stop && blank; i++) {
      const c = text.charCodeAt(i);
      blank = c === 32 || c === 9 || c === 13;
    }
    if (!blank) {
      line++;
      let field = start,
        c = 0,
        j = 0;
      for (let i = start; i <= stop; i++) {
        if (i < stop && text.charCodeAt(i) !== 44) continue;
        if (c > d) break;
        const raw = text.substring(field, i);
        const v = Number(raw);
        // Number('') and Number('  ') are 0: a zero must carry a digit
        if (!Number.isFinite(v) || (v === 0 && !/[0-9]/.test(raw))) {
          // a ragged row is named as such first, as the general path does
          const fields = text.substring(start, stop).split(',').length;
          if (fields !== d + 1) throw new InputError(`${source} line ${line}: ${fields} fields, the header has ${d + 1}`);
          throw new InputError(fieldProblem(source, line, header[c], raw));
        }
        if (c === yCol) ys[n] = v;
        else xs[n * d + j++] = v;
        c++;
        field = i + 1;
      }
      const fields = c > d ? text.substring(start, stop).split(',').length : c;
      if (fields !== d + 1) throw new InputError(`${source} line ${line}: ${fields} fields, the header has ${d + 1}`);
      n++;
    }
    start = stop + 1;
  }
  return finish(source, header, yCol, n, xs, ys);
}

/** The general path (quoted fields, CR-only line ends): Papa Parse's tokenizer. */
function parseWithPapa(text: string, source: string): CsvSample {
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
        problem = headerProblem(header, source);
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
          problem = fieldProblem(source, line, header[c], raw);
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
  return finish(source, header, yCol, n, xs, ys);
}
