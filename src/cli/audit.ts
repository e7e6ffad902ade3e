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
import { auditBattery, batteryIds, inVerdict, rateDesign, type BatteryOptions, type PropertyKind } from '../audit/battery.js';
import { parseExponents, PAPER_EXPONENTS, type ClaimExponents } from '../audit/rates.js';
import { CLAIM_LINKS } from '../audit/arbitraries.js';
import { RATES } from '../audit/bounds.js';
import { getLink, type LinkName } from '../model/links.js';
import type { Profile } from '../audit/profile.js';
import { runBattery, type PropertyOutcome } from '../audit/runBattery.js';
import { profileFromEnv } from '../audit/profile.js';
import { markdownTable } from '../report/markdownTable.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { machineLine, runSection } from '../report/writeReport.js';
import { fmt as formatNumber } from '../report/claim.js';
import { EXIT } from '../exitCodes.js';
import type { CliIo } from './io.js';

export { loadEstimator };
import { parseInteger } from './parse.js';
import { toJson } from '../io/toJson.js';

/** A margin or measurement as the reports print numbers (src/report/claim.ts), '-' when absent. */
function fmt(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '-' : formatNumber(v);
}

const KIND_TITLES: Record<PropertyKind, string> = {
  claim: "The claim's form (rates; thresholds derived at an explicit false-alarm probability)",
  calibrated:
    "Calibrated bound (a regression check against the shipped solver's constant, not a test of the claim; in the verdict only with --constants)",
  hygiene: 'Hygiene (determinism and invariances; must hold on every run)',
};

/** What the audit says of its own size: the false-alarm probability it is built for. */
export function sizeStatement(profile: Profile, exponents: ClaimExponents, countCalibrated = false): string {
  const design = rateDesign(profile, exponents);
  return (
    `False alarms: each rate run is a one-sided t test at probability ${design.alpha.toPrecision(2)} (${RATES.runs[profile.name]} run(s) per rate property, ${design.seedsPerPoint} seeds per point), ` +
    `so the audit is built to fail an estimator that meets the claim with probability at most ${(RATES.auditFalseAlarm * RATES.rateShare * 100).toPrecision(2)}%. ` +
    `Hygiene properties (determinism, invariances) are outside that budget: they must hold on every run. ` +
    (countCalibrated
      ? `With --constants the calibrated bound (P1) also counts; it holds the estimator to the shipped solver's constant, and its false-alarm rate is measured (reports/audit-power.md), not derived.`
      : `The calibrated bound (P1) is reported but not in the verdict (--constants counts it).`)
  );
}

/** The audit's verdict from its outcomes: claim and hygiene, and calibrated with --constants. */
export function auditVerdict(
  outcomes: readonly PropertyOutcome[],
  countCalibrated = false,
): { holds: boolean; claimHolds: boolean; hygieneHolds: boolean; calibratedHolds: boolean } {
  const kindHolds = (kind: PropertyKind): boolean => outcomes.filter((x) => x.kind === kind).every((x) => x.holds);
  return {
    holds: outcomes.filter((x) => inVerdict(x.kind, countCalibrated)).every((x) => x.holds),
    claimHolds: kindHolds('claim'),
    hygieneHolds: kindHolds('hygiene'),
    calibratedHolds: kindHolds('calibrated'),
  };
}

/** One line of the verdict: each kind's result, the calibrated one marked when outside it. */
export function verdictLine(outcomes: readonly PropertyOutcome[], countCalibrated = false): string {
  const v = auditVerdict(outcomes, countCalibrated);
  const word = (b: boolean): string => (b ? 'holds' : 'VIOLATED');
  const hasCalibrated = outcomes.some((x) => x.kind === 'calibrated');
  return (
    `claim: ${word(v.claimHolds)}; hygiene: ${word(v.hygieneHolds)}` +
    (hasCalibrated ? `; calibrated${countCalibrated ? '' : ' (not in the verdict)'}: ${word(v.calibratedHolds)}` : '')
  );
}

/** The audit's markdown report. */
export function auditMarkdown(
  name: string,
  profile: Profile,
  outcomes: readonly PropertyOutcome[],
  seconds: number,
  opts: { exponents?: ClaimExponents; skipped?: readonly string[]; links?: readonly LinkName[]; countCalibrated?: boolean } = {},
): string {
  const exponents = opts.exponents ?? PAPER_EXPONENTS;
  const section = (kind: PropertyKind): string[] => {
    const rows = outcomes
      .filter((o) => o.kind === kind)
      .map((o) => [o.id, o.statement, o.holds ? 'holds' : 'VIOLATED', String(o.runs), fmt(o.maxMargin), fmt(o.medianMargin)]);
    return rows.length
      ? [
          `## ${KIND_TITLES[kind]}`,
          '',
          markdownTable(['property', 'statement', 'verdict', 'runs', 'max margin', 'median margin'], rows),
          '',
        ]
      : [];
  };
  const details = outcomes.filter((o) => o.detail).map((o) => `- ${o.id}: ${o.detail}`);
  const failures = outcomes
    .filter((o) => !o.holds)
    .map((o) =>
      [
        `### ${o.id}`,
        '',
        o.statement,
        '',
        `- counterexample: \`${JSON.stringify(o.counterexample)}\``,
        `- measured ${fmt(o.measured)} against bound ${fmt(o.bound)}${o.error ? `; error: ${o.error}` : ''}`,
        `- replay: \`fc.assert(property, { seed: ${o.seed}, path: "${o.path}" })\`, or \`sim-audit audit --estimator ${name} --profile ${profile.name} --seed ${o.seed}\``,
        '',
      ].join('\n'),
    );
  return [
    `# Audit of \`${name}\``,
    '',
    `Profile ${profile.name}, seed ${profile.seed}. Claim under test: error ~ eps^${exponents.eps}, sigma^${exponents.sigma}, (n/d)^${exponents.n}, d^${exponents.d}. Links: ${(opts.links ?? CLAIM_LINKS).join(', ')}. Margin = measured / bound (above 1 violates; for a rate, the t statistic over its critical value).`,
    '',
    `Verdict: ${verdictLine(outcomes, opts.countCalibrated ?? false)}.`,
    '',
    sizeStatement(profile, exponents, opts.countCalibrated ?? false),
    '',
    ...section('claim'),
    ...section('calibrated'),
    ...section('hygiene'),
    ...(opts.skipped?.length ? [`Skipped (--skip): ${opts.skipped.join(', ')}.`, ''] : []),
    ...(details.length ? ['## Rate experiments', '', ...details, ''] : []),
    `The bounds and how each constant was derived or calibrated: \`src/audit/bounds.ts\`.`,
    '',
    ...(failures.length ? ['## Counterexamples', '', ...failures] : []),
    runSection(seconds, machineLine(), outcomes.map((o) => `${o.id} ${o.seconds.toFixed(1)} s`).join(', ')),
  ].join('\n');
}

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

/** `audit`: run the property battery against an estimator. Exit 0 all hold, 1 some violated. */
export function auditCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('audit')
    .description(
      "run the property battery against an estimator: the claim's rates in eps, sigma, n and d, the calibrated error bound, and hygiene (exact recovery, determinism, invariances)",
    )
    .requiredOption('--estimator <NAME|PATH>', `a method (${METHOD_NAMES.join(', ')}) or a module exporting fit(data, options) => w`)
    .option('--profile <NAME>', 'quick or deep', 'quick')
    .option('--seed <K>', 'fast-check seed (default: fixed for quick, time-based for deep)', parseInteger('--seed'))
    .option('--json', 'print one JSON object')
    .option('--report <FILE>', 'also write a markdown report')
    .option('--workers <N>', 'worker threads the runs are spread over (default: the cores; 0 = this thread)', parseInteger('--workers'))
    .option('--rates <LIST>', "the claim's exponents under test, e.g. eps=0.5,sigma=1,n=-0.5,d=0 (the default: the paper's)")
    .option('--links <LIST>', `links the estimator is made for (default: ${CLAIM_LINKS.join(',')})`, parseList('--links'))
    .option('--skip <ID>', `leave out a property (repeatable or comma-separated): ${batteryIds().join(', ')}`, parseList('--skip'))
    .option(
      '--constants',
      "also count the calibrated bound (P1: the shipped solver's constant x 1.5) in the verdict: a regression check for an estimator meant to match it",
    )
    .option('--journal <FILE>', 'journal finished runs to FILE (JSON lines); a killed audit started again with the same FILE resumes')
    .action(async (o) => {
      if (o.profile !== 'quick' && o.profile !== 'deep') throw new InputError(`--profile must be quick or deep, got "${o.profile}"`);
      if (o.workers !== undefined && !(o.workers >= 0)) throw new InputError(`--workers must be an integer >= 0, got ${o.workers}`);
      const exponents = o.rates === undefined ? PAPER_EXPONENTS : parseExponents(o.rates);
      const links: LinkName[] | undefined = o.links;
      const evenLinks = (links ?? []).filter((l) => getLink(l).even);
      if (evenLinks.length)
        throw new InputError(
          `--links: ${evenLinks.join(', ')} ${evenLinks.length > 1 ? 'are' : 'is'} even (the sign of w* is not identifiable), outside the claim; use ${CLAIM_LINKS.join(', ')}`,
        );
      const skip: string[] = o.skip ?? [];
      const ids = batteryIds();
      for (const id of skip) if (!ids.includes(id)) throw new InputError(`--skip: unknown property "${id}" (known: ${ids.join(', ')})`);
      if (ids.every((id) => skip.includes(id))) throw new InputError('--skip leaves no property to run');
      const fit = await loadEstimator(o.estimator);
      const profile = profileFromEnv({ SIM_AUDIT_PROFILE: o.profile, SIM_AUDIT_SEED: o.seed === undefined ? undefined : String(o.seed) });
      const workers: number = o.workers ?? availableParallelism();
      const options: BatteryOptions = { exponents, ...(links ? { links } : {}), skip };
      const started = performance.now();
      const onDone = (out: PropertyOutcome): void => {
        if (!o.json)
          io.stdout(
            `${out.holds ? 'holds   ' : 'VIOLATED'} ${out.id} [${out.kind}] (${out.runs} runs, max margin ${fmt(out.maxMargin)}, ${out.seconds.toFixed(1)} s)\n`,
          );
        if (!o.json && out.detail && out.kind === 'claim') io.stdout(`  ${out.detail}\n`);
        if (!o.json && !out.holds) {
          io.stdout(`  counterexample: ${JSON.stringify(out.counterexample)}\n`);
          io.stdout(`  measured ${fmt(out.measured)} > bound ${fmt(out.bound)}${out.error ? ` (error: ${out.error})` : ''}\n`);
          io.stdout(`  replay: seed ${out.seed}, path "${out.path}"\n`);
        }
      };
      let outcomes: PropertyOutcome[];
      if (workers === 0 && !o.journal) outcomes = runBattery(auditBattery(fit, { ...options, profile }), profile, onDone);
      else {
        // workers load the estimator themselves: a built-in name, or the module's absolute path
        const spec = isMethodName(o.estimator) ? o.estimator : resolve(o.estimator);
        const runner = createTaskRunner(workers);
        const journal = new Journal(o.journal ? resolve(o.journal) : null, [], codeFingerprint());
        const progress = createProgress({ tty: Boolean(process.stderr.isTTY) && !o.json, write: io.stderr, label: 'runs' });
        try {
          const sweep = new Sweep({ runner, journal, onCount: (c) => progress.update('audit', c) });
          outcomes = await runBatteryOnSweep(auditBattery(fit, { ...options, profile }), profile, spec, sweep, onDone, options);
        } finally {
          progress.stop();
          journal.close();
          await runner.close();
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const countCalibrated = Boolean(o.constants);
      const { holds, claimHolds, hygieneHolds, calibratedHolds } = auditVerdict(outcomes, countCalibrated);
      if (o.json) {
        io.stdout(
          `${toJson({
            estimator: o.estimator,
            profile: profile.name,
            seed: profile.seed,
            holds,
            claimHolds,
            hygieneHolds,
            calibratedHolds,
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
          })}\n`,
        );
      } else {
        io.stdout(`${verdictLine(outcomes, countCalibrated)}${skip.length ? `; skipped: ${skip.join(', ')}` : ''}\n`);
        io.stdout(`${holds ? 'the audit passes' : 'the audit fails'} (${seconds.toFixed(1)} s)\n`);
        io.stdout(`${sizeStatement(profile, exponents, countCalibrated)}\n`);
      }
      if (o.report)
        writeTextAtomic(
          o.report,
          auditMarkdown(o.estimator, profile, outcomes, seconds, {
            exponents,
            skipped: skip,
            countCalibrated,
            ...(links ? { links } : {}),
          }),
        );
      setExit(holds ? EXIT.ok : EXIT.violated);
    });
}
