/**
 * Passes over a whole n x d matrix, counted by the code that makes them (the kernels gemv,
 * gemvT and rowSquaredNorms, and the few loops outside them that read every row), so the
 * benchmark can report what a fit costs in passes (B5) and how far its time is above the
 * floor those passes set (B6). One integer add per pass: free beside the pass itself.
 */
export const passCount = { passes: 0 };

/** Records one pass over a whole matrix. */
export function countPass(): void {
  passCount.passes++;
}

/** The passes `body` makes. */
export function countPasses(body: () => void): number {
  const before = passCount.passes;
  body();
  return passCount.passes - before;
}
