import Papa from 'papaparse';

/** The header of a CSV sample: its trimmed column names and the response's column. */
export interface CsvHeader {
  readonly names: readonly string[];
  readonly yCol: number;
}

/** A problem found while parsing: `line` counts non-empty lines from the start of the text
 *  parsed (null: the header as a whole); `detail` follows "<source> line <k>" in the message. */
export interface CsvProblem {
  readonly line: number | null;
  readonly detail: string;
}

/** The rows parsed from one piece of CSV text: covariates row-major in `xs` (n d entries),
 *  responses in `ys` (n), each checked finite, and the non-empty lines read. */
export interface CsvRows {
  readonly header: CsvHeader | null;
  readonly n: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly lines: number;
  readonly problem: CsvProblem | null;
}

/**
 * Parse CSV text with Papa Parse: the first non-empty line is the header unless `header` is
 * given (a later piece of a file whose header was read elsewhere); every other line is a row of
 * d + 1 finite numbers. Stops at the first problem. `newline` fixes the line break when the
 * text is a piece whose own start may not show it (undefined: Papa's detection).
 */
export function parseCsvRows(text: string, header: CsvHeader | null, newline?: '\n'): CsvRows {
  let names: readonly string[] | null = header ? header.names : null;
  let yCol = header ? header.yCol : -1;
  let d = names ? names.length - 1 : 0;
  let xs: Float64Array = new Float64Array(1024);
  let ys: Float64Array = new Float64Array(64);
  let n = 0;
  let line = 0;
  let problem: CsvProblem | null = null;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      line++;
      const fields = result.data;
      if (result.errors.length > 0) {
        problem = { line, detail: `: ${result.errors[0].message}` };
        parser.abort();
        return;
      }
      if (!names) {
        const h = fields.map((f) => f.trim());
        names = h;
        yCol = h.indexOf('y');
        problem = headerProblem(h, yCol);
        if (problem) {
          parser.abort();
          return;
        }
        d = h.length - 1;
        return;
      }
      if (fields.length !== d + 1) {
        problem = { line, detail: `: ${fields.length} fields, the header has ${d + 1}` };
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
          problem = {
            line,
            detail: `, column "${names[c]}": ${raw === '' ? 'empty field' : `"${raw.slice(0, 40)}" is not a finite number`}`,
          };
          parser.abort();
          return;
        }
        if (c === yCol) ys[n] = v;
        else xs[n * d + j++] = v;
      }
      n++;
    },
  });
  return { header: names ? { names, yCol } : null, n, xs, ys, lines: line, problem };
}

/** What a worker thread parses: a later piece of a file (UTF-8 bytes, starting at a line), its
 *  header known. */
export interface CsvPiece {
  readonly bytes: SharedArrayBuffer;
  readonly header: CsvHeader;
}

/** The worker side of a parallel read: parse the piece; the message and what it transfers. */
export function parsePiece(piece: CsvPiece): { message: CsvRows; transfer: ArrayBuffer[] } {
  const text = Buffer.from(piece.bytes).toString('utf8');
  const rows = parseCsvRows(text, piece.header, '\n');
  return { message: rows, transfer: [rows.xs.buffer as ArrayBuffer, rows.ys.buffer as ArrayBuffer] };
}

/** What is wrong with a header (its trimmed names, the index of "y"), or null. */
function headerProblem(h: readonly string[], yCol: number): CsvProblem | null {
  const seen = new Set<string>();
  for (const name of h) {
    if (name === '') return { line: null, detail: ': the header has an empty column name' };
    if (seen.has(name)) return { line: null, detail: `: the header names column "${name}" twice` };
    seen.add(name);
  }
  if (yCol < 0)
    return { line: null, detail: `: no column named "y" in the header (${h.slice(0, 5).join(',')}${h.length > 5 ? ',...' : ''})` };
  if (h.length < 2) return { line: null, detail: ': no covariate columns besides "y"' };
  return null;
}
