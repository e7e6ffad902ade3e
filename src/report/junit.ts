import * as junitModule from 'junit-report-builder';
import type { Builder } from 'junit-report-builder';

// The package is CommonJS whose module.exports is the builder; its types declare it as `default`.
const builder = ((junitModule as { default?: unknown }).default ?? junitModule) as Builder;

/** One test case of a JUnit report: passed, failed (message and body), or skipped (reason). */
export interface JUnitCase {
  /** Dotted group the CI's test view files the case under, e.g. `sim-audit.audit.claim`. */
  readonly classname: string;
  readonly name: string;
  readonly seconds: number;
  readonly failure?: { readonly message: string; readonly details: string };
  readonly skipped?: string;
  /** Shown beside a passing (or skipped) case: what was measured. */
  readonly output?: string;
}

/**
 * A JUnit XML report (the format GitHub Actions, GitLab and Jenkins show natively) with one test
 * suite named `suite` holding `cases`, built by junit-report-builder. A skipped case's reason
 * goes in its system-out, which the format gives no attribute for.
 */
export function junitXml(suite: string, cases: readonly JUnitCase[]): string {
  const report = builder.newBuilder();
  const s = report.testSuite().name(suite);
  for (const c of cases) {
    const t = s
      .testCase()
      .className(c.classname)
      .name(c.name)
      .time(Math.round(c.seconds * 1000) / 1000);
    if (c.failure) t.failure(c.failure.message, 'violated').stacktrace(c.failure.details);
    else if (c.skipped !== undefined) t.skipped();
    const out = [c.skipped, c.output].filter((x) => x !== undefined && x !== '').join('\n');
    if (out) t.standardOutput(out);
  }
  return report.build();
}
