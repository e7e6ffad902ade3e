/**
 * Task results travel as JSON (journal lines, shard files). JSON drops what a result may hold
 * (NaN, +-Infinity, -0, Float64Array), so numbers and arrays are tagged on the way out and
 * restored on the way in. Every result, fresh or replayed, passes through both, so a report
 * sees the same values whether a task ran now, in another shard, or before a restart.
 */

const TAG = '$';

function encodeValue(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { [TAG]: 'NaN' };
    if (value === Infinity) return { [TAG]: 'Infinity' };
    if (value === -Infinity) return { [TAG]: '-Infinity' };
    if (Object.is(value, -0)) return { [TAG]: '-0' };
    return value;
  }
  if (value instanceof Float64Array) return { [TAG]: 'f64', v: Array.from(value) };
  if (value instanceof Int32Array) return { [TAG]: 'i32', v: Array.from(value) };
  if (value instanceof Map) return { [TAG]: 'map', v: Array.from(value.entries()) };
  return value;
}

function decodeValue(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && TAG in value) {
    const t = (value as Record<string, unknown>)[TAG];
    const v = (value as { v?: unknown }).v;
    switch (t) {
      case 'NaN':
        return NaN;
      case 'Infinity':
        return Infinity;
      case '-Infinity':
        return -Infinity;
      case '-0':
        return -0;
      case 'f64':
        return Float64Array.from(v as number[]);
      case 'i32':
        return Int32Array.from(v as number[]);
      case 'map':
        return new Map(v as [unknown, unknown][]);
      default:
        break;
    }
  }
  return value;
}

/** JSON text of a task result (or arguments), exact for every number. */
export function encode(value: unknown): string {
  // the replacer sees typed arrays and maps before JSON.stringify flattens them
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = key === '' ? v : (this as Record<string, unknown>)[key];
    return encodeValue(key, raw instanceof Float64Array || raw instanceof Int32Array || raw instanceof Map ? raw : v);
  });
}

/** The value `encode` wrote. */
export function decode<T = unknown>(text: string): T {
  return JSON.parse(text, decodeValue) as T;
}
