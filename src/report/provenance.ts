import { execFileSync } from 'node:child_process';
import { CODE_PARTS, REPO_ROOT as ROOT } from '../sweep/fingerprint.js';

let cached: string | null | undefined;

function git(args: readonly string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * The commit whose code is writing a report: HEAD's hash, with `+uncommitted` when the code
 * (src/, reproductions/, assembly/, package-lock.json) differs from it; undefined outside a git
 * checkout (an installed package). Read once per process.
 */
export function codeCommit(): string | undefined {
  if (cached !== undefined) return cached ?? undefined;
  try {
    const head = git(['rev-parse', '--short=12', 'HEAD']);
    const changed = git(['status', '--porcelain', '--', ...CODE_PARTS]) !== '';
    cached = changed ? `${head}+uncommitted` : head;
  } catch {
    cached = null;
  }
  return cached ?? undefined;
}

/**
 * Whether commit `ancestor` is in the history of `commit` (git merge-base --is-ancestor):
 * true or false, or undefined when git cannot say (no checkout, an unknown commit).
 */
export function isAncestor(ancestor: string, commit: string): boolean | undefined {
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', ancestor, commit.replace(/\+uncommitted$/, '')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    return true;
  } catch (e) {
    // exit 1: not an ancestor; anything else: git could not answer
    return (e as { status?: number }).status === 1 ? false : undefined;
  }
}
