import { CLAIM_LINKS } from './arbitraries.js';
import { inVerdict, rateDesign, type PropertyKind } from './battery.js';
import { RATES } from './bounds.js';
import type { Profile } from './profile.js';
import { PAPER_EXPONENTS, type ClaimExponents } from './rates.js';
import type { PropertyOutcome } from './runBattery.js';
import type { LinkName } from '../model/links.js';
import { fmt as formatNumber } from '../io/formatNumber.js';
import { markdownTable } from '../report/markdownTable.js';
import { machineLine, runSection } from '../report/writeReport.js';

/** A margin or measurement as the reports print numbers (src/report/claim.ts), '-' when absent. */
export function fmt(v: number | undefined): string {
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
    `False alarms: each run of a claim property (the four rates' one-sided t tests, the breakdown count's binomial test) is at probability ${design.alpha.toPrecision(2)} (${RATES.runs[profile.name]} run(s) per property, ${design.seedsPerPoint} seeds per point), ` +
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
  opts: {
    exponents?: ClaimExponents;
    skipped?: readonly string[];
    links?: readonly LinkName[];
    countCalibrated?: boolean;
    /** Property id -> the file (relative to the report) holding its rate figure. */
    figureFiles?: ReadonlyMap<string, string>;
  } = {},
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
  const details = outcomes
    .filter((o) => o.detail)
    .flatMap((o) => {
      const file = opts.figureFiles?.get(o.id);
      return file && o.figure ? [`- ${o.id}: ${o.detail}`, '', `  ![${o.figure.title}](${file})`, ''] : [`- ${o.id}: ${o.detail}`];
    });
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
        ...(o.shrinkStopped ? ['- shrinking stopped at its time bound (`--shrink-seconds`): a failing run, perhaps not the smallest'] : []),
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
