import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeCommit, isAncestor } from '../../src/report/provenance.js';

const inCheckout = (() => {
  try {
    execFileSync('git', ['rev-parse', 'HEAD'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the code that writes a report', () => {
  it.skipIf(!inCheckout)("names HEAD (with +uncommitted when the code differs from it), and reads git's history", () => {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const commit = codeCommit();
    expect(commit === head || commit === `${head}+uncommitted`).toBe(true);
    expect(isAncestor(head, head)).toBe(true);
    expect(isAncestor(head, `${head}+uncommitted`)).toBe(true);
    // the first commit is in HEAD's history, HEAD is not in the first commit's
    const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { encoding: 'utf8' }).trim().split('\n')[0]!;
    if (first !== execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()) expect(isAncestor(head, first)).toBe(false);
    expect(isAncestor('0000000000000000000000000000000000000bad', head)).toBeUndefined();
  });
});
