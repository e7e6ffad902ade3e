import { readFileSync, statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { allocMatrix } from '../kernels/wasmKernels.js';
import { markValidated, requireRows, type Sample } from '../model/sample.js';
import { type CsvHeader, type CsvProblem, type CsvRows, parseCsvRows } from './csvRows.js';
import { describeFsError } from './describeFsError.js';

/** A sample read from CSV, with its covariate column names in file order. */
export interface CsvSample extends Sample {
  readonly columns: readonly string[];
}

/** How a CSV file is parsed: files of at least `parallelFrom` bytes are split in two at a line
 *  break and the later half parsed by a worker thread while this thread parses the first
 *  (Papa Parse with Number() sets the speed, about 110 MB/s per thread, so two threads nearly
 *  double it). Measured here, a worker costs about 40 ms to start from compiled JavaScript, the
 *  time one thread parses about 4 MB in; the sources (tsx) take longer, so by default only the
 *  compiled package splits. */
export interface CsvReadOptions {
  /** Split files of at least this many bytes (default: 16 MiB compiled, never from the sources). */
  readonly parallelFrom?: number;
}

const PARALLEL_FROM = 16 * 2 ** 20;
/** The reading thread's longest wait for the worker: a bound, never a hang. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Read a data set: a header naming the columns, the column `y` is the response and all others
 * are covariates, in order. Parsing is Papa Parse's; every field must be a finite number.
 * Throws an InputError naming the problem (missing file, empty file, no `y`, duplicate
 * column, ragged row, non-numeric / NaN / Inf value with its row and column, n < d + 1).
 */
export function readSampleCsv(path: string, options: CsvReadOptions = {}): CsvSample {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new InputError(`${path} is not a file`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  const from = options.parallelFrom ?? (import.meta.url.endsWith('.js') ? PARALLEL_FROM : Infinity);
  const split = bytes.length >= from ? splitPoint(bytes) : -1;
  if (split < 0) return parseSampleCsv(bytes.toString('utf8'), path);
  return parseInTwo(bytes, split, path);
}

/** Parse CSV text as {@link readSampleCsv} does; `source` names it in error messages. */
export function parseSampleCsv(text: string, source = 'input'): CsvSample {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source} is empty`);
  const rows = parseCsvRows(text, null);
  if (rows.problem) throw problemError(source, rows.problem, 0);
  return assemble(source, rows, null);
}

/**
 * Where to split a file for two threads: just after the first line break past its middle, or
 * -1 (parse whole) when a split could cut a record or change what is parsed: a quote (a quoted
 * field may hold a line break), a carriage return (Papa detects the line break from the
 * text's start), a byte-order mark, or no header line before the middle.
 */
function splitPoint(bytes: Buffer): number {
  if (bytes.indexOf(0x22) >= 0 || bytes.indexOf(0x0d) >= 0 || bytes[0] === 0xef) return -1;
  const firstBreak = bytes.indexOf(0x0a);
  const at = bytes.indexOf(0x0a, bytes.length >> 1);
  if (firstBreak < 0 || at < 0 || at <= firstBreak || at + 1 >= bytes.length) return -1;
  return at + 1;
}

/** The first line alone, parsed as the header (its problems are the whole file's first), or
 *  null when it is blank (the header is then further down: the file is read in one pass). */
function parseHeader(bytes: Buffer, source: string): CsvHeader | null {
  const head = parseCsvRows(bytes.toString('utf8', 0, bytes.indexOf(0x0a) + 1), null);
  if (head.problem) throw problemError(source, head.problem, 0);
  return head.header;
}

/** Parse bytes [0, split) here and [split, end) on a worker thread, and join the rows. */
function parseInTwo(bytes: Buffer, split: number, source: string): CsvSample {
  const header = parseHeader(bytes, source);
  if (!header) return parseSampleCsv(bytes.toString('utf8'), source);
  const piece = new SharedArrayBuffer(bytes.length - split);
  new Uint8Array(piece).set(bytes.subarray(split));
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./csvWorkerEntry.mjs', import.meta.url), {
      workerData: { port: port2, flag, piece: { bytes: piece, header } },
      transferList: [port2],
    });
  } catch {
    return parseSampleCsv(bytes.toString('utf8'), source); // no thread to be had: one is enough
  }
  try {
    const first = parseCsvRows(bytes.toString('utf8', 0, split), null, '\n');
    if (first.problem) throw problemError(source, first.problem, 0);
    if (Atomics.wait(flag, 0, 0, WORKER_TIMEOUT_MS) === 'timed-out')
      throw new Error(`the CSV worker thread reading ${source} did not finish within ${WORKER_TIMEOUT_MS / 60000} minutes`);
    const got = receiveMessageOnPort(port1)?.message as (CsvRows & { error?: undefined }) | { error: string } | undefined;
    if (!got || got.error !== undefined) throw new Error(`the CSV worker thread reading ${source} failed: ${got?.error ?? 'no answer'}`);
    const second = got as CsvRows;
    if (second.problem) throw problemError(source, second.problem, first.lines);
    return assemble(source, first, second);
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function problemError(source: string, p: CsvProblem, lineOffset: number): InputError {
  return new InputError(p.line === null ? `${source}${p.detail}` : `${source} line ${lineOffset + p.line}${p.detail}`);
}

/** The sample from the rows of one piece, or of two in file order. */
function assemble(source: string, first: CsvRows, second: CsvRows | null): CsvSample {
  const header = first.header;
  if (!header) throw new InputError(`${source} is empty`);
  const n = first.n + (second ? second.n : 0);
  const d = header.names.length - 1;
  if (n === 0) throw new InputError(`${source} has a header but no data rows`);
  requireRows(n, d, source);
  const x = allocMatrix(n, d);
  const y = new Float64Array(n);
  x.set(first.xs.subarray(0, first.n * d));
  y.set(first.ys.subarray(0, first.n));
  if (second) {
    x.set(second.xs.subarray(0, second.n * d), first.n * d);
    y.set(second.ys.subarray(0, second.n), first.n);
  }
  const columns = header.names.filter((_, c) => c !== header.yCol);
  // every value was checked finite as it was parsed (with its line and column), and the shape
  // and n >= d + 1 just above: the fit need not scan the sample again
  return markValidated({ n, d, x, y, columns });
}
