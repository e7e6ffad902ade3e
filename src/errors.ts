/**
 * Bad input from the user (a malformed file, NaN, eps >= 0.5, n < d + 1, an unknown name).
 * The CLI turns it into exit code 2 and one line naming the problem. It extends RangeError
 * so library callers can keep catching RangeError.
 */
export class InputError extends RangeError {
  override readonly name = 'InputError';
}
