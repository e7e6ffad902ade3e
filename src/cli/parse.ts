import { InputError } from '../errors.js';
import { checkEps } from '../model/inputChecks.js';

/** A finite number from an option value, or an InputError naming the option. */
export function parseNumber(flag: string): (text: string) => number {
  return (text) => {
    const t = text.trim();
    const v = t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new InputError(`${flag} must be a finite number, got "${text}"`);
    return v;
  };
}

/** A safe integer (>= min) from an option value, or an InputError naming the option. */
export function parseInteger(flag: string, min = Number.MIN_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const v = parseNumber(flag)(text);
    if (!Number.isSafeInteger(v)) throw new InputError(`${flag} must be an integer, got "${text}"`);
    if (v < min) throw new InputError(`${flag} must be at least ${min}, got ${v}`);
    return v;
  };
}

/** eps in [0, 0.5). */
export function parseEps(text: string): number {
  const v = parseNumber('--eps')(text);
  checkEps(v, '--eps');
  return v;
}
