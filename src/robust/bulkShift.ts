/**
 * The shift subtracted from a spiked second moment a I + b v v^T before its top eigenvector is
 * sought: its mean eigenvalue trace / d. Power iteration (the filter) then converges at rate
 * 1/(d - 1) instead of a/(a + b). Lanczos (the spectral start's final direction) spans the
 * same Krylov space whatever the shift, but its stop (the top Ritz value changing by a
 * relative amount) then measures the spike against its separation from the bulk. In d = 2 the
 * mean sits exactly between the two eigenvalues (shifted power iteration cannot separate them,
 * seen: cos(w0, w*) = 0 at d = 2), so there is no shift below d = 3.
 */
export function bulkShift(trace: number, d: number): number {
  return d >= 3 ? trace / d : 0;
}
