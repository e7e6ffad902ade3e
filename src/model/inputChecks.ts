import { InputError } from '../errors.js';

/** Throws an InputError unless eps is in [0, 0.5); `name` is how the user wrote it (`--eps`). */
export function checkEps(eps: number, name = 'eps'): void {
  if (!(eps >= 0 && eps < 0.5)) throw new InputError(`${name} must be in [0, 0.5), got ${eps}`);
}

/** Throws an InputError unless sigma is a finite number >= 0. */
export function checkSigma(sigma: number): void {
  if (!(Number.isFinite(sigma) && sigma >= 0)) throw new InputError(`sigma must be a finite number >= 0, got ${sigma}`);
}
