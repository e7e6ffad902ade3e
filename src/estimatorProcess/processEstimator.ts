import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyncFn } from 'synckit';
import type { AuditedFit } from '../solver/callFit.js';
import { InputError } from '../errors.js';
import { writeNpy } from '../io/npy.js';
import type { WorkerAnswer, WorkerRequest } from './processWorker.js';

/** The default of --fit-timeout: seconds an estimator process has to answer one fit. */
export const DEFAULT_FIT_TIMEOUT = 120;

/** A broken protocol (a process that died, wrote garbage or timed out): ends the audit, exit 2. */
export class EstimatorProcessError extends InputError {}

/** An estimator in another process, and how to stop it. */
export interface ProcessEstimator {
  readonly fit: AuditedFit;
  /** Close its stdin (it must exit); what is left of its process group gets SIGTERM, then
   *  SIGKILL, 2 s apart (processWorker.ts); remove the data files. */
  close(): void;
  /** The protocol failure that ended it, if one did. */
  failure(): EstimatorProcessError | undefined;
}

/** Throws an InputError naming the problem with a command or its fit timeout, before any
 *  process starts. */
export function checkEstimatorCommand(command: string, timeoutSeconds: number): void {
  if (!command.trim()) throw new InputError('--estimator-cmd needs a command');
  if (!(timeoutSeconds > 0)) throw new InputError(`--fit-timeout must be a positive number of seconds, got ${timeoutSeconds}`);
}

/**
 * Start `command` through the shell and keep it: the estimator-process protocol (docs/estimators.md). For
 * each fit the covariates and responses go to `x.npy` and `y.npy` (little-endian float64, C
 * order) in a private temporary folder, one JSON line goes to the process's stdin
 * (`{"id", "x", "y", "n", "d", "link", "eps", "seed"}`) and one comes back
 * (`{"id", "w": [d numbers]}` or `{"id", "error": "..."}`). An error answer is the estimator
 * failing that fit (the run fails, as a throwing JavaScript fit does); anything else on stdout,
 * a process that dies, or no answer within `timeoutSeconds` throws EstimatorProcessError. The
 * call is synchronous, as the audit's fit is: a worker thread (synckit) holds the process.
 */
export function startProcessEstimator(command: string, timeoutSeconds = DEFAULT_FIT_TIMEOUT): ProcessEstimator {
  checkEstimatorCommand(command, timeoutSeconds);
  // a plain-JavaScript bootstrap: the sources (development) load through tsx, registered there
  const worker = new URL('./processWorkerEntry.mjs', import.meta.url);
  const call = createSyncFn<(r: WorkerRequest) => Promise<WorkerAnswer | null>>(worker, {
    timeout: (timeoutSeconds + 30) * 1000, // a backstop: the worker times the fit itself
  });
  const started = call({ kind: 'start', command });
  const handle = started && 'handle' in started ? started.handle : 0;
  const dir = mkdtempSync(join(tmpdir(), 'sim-audit-fit-'));
  const x = join(dir, 'x.npy'),
    y = join(dir, 'y.npy');
  let id = 0;
  let broken: EstimatorProcessError | undefined;
  /** Record a protocol failure: every later fit throws it at once. */
  const fail = (message: string): EstimatorProcessError => {
    broken = new EstimatorProcessError(`${message} (command: ${command})`);
    return broken;
  };
  const fit: AuditedFit = (data, options) => {
    if (broken) throw broken;
    id++;
    writeNpy(x, data.x, [data.n, data.d]);
    writeNpy(y, data.y, [data.n]);
    const request = { id, x, y, n: data.n, d: data.d, link: options.link, eps: options.eps, seed: options.seed };
    const answer = call({ kind: 'fit', handle, line: JSON.stringify(request), timeoutMs: timeoutSeconds * 1000 })!;
    if ('handle' in answer) throw new Error('estimator process worker: unexpected answer');
    if ('failure' in answer) throw fail(`${answer.failure}`);
    let reply: { id?: unknown; w?: unknown; error?: unknown };
    let nonFinite = false;
    try {
      reply = JSON.parse(answer.line);
    } catch {
      // Python's json module writes NaN and Infinity, which JSON does not have: a w holding them
      // is the estimator failing that fit, not a broken protocol
      try {
        reply = JSON.parse(answer.line.replace(/-?\b(NaN|Infinity)\b/g, 'null'));
        nonFinite = true;
      } catch {
        throw fail(`the estimator process wrote a line that is not JSON: ${JSON.stringify(answer.line.slice(0, 200))}`);
      }
    }
    if (reply?.id !== id) throw fail(`the estimator process answered id ${JSON.stringify(reply?.id)} to request ${id}`);
    if (typeof reply.error === 'string') throw new Error(`the estimator failed: ${reply.error}`);
    if (nonFinite && Array.isArray(reply.w) && reply.w.every((t) => typeof t === 'number' || t === null)) {
      throw new Error(
        `the estimator failed: its w has entries that are not finite numbers (NaN or Infinity): ${answer.line.slice(0, 200)}`,
      );
    }
    if (!Array.isArray(reply.w) || !reply.w.every((t) => typeof t === 'number')) {
      throw fail(`the estimator process's answer has neither "w" (an array of numbers) nor "error"`);
    }
    return reply.w as number[];
  };
  return {
    fit,
    close: () => {
      call({ kind: 'close', handle });
      rmSync(dir, { recursive: true, force: true });
    },
    failure: () => broken,
  };
}
