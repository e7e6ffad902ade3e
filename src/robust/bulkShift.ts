/**
 * The shift subtracted from a spiked second moment a I + b v v^T before its top eigenvector is
 * sought: its mean eigenvalue trace / d. It was made for power iteration (the spike then
 * converges at rate 1/(d - 1) instead of a/(a + b)); Lanczos's Krylov space does not depend on
 * it, but its stop (the top Ritz value changing by a relative amount) then measures the spike
 * against its separation from the bulk. In d = 2 the mean sits exactly between the two
 * eigenvalues (shifted power iteration could not separate them, seen: cos(w0, w*) = 0, and
 * the shifted top value is near 0, where a relative stop means nothing), so there is no shift
 * below d = 3.
 */
export function bulkShift(trace: number, d: number): number {
  return d >= 3 ? trace / d : 0;
}
