import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { toJson } from '../io/toJson.js';

/** One checked claim: what was measured against which bound, and the verdict. */
export interface ClaimResult {
  readonly id: string;
  readonly statement: string;
  readonly measured: number;
  readonly bound: number;
  /** measured / bound for upper bounds (below 1 holds), bound / measured for lower bounds. */
  readonly margin: number;
  readonly verdict: 'holds' | 'does not hold';
}

/** The machine-readable twin of a report. */
export interface ReportJson {
  readonly name: string;
  readonly source: string;
  readonly settings: unknown;
  readonly claims: readonly ClaimResult[];
  /** `commit`: the code that wrote it (src/report/provenance.ts), where known. */
  readonly run: {
    readonly seconds: number;
    readonly machine: string;
    readonly commit?: string;
    /** Seconds its tasks took on the worker threads, and how many ran or were replayed from a
     *  journal (reproductions; see Sweep.taskSeconds). */
    readonly tasks?: { readonly seconds: number; readonly computed: number; readonly replayed: number };
  };
}

/** One line naming the machine: CPU model, cores, memory, Node. */
export function machineLine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** The closing section of every report (reproductions, the audit, the benchmark): run time
 *  (with `detail`, e.g. per property), machine and, where known, the commit of the code that
 *  wrote it, kept apart from the body, which holds no timing. */
export function runSection(seconds: number, machine: string, detail?: string, commit?: string, tasks?: ReportJson['run']['tasks']): string {
  const work = tasks
    ? `- Its tasks: ${tasks.seconds.toFixed(1)} s on the worker threads (${tasks.computed} run${tasks.replayed ? `, ${tasks.replayed} replayed from a journal` : ''}); the run time above is shared with the reports run beside it\n`
    : '';
  return `## Run\n\n- Run time: ${seconds.toFixed(1)} s${detail ? ` (${detail})` : ''}\n${work}- Machine: ${machine}\n${commit ? `- Code: commit ${commit}\n` : ''}`;
}

/**
 * Write reports/<name>.md and reports/<name>.json, each atomically (temp file + rename).
 * The markdown body must not contain timings; the run section (time, machine) is appended
 * last and kept apart, so re-running with the same seeds changes only those lines.
 */
export function writeReport(dir: string, body: string, json: ReportJson): void {
  writeTextAtomic(
    join(dir, `${json.name}.md`),
    `${body.trimEnd()}\n\n${runSection(json.run.seconds, json.run.machine, undefined, json.run.commit, json.run.tasks)}`,
  );
  // one field per line, so a re-run's diff shows only the changed run.seconds line
  writeTextAtomic(join(dir, `${json.name}.json`), `${toJson(json, 2)}\n`);
}
