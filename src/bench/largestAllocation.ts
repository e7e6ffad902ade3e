/**
 * The largest Float64Array (in entries) constructed while `f` runs: how the benchmark checks
 * that a fit at large d never forms a d x d matrix (that would be an array of d^2 entries;
 * the solver's own code makes no others, and ml-matrix is not on its path). It wraps the
 * global constructor for the duration of the call, so `new Float64Array(k)`,
 * `Float64Array.from` and `Float64Array.of` are all seen; views over existing buffers are
 * counted too, which can only overstate.
 */
export function largestFloat64Allocation(f: () => void): number {
  const original = globalThis.Float64Array;
  let largest = 0;
  globalThis.Float64Array = new Proxy(original, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget === globalThis.Float64Array ? target : newTarget) as Float64Array;
      if (made.length > largest) largest = made.length;
      return made;
    },
  });
  try {
    f();
  } finally {
    globalThis.Float64Array = original;
  }
  return largest;
}
