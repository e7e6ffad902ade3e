/**
 * The shift for power iteration on a spiked second moment a I + b v v^T: its mean eigenvalue
 * trace / d, so the spike converges at rate 1/(d - 1) instead of a/(a + b). In d = 2 the
 * mean sits exactly between the two eigenvalues and shifted power iteration cannot separate
 * them (seen: cos(w0, w*) = 0 at d = 2), so there is no shift below d = 3.
 */
export function bulkShift(trace: number, d: number): number {
  return d >= 3 ? trace / d : 0;
}
