import { Command } from 'commander';
import { InputError } from '../errors.js';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isMethodName, METHOD_NAMES } from '../solver/methods.js';
import { runBatteryOnSweep } from '../audit/runBatteryOnSweep.js';
import { Journal } from '../sweep/journal.js';
import { codeFingerprint } from '../sweep/fingerprint.js';
import { Sweep } from '../sweep/sweep.js';
import { createTaskRunner } from '../sweep/taskRunner.js';
import { createProgress } from '../sweep/progress.js';
import { loadEstimator } from '../audit/loadEstimator.js';
import { auditBattery } from '../audit/battery.js';
import { runBattery, type PropertyOutcome } from '../audit/runBattery.js';
import { profileFromEnv } from '../audit/profile.js';
import { markdownTable } from '../report/markdownTable.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { machineLine } from '../report/writeReport.js';
import { EXIT, type CliIo } from './io.js';

export { loadEstimator };
import { parseInteger, toJson } from './parse.js';

function fmt(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '-' : Number.isFinite(v) ? v.toPrecision(4) : String(v);
}

/** The audit's markdown report. */
export function auditMarkdown(name: string, profile: string, seed: number, outcomes: readonly PropertyOutcome[], seconds: number): string {
  const rows = outcomes.map((o) => [o.id, o.statement, o.holds ? 'holds' : 'VIOLATED', String(o.runs), fmt(o.maxMargin), fmt(o.medianMargin)]);
  const failures = outcomes.filter((o) => !o.holds).map((o) => [
    `### ${o.id}`, '', o.statement, '',
    `- counterexample: \`${JSON.stringify(o.counterexample)}\``,
    `- measured ${fmt(o.measured)} against bound ${fmt(o.bound)}${o.error ? `; error: ${o.error}` : ''}`,
    `- replay: \`fc.assert(property, { seed: ${o.seed}, path: "${o.path}" })\`, or \`sim-audit audit --estimator ${name} --profile ${profile} --seed ${o.seed}\``,
    '',
  ].join('\n'));
  return [
    `# Audit of \`${name}\``, '',
    `Profile ${profile}, seed ${seed}. Margin = measured / bound (above 1 violates).`, '',
    markdownTable(['property', 'statement', 'verdict', 'runs', 'max margin', 'median margin'], rows), '',
    `The bounds and how each constant was calibrated: \`src/audit/bounds.ts\`.`, '',
    ...(failures.length ? ['## Counterexamples', '', ...failures] : []),
    '## Run', '',
    `- Run time: ${seconds.toFixed(1)} s (${outcomes.map((o) => `${o.id} ${o.seconds.toFixed(1)} s`).join(', ')})`,
    `- Machine: ${machineLine()}`, '',
  ].join('\n');
}

/** `audit`: run the property battery against an estimator. Exit 0 all hold, 1 some violated. */
export function auditCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('audit')
    .description('run the property battery (error bound, exact recovery, determinism, invariances, dimension-freeness) against an estimator')
    .requiredOption('--estimator <NAME|PATH>', `a method (${METHOD_NAMES.join(', ')}) or a module exporting fit(data, options) => w`)
    .option('--profile <NAME>', 'quick or deep', 'quick')
    .option('--seed <K>', 'fast-check seed (default: fixed for quick, time-based for deep)', parseInteger('--seed'))
    .option('--json', 'print one JSON object')
    .option('--report <FILE>', 'also write a markdown report')
    .option('--workers <N>', 'worker threads the runs are spread over (default: the cores for deep, 0 = this thread for quick)', parseInteger('--workers'))
    .option('--journal <FILE>', 'journal finished runs to FILE (JSON lines); a killed audit started again with the same FILE resumes')
    .action(async (o) => {
      if (o.profile !== 'quick' && o.profile !== 'deep') throw new InputError(`--profile must be quick or deep, got "${o.profile}"`);
      if (o.workers !== undefined && !(o.workers >= 0)) throw new InputError(`--workers must be an integer >= 0, got ${o.workers}`);
      const fit = await loadEstimator(o.estimator);
      const profile = profileFromEnv({ SIM_AUDIT_PROFILE: o.profile, SIM_AUDIT_SEED: o.seed === undefined ? undefined : String(o.seed) });
      const workers: number = o.workers ?? (profile.name === 'deep' ? availableParallelism() : 0);
      const started = performance.now();
      const onDone = (out: PropertyOutcome): void => {
        if (!o.json) io.stdout(`${out.holds ? 'holds   ' : 'VIOLATED'} ${out.id} (${out.runs} runs, max margin ${fmt(out.maxMargin)}, ${out.seconds.toFixed(1)} s)\n`);
        if (!o.json && !out.holds) {
          io.stdout(`  counterexample: ${JSON.stringify(out.counterexample)}\n`);
          io.stdout(`  measured ${fmt(out.measured)} > bound ${fmt(out.bound)}${out.error ? ` (error: ${out.error})` : ''}\n`);
          io.stdout(`  replay: seed ${out.seed}, path "${out.path}"\n`);
        }
      };
      let outcomes: PropertyOutcome[];
      if (workers === 0 && !o.journal) outcomes = runBattery(auditBattery(fit), profile, onDone);
      else {
        // workers load the estimator themselves: a built-in name, or the module's absolute path
        const spec = isMethodName(o.estimator) ? o.estimator : resolve(o.estimator);
        const runner = createTaskRunner(workers);
        const journal = new Journal(o.journal ? resolve(o.journal) : null, [], codeFingerprint());
        const progress = createProgress({ tty: Boolean(process.stderr.isTTY) && !o.json, write: io.stderr, label: 'runs' });
        try {
          const sweep = new Sweep({ runner, journal, onCount: (c) => progress.update('audit', c) });
          outcomes = await runBatteryOnSweep(auditBattery(fit), profile, spec, sweep, onDone);
        } finally {
          progress.stop();
          journal.close();
          await runner.close();
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const holds = outcomes.every((x) => x.holds);
      if (o.json) io.stdout(toJson({ estimator: o.estimator, profile: profile.name, seed: profile.seed, holds, seconds, properties: outcomes.map((x) => ({ ...x, maxMargin: Number.isFinite(x.maxMargin) ? x.maxMargin : null, medianMargin: Number.isFinite(x.medianMargin) ? x.medianMargin : null })) }) + '\n');
      else io.stdout(`${holds ? 'all properties hold' : 'some properties are violated'} (${seconds.toFixed(1)} s)\n`);
      if (o.report) writeTextAtomic(o.report, auditMarkdown(o.estimator, profile.name, profile.seed, outcomes, seconds));
      setExit(holds ? EXIT.ok : EXIT.violated);
    });
}
