import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { getLink, type LinkName } from '../model/links.js';
import { isMethodName } from '../solver/methods.js';
import { codeJournal } from '../sweep/journal.js';
import { createProgress } from '../sweep/progress.js';
import { Sweep } from '../sweep/sweep.js';
import { withTaskRunner } from '../sweep/taskRunner.js';
import { CLAIM_LINKS } from './arbitraries.js';
import { auditVerdict, sizeStatement } from './auditReport.js';
import { auditBattery, batteryIds, type BatteryOptions } from './battery.js';
import type { AuditedFit } from './fitError.js';
import { type EstimatorSpec, loadEstimator } from './loadEstimator.js';
import { type Profile, profileFromEnv } from './profile.js';
import { type ClaimExponents, PAPER_EXPONENTS, parseExponents } from './rates.js';
import { type PropertyOutcome, runBattery } from './runBattery.js';
import { DEFAULT_SHRINK_SECONDS, type ShrinkBound } from './shrinkWatch.js';
import { runBatteryOnSweep } from './runBatteryOnSweep.js';
import { DEFAULT_FIT_TIMEOUT, EstimatorProcessError } from '../estimatorProcess/processEstimator.js';
import { closeThreadProcesses, threadProcessFailure, threadProcessFit } from '../estimatorProcess/threadProcesses.js';
import { siblingModule } from '../sweep/siblingModule.js';

/** The module whose closeThreadProcesses each worker runs at the end of an audit. */
const PROCESSES = siblingModule(import.meta.url, '../estimatorProcess/threadProcesses');

/** What an audit runs against and how (the `audit` verb's options, as data). */
export interface AuditOptions {
  /** quick (default) or deep. */
  readonly profile?: 'quick' | 'deep';
  /** fast-check seed (default: fixed for quick, time-based for deep). */
  readonly seed?: number;
  /** Worker threads (default: the cores; 0: this thread). An estimator given as a function runs
   *  on this thread: workers load estimators by name or module path. */
  readonly workers?: number;
  /** The claim's exponents (default the paper's), or their text `eps=0.5,sigma=1,n=-0.5,d=0`. */
  readonly rates?: ClaimExponents | string;
  /** Links the estimator is made for (default: the claim's). */
  readonly links?: readonly LinkName[];
  /** Properties left out (named as skipped). */
  readonly skip?: readonly string[];
  /** Count the calibrated bound (P1) in the verdict. */
  readonly constants?: boolean;
  /** Journal finished runs to this file (JSON lines): a killed audit resumes from it. */
  readonly journal?: string;
  /** Called as each property finishes. */
  readonly onProperty?: (outcome: PropertyOutcome) => void;
  /** Where progress lines go (default: none). */
  readonly progress?: { readonly tty: boolean; readonly write: (text: string) => void };
  /** Seconds a failure's shrinking may take (default DEFAULT_SHRINK_SECONDS): past them the
   *  smallest failure found so far is reported (see ShrinkBound). */
  readonly shrinkSeconds?: number;
}

/** The outcome of an audit: what `sim-audit audit --json` prints. */
export interface AuditOutcome {
  readonly estimator: string;
  readonly profile: 'quick' | 'deep';
  readonly seed: number;
  /** The verdict (the exit code): the claim's properties and hygiene (and P1 with `constants`). */
  readonly holds: boolean;
  readonly claimHolds: boolean;
  readonly hygieneHolds: boolean;
  readonly calibratedHolds: boolean;
  readonly countCalibrated: boolean;
  readonly seconds: number;
  readonly exponents: ClaimExponents;
  readonly links: readonly LinkName[];
  readonly skipped: readonly string[];
  readonly falseAlarm: string;
  readonly properties: readonly (Omit<PropertyOutcome, 'maxMargin' | 'medianMargin'> & {
    maxMargin: number | null;
    medianMargin: number | null;
  })[];
}

/** An estimator in another process, in any language: the estimator-process protocol
 *  (src/estimatorProcess/processEstimator.ts, docs/estimators.md). */
export interface EstimatorCommand {
  /** Started once through the shell, kept for the whole audit. */
  readonly command: string;
  /** Seconds it has to answer one fit (default 120). */
  readonly fitTimeout?: number;
}

/** An audit's outcome and what its markdown report needs beside it. */
export interface AuditRun {
  readonly outcome: AuditOutcome;
  readonly outcomes: readonly PropertyOutcome[];
  readonly profile: Profile;
}

/** An audit's options after validation. */
interface ResolvedOptions {
  readonly profileName: 'quick' | 'deep';
  readonly exponents: ClaimExponents;
  readonly links: LinkName[] | undefined;
  readonly skip: string[];
}

/** Validates the options, once; bad ones throw an InputError naming the problem. */
function resolveOptions(estimator: string | AuditedFit | EstimatorCommand, options: AuditOptions): ResolvedOptions {
  const profileName = options.profile ?? 'quick';
  if (profileName !== 'quick' && profileName !== 'deep') throw new InputError(`profile must be quick or deep, got "${profileName}"`);
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 0)) {
    throw new InputError(`workers must be an integer >= 0, got ${options.workers}`);
  }
  if (options.shrinkSeconds !== undefined && !(Number.isFinite(options.shrinkSeconds) && options.shrinkSeconds >= 0)) {
    throw new InputError(`shrink seconds must be a finite number >= 0, got ${options.shrinkSeconds}`);
  }
  const exponents =
    options.rates === undefined ? PAPER_EXPONENTS : typeof options.rates === 'string' ? parseExponents(options.rates) : options.rates;
  const links = options.links ? [...options.links] : undefined;
  for (const l of links ?? []) getLink(l);
  const evenLinks = (links ?? []).filter((l) => getLink(l).even);
  if (evenLinks.length) {
    throw new InputError(
      `links: ${evenLinks.join(', ')} ${evenLinks.length > 1 ? 'are' : 'is'} even (the sign of w* is not identifiable), outside the claim; use ${CLAIM_LINKS.join(', ')}`,
    );
  }
  const skip = [...(options.skip ?? [])];
  const ids = batteryIds();
  for (const id of skip) if (!ids.includes(id)) throw new InputError(`skip: unknown property "${id}" (known: ${ids.join(', ')})`);
  if (ids.every((id) => skip.includes(id))) throw new InputError('skip leaves no property to run');
  if (typeof estimator === 'object' && options.journal)
    throw new InputError('a journal needs an estimator given by name or module path (an estimator process is not replayed)');
  if (typeof estimator === 'function' && options.journal)
    throw new InputError('a journal needs an estimator given by name or module path (workers load it)');
  return { profileName, exponents, links, skip };
}

/**
 * What this thread fits with, and what worker threads load: a method name, a module's absolute
 * path, or a command (each worker starts its own process, and this thread one more for the
 * sequential re-runs that shrink a failure). A function runs on this thread only (no spec).
 */
async function resolveEstimator(
  estimator: string | AuditedFit | EstimatorCommand,
): Promise<{ readonly fit: AuditedFit; readonly spec: EstimatorSpec | undefined }> {
  if (typeof estimator === 'object') {
    const spec = { command: estimator.command, fitTimeout: estimator.fitTimeout ?? DEFAULT_FIT_TIMEOUT };
    return { fit: threadProcessFit(spec), spec };
  }
  if (typeof estimator === 'string')
    return { fit: await loadEstimator(estimator), spec: isMethodName(estimator) ? estimator : resolve(estimator) };
  return { fit: estimator, spec: undefined };
}

/** Shrinking progress every SHRINK_REPORT_SECONDS at most, as a log line. */
const SHRINK_REPORT_SECONDS = 10;

/** The shrink bound of an audit, its progress written where the audit's progress goes. */
function shrinkBound(options: AuditOptions): ShrinkBound {
  const write = options.progress?.write;
  const seconds = options.shrinkSeconds ?? DEFAULT_SHRINK_SECONDS;
  const last = new Map<string, number>();
  return {
    seconds,
    onProgress: write
      ? (p) => {
          if (p.seconds - (last.get(p.id) ?? -Infinity) < SHRINK_REPORT_SECONDS) return;
          last.set(p.id, p.seconds);
          write(`shrinking ${p.id}: ${p.tries} tries, ${p.smaller} smaller failures, ${p.seconds.toFixed(0)} s of at most ${seconds}\n`);
        }
      : undefined,
  };
}

/**
 * Runs the battery: on this thread, or over worker threads (with a journal when asked), and
 * closes every estimator process it started; a protocol failure of any of them throws.
 */
async function runOutcomes(
  fit: AuditedFit,
  spec: EstimatorSpec | undefined,
  battery: BatteryOptions,
  profile: Profile,
  options: AuditOptions,
): Promise<PropertyOutcome[]> {
  const workers = spec === undefined ? 0 : (options.workers ?? availableParallelism());
  let outcomes: PropertyOutcome[];
  // after a protocol failure of this thread's process every fit fails at once: its
  // properties are not reported (the audit ends with the failure)
  const onProperty = (o: PropertyOutcome): void => {
    if (threadProcessFailure() === undefined) options.onProperty?.(o);
  };
  const failures: string[] = [];
  const shrink = shrinkBound(options);
  try {
    if (workers === 0 && !options.journal) outcomes = runBattery(auditBattery(fit, { ...battery, profile }), profile, onProperty, shrink);
    else {
      const journal = codeJournal(options.journal ? resolve(options.journal) : null);
      const progress = createProgress({ tty: options.progress?.tty ?? false, write: options.progress?.write ?? (() => {}), label: 'runs' });
      try {
        outcomes = await withTaskRunner(workers, async (runner) => {
          const sweep = new Sweep({ runner, journal, onCount: (c) => progress.update('audit', c) });
          try {
            return await runBatteryOnSweep(auditBattery(fit, { ...battery, profile }), profile, spec!, sweep, onProperty, battery, shrink);
          } finally {
            // the workers' estimator processes, one per worker, closed on their own threads
            if (typeof spec === 'object') {
              const closed = (await runner.onEveryWorker({ module: PROCESSES, name: closeThreadProcesses.name, args: null })) as {
                failure?: string;
              }[];
              for (const c of closed) if (c.failure) failures.push(c.failure);
            }
          }
        });
      } finally {
        progress.stop();
        journal.close();
      }
    }
  } finally {
    const own = closeThreadProcesses();
    if (own.failure) failures.unshift(own.failure);
  }
  if (failures.length) throw new EstimatorProcessError(failures[0]);
  return outcomes;
}

/**
 * Run the property battery against an estimator: a method name, a module path (exporting
 * `fit(data, options) -> w`), or a function. Options are validated here, once; bad ones throw
 * an InputError naming the problem.
 */
export async function runAudit(estimator: string | AuditedFit | EstimatorCommand, options: AuditOptions = {}): Promise<AuditRun> {
  const { profileName, exponents, links, skip } = resolveOptions(estimator, options);
  const { fit, spec } = await resolveEstimator(estimator);
  const profile = profileFromEnv({
    SIM_AUDIT_PROFILE: profileName,
    SIM_AUDIT_SEED: options.seed === undefined ? undefined : String(options.seed),
  });
  const battery: BatteryOptions = { exponents, ...(links ? { links } : {}), skip };
  const started = performance.now();
  const outcomes = await runOutcomes(fit, spec, battery, profile, options);
  const seconds = (performance.now() - started) / 1000;
  const countCalibrated = Boolean(options.constants);
  const outcome: AuditOutcome = {
    estimator: typeof estimator === 'string' ? estimator : typeof estimator === 'object' ? estimator.command : estimator.name || 'fit',
    profile: profile.name,
    seed: profile.seed,
    ...auditVerdict(outcomes, countCalibrated),
    countCalibrated,
    seconds,
    exponents,
    links: links ?? CLAIM_LINKS,
    skipped: skip,
    falseAlarm: sizeStatement(profile, exponents, countCalibrated),
    properties: outcomes.map((x) => ({
      ...x,
      maxMargin: Number.isFinite(x.maxMargin) ? x.maxMargin : null,
      medianMargin: Number.isFinite(x.medianMargin) ? x.medianMargin : null,
    })),
  };
  return { outcome, outcomes, profile };
}
