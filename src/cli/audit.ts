import { Command } from 'commander';
import { InputError } from '../errors.js';
import { METHOD_NAMES } from '../solver/methods.js';
import { loadEstimator } from '../audit/loadEstimator.js';
import { batteryIds } from '../audit/battery.js';
import { CLAIM_LINKS } from '../audit/arbitraries.js';
import type { PropertyOutcome } from '../audit/runBattery.js';
import { DEFAULT_SHRINK_SECONDS } from '../audit/shrinkWatch.js';
import { auditMarkdown, fmt, verdictLine } from '../audit/auditReport.js';
import { type AuditRun, runAudit } from '../audit/runAudit.js';
import { auditJunit } from '../audit/auditJunit.js';
import { auditHtml } from '../audit/auditHtml.js';
import { renderRateFigures } from '../report/rateChart.js';
import { basename, dirname, join } from 'node:path';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { EXIT } from '../exitCodes.js';
import type { CliIo } from './io.js';
import type { LinkName } from '../model/links.js';

export { loadEstimator };
import { parseInteger, parseNumber } from './parse.js';
import { DEFAULT_FIT_TIMEOUT } from '../estimatorProcess/processEstimator.js';
import { toJson } from '../io/toJson.js';

function parseList(flag: string) {
  return (v: string, prev: string[] = []): string[] => {
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!items.length) throw new InputError(`${flag} needs a comma-separated list`);
    return [...prev, ...items];
  };
}

/** Prints each property as it finishes (nothing under --json): its verdict, a claim's grid,
 *  and a violation's counterexample and replay. */
function propertyPrinter(io: CliIo, json: boolean): (out: PropertyOutcome) => void {
  return (out) => {
    if (json) return;
    io.stdout(
      `${out.holds ? 'holds   ' : 'VIOLATED'} ${out.id} [${out.kind}] (${out.runs} runs, max margin ${fmt(out.maxMargin)}, ${out.seconds.toFixed(1)} s)\n`,
    );
    if (out.detail && out.kind === 'claim') io.stdout(`  ${out.detail}\n`);
    if (!out.holds) {
      io.stdout(`  counterexample: ${JSON.stringify(out.counterexample)}\n`);
      io.stdout(`  measured ${fmt(out.measured)} > bound ${fmt(out.bound)}${out.error ? ` (error: ${out.error})` : ''}\n`);
      io.stdout(`  replay: seed ${out.seed}, path "${out.path}"\n`);
      if (out.shrinkStopped)
        io.stdout('  shrinking stopped at its time bound (--shrink-seconds): a failing run, perhaps not the smallest\n');
    }
  };
}

/** The command-line flags that name the audit's files and what their replay commands repeat. */
interface AuditFileFlags {
  readonly report?: string;
  readonly html?: string;
  readonly junit?: string;
  readonly estimator?: string;
  readonly links?: LinkName[];
  readonly rates?: string;
  readonly constants?: boolean;
}

/** The files the audit's options ask for: --report (markdown, its figures beside it), --html,
 *  --junit. */
async function writeAuditFiles(o: AuditFileFlags, name: string, run: AuditRun): Promise<void> {
  const { outcome, outcomes, profile } = run;
  const { countCalibrated, seconds, exponents, skipped } = outcome;
  const reportOptions = { exponents, skipped, countCalibrated, ...(o.links ? { links: o.links } : {}) };
  const svgs =
    o.report || o.html ? await renderRateFigures(outcomes.flatMap((x) => (x.figure ? [x.figure] : []))) : new Map<string, string>();
  if (o.report) {
    const figureFiles = new Map<string, string>();
    const stem = basename(o.report).replace(/\.md$/i, '');
    for (const [id, svg] of svgs) {
      const file = `${stem}-${id}.svg`;
      writeTextAtomic(join(dirname(o.report), file), `${svg}\n`);
      figureFiles.set(id, file);
    }
    writeTextAtomic(o.report, auditMarkdown(name, profile, outcomes, seconds, { ...reportOptions, figureFiles }));
  }
  if (o.html) writeTextAtomic(o.html, auditHtml(name, profile, outcomes, seconds, svgs, reportOptions));
  if (o.junit) {
    const flags = [
      ...(o.links ? [`--links ${o.links.join(',')}`] : []),
      ...(o.rates ? [`--rates ${o.rates}`] : []),
      ...(o.constants ? ['--constants'] : []),
    ];
    writeTextAtomic(
      o.junit,
      auditJunit(outcomes, {
        estimator: name,
        isCommand: o.estimator === undefined,
        profile: outcome.profile,
        seed: outcome.seed,
        skipped,
        countCalibrated,
        flags,
      }),
    );
  }
}

/** `audit`: run the property battery against an estimator. Exit 0 all hold, 1 some violated. */
export function auditCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('audit')
    .description(
      "run the property battery against an estimator: the claim's rates in eps, sigma, n and d, the calibrated error bound, and hygiene (exact recovery, determinism, invariances)",
    )
    .option('--estimator <NAME|PATH>', `a method (${METHOD_NAMES.join(', ')}) or a module exporting fit(data, options) => w`)
    .option(
      '--estimator-cmd <COMMAND>',
      'an estimator in any language: COMMAND, started once through the shell, answers fits on stdin/stdout (the estimator-process protocol, docs/estimators.md)',
    )
    .option(
      '--fit-timeout <S>',
      `seconds an --estimator-cmd process has for one fit (default ${DEFAULT_FIT_TIMEOUT})`,
      parseNumber('--fit-timeout'),
    )
    .option('--profile <NAME>', 'quick or deep', 'quick')
    .option('--seed <K>', 'fast-check seed (default: fixed for quick, time-based for deep)', parseInteger('--seed'))
    .option('--json', 'print one JSON object')
    .option(
      '--report <FILE>',
      "also write a markdown report (each rate experiment's figure beside it, as <FILE without .md>-<property>.svg)",
    )
    .option('--html <FILE>', "also write one self-contained HTML page: the verdict, the properties, each rate experiment's figure")
    .option('--junit <FILE>', 'also write a JUnit XML report: one test case per property (CI test views show it natively)')
    .option('--workers <N>', 'worker threads the runs are spread over (default: the cores; 0 = this thread)', parseInteger('--workers'))
    .option('--rates <LIST>', "the claim's exponents under test, e.g. eps=0.5,sigma=1,n=-0.5,d=0 (the default: the paper's)")
    .option('--links <LIST>', `links the estimator is made for (default: ${CLAIM_LINKS.join(',')})`, parseList('--links'))
    .option('--skip <ID>', `leave out a property (repeatable or comma-separated): ${batteryIds().join(', ')}`, parseList('--skip'))
    .option(
      '--constants',
      "also count the calibrated bound (P1: the shipped solver's constant x 1.5) in the verdict: a regression check for an estimator meant to match it",
    )
    .option('--journal <FILE>', 'journal finished runs to FILE (JSON lines); a killed audit started again with the same FILE resumes')
    .option(
      '--shrink-seconds <S>',
      `seconds a failure's shrinking may take; past them the smallest failing run found so far is reported (default ${DEFAULT_SHRINK_SECONDS})`,
      parseNumber('--shrink-seconds'),
    )
    .action(async (o) => {
      const onProperty = propertyPrinter(io, Boolean(o.json));
      if ((o.estimator === undefined) === (o.estimatorCmd === undefined))
        throw new InputError('give exactly one of --estimator NAME|PATH and --estimator-cmd COMMAND');
      const estimator = o.estimator ?? { command: o.estimatorCmd, fitTimeout: o.fitTimeout };
      const name: string = o.estimator ?? o.estimatorCmd;
      const run = await runAudit(estimator, {
        profile: o.profile,
        seed: o.seed,
        workers: o.workers,
        rates: o.rates,
        links: o.links,
        skip: o.skip,
        constants: Boolean(o.constants),
        journal: o.journal,
        onProperty,
        progress: { tty: Boolean(process.stderr.isTTY) && !o.json, write: io.stderr },
        shrinkSeconds: o.shrinkSeconds,
      });
      const { outcome, outcomes } = run;
      const { holds, countCalibrated, seconds, skipped } = outcome;
      if (o.json) io.stdout(`${toJson(outcome)}\n`);
      else {
        io.stdout(`${verdictLine(outcomes, countCalibrated)}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}\n`);
        io.stdout(`${holds ? 'the audit passes' : 'the audit fails'} (${seconds.toFixed(1)} s)\n`);
        io.stdout(`${outcome.falseAlarm}\n`);
      }
      await writeAuditFiles(o, name, run);
      setExit(holds ? EXIT.ok : EXIT.violated);
    });
}
