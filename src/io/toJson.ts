/**
 * JSON.stringify for outputs: a non-finite number would print null or NaN, so it is refused;
 * typed arrays print as arrays. `indent` as JSON.stringify's space argument.
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`refusing to print a non-finite number at "${key}"`);
      if (v instanceof Float64Array || v instanceof Int32Array) return Array.from(v);
      return v;
    },
    indent,
  );
}
