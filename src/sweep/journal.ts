import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import { decode, encode } from './codec.js';
import { codeFingerprint } from './fingerprint.js';

/**
 * Task results by key, read from JSON-lines files and appended to one of them as tasks finish.
 * A line is `{"k": key, "r": result}`, written whole by one write(2) call before the next
 * task's result is taken, so a run killed at any moment (kill -9 included) leaves every
 * finished task on disk and at most one torn last line, which reading drops (and, in the file
 * being appended to, cuts off) so the task is simply run again. Nothing is lost or duplicated.
 */
export class Journal {
  private readonly results = new Map<string, string>();
  private fd: number | null = null;

  /**
   * @param appendTo the file finished tasks are appended to (null: read-only, e.g. a merge);
   *   its earlier lines are read first (resume).
   * @param readAlso more files to read (the shards of a merge). A key found twice must carry
   *   the same result (tasks are deterministic): a mismatch is an error naming the task.
   * @param fingerprint the code's fingerprint (codeFingerprint): written at the top of a new
   *   file; a file headed by another is refused (its results may come from other code).
   */
  constructor(
    appendTo: string | null,
    readAlso: readonly string[] = [],
    private readonly fingerprint: string | null = null,
  ) {
    for (const file of readAlso) this.load(file, false);
    if (appendTo) {
      mkdirSync(dirname(appendTo), { recursive: true });
      const fresh = !existsSync(appendTo) || this.load(appendTo, true) === 0;
      this.fd = openSync(appendTo, 'a');
      if (fresh && fingerprint) writeSync(this.fd, `{"code":${JSON.stringify(fingerprint)}}\n`);
    }
  }

  /** Read a file's results; returns the bytes kept (0: nothing, not even a header). */
  private load(file: string, repair: boolean): number {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const lines = text.split('\n');
    let good = 0; // bytes of whole, valid lines
    for (let i = 0; i < lines.length - 1; i++) {
      // the part after the last newline is torn (or empty): dropped
      const line = lines[i];
      const end = good + Buffer.byteLength(line) + 1;
      if (line !== '') {
        let parsed: { k?: unknown; r?: unknown };
        try {
          parsed = JSON.parse(line) as { k?: unknown; r?: unknown };
        } catch {
          throw new InputError(`${file} line ${i + 1} is not a JSON line: the file is damaged (was it edited?)`);
        }
        if (i === 0 && 'code' in parsed) {
          // the header: which code wrote the file
          const code = (parsed as { code?: unknown }).code;
          if (this.fingerprint && code !== this.fingerprint)
            throw new InputError(
              `${file} was written by another version of the code (${String(code)}, this is ${this.fingerprint}): its results may differ; ${repair ? 'start over with --fresh (or delete it)' : 'run every shard from the same version'}`,
            );
          good = end;
          continue;
        }
        if (typeof parsed.k !== 'string' || !('r' in parsed))
          throw new InputError(`${file} line ${i + 1} is not a task result ({"k": key, "r": result})`);
        const r = JSON.stringify(parsed.r);
        const seen = this.results.get(parsed.k);
        if (seen !== undefined && seen !== r)
          throw new InputError(
            `${file} line ${i + 1}: task ${parsed.k} has a different result than in another file (tasks are deterministic: were the shards run from different versions or settings?)`,
          );
        this.results.set(parsed.k, r);
      }
      good = end;
    }
    if (repair && good < Buffer.byteLength(text)) {
      const fd = openSync(file, 'r+');
      try {
        ftruncateSync(fd, good);
      } finally {
        closeSync(fd);
      }
    }
    return good;
  }

  /** Number of results held. */
  get size(): number {
    return this.results.size;
  }

  has(key: string): boolean {
    return this.results.has(key);
  }

  /** The result of task `key`, decoded, or undefined. */
  get<T>(key: string): T | undefined {
    const r = this.results.get(key);
    return r === undefined ? undefined : decode<T>(r);
  }

  /** Record a finished task (appending a line when the journal has a file); returns the
   *  decoded result, as a replay would see it. */
  record<T>(key: string, result: unknown): T {
    const r = encode(result);
    this.results.set(key, r);
    if (this.fd !== null) writeSync(this.fd, `{"k":${JSON.stringify(key)},"r":${r}}\n`);
    return decode<T>(r);
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

/** A journal stamped with this code's fingerprint ({@link codeFingerprint}), as every sweep
 *  opens one: results recorded by other code are refused, not replayed. */
export function codeJournal(appendTo: string | null, readAlso: readonly string[] = []): Journal {
  return new Journal(appendTo, readAlso, codeFingerprint());
}
