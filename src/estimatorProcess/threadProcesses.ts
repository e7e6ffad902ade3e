/**
 * Estimator processes owned by this thread, one per command: a worker thread of a parallel
 * audit starts its own on its first fit and keeps it until the audit closes them all
 * (TaskRunner.onEveryWorker with {@link closeThreadProcesses}).
 */
import type { AuditedFit } from '../solver/callFit.js';
import { checkEstimatorCommand, type ProcessEstimator, startProcessEstimator } from './processEstimator.js';

/** An estimator given as a command (the estimator-process protocol), as worker threads load it. */
export interface CommandSpec {
  readonly command: string;
  readonly fitTimeout: number;
}

const started = new Map<string, ProcessEstimator>();

/** The fit of this thread's process for `spec`, started on the first fit (the command and its
 *  timeout are checked now). */
export function threadProcessFit(spec: CommandSpec): AuditedFit {
  checkEstimatorCommand(spec.command, spec.fitTimeout);
  const key = JSON.stringify([spec.command, spec.fitTimeout]);
  return (data, options) => {
    let proc = started.get(key);
    if (!proc) {
      proc = startProcessEstimator(spec.command, spec.fitTimeout);
      started.set(key, proc);
    }
    return proc.fit(data, options);
  };
}

/** The first protocol failure of this thread's processes, if any (its message). */
export function threadProcessFailure(): string | undefined {
  for (const p of started.values()) {
    const f = p.failure();
    if (f) return f.message;
  }
  return undefined;
}

/** Task: close every estimator process this thread started (each exits when its stdin closes,
 *  or is killed 2 s later); returns how many were closed and the first protocol failure. */
export function closeThreadProcesses(_: unknown = null): { closed: number; failure?: string } {
  const failure = threadProcessFailure();
  const closed = started.size;
  for (const p of started.values()) p.close();
  started.clear();
  return failure === undefined ? { closed } : { closed, failure };
}
