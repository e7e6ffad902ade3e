import type { GmmSample, PreluNet } from './model.js';
import { netOutput, neuronNorms } from './model.js';
import { minimalFlip } from './attack.js';

/**
 * The optimal l2 robustness radius for the orthonormal mixture in the small-noise limit: two
 * centers of opposite classes are sqrt(2) apart, so no accurate classifier survives attacks of
 * radius beyond sqrt(2)/2 at points near the centers, and the nearest-center rule reaches it
 * up to the O(alpha) spread of the points (our derivation; the paper characterizes it too).
 */
export const OPTIMAL_RADIUS = Math.SQRT2 / 2;

/** Robust radii (minimal flips found; 0 for a misclassified point, which needs no attack) and
 *  accuracy of `net` on the test points. */
export function robustness(net: PreluNet, test: GmmSample, K1: number): { radii: number[]; accuracy: number } {
  const { n, D } = test;
  const radii: number[] = [];
  let correct = 0;
  const norms = neuronNorms(net);
  for (let i = 0; i < n; i++) {
    const x = test.x.slice(i * D, (i + 1) * D);
    if (Math.sign(netOutput(net, x, 0, undefined, norms)) !== test.y[i]) {
      radii.push(0);
      continue;
    }
    correct++;
    // start the attack towards the first center of the other class
    const hint = new Float64Array(D);
    hint[test.y[i] > 0 ? K1 : 0] = 1;
    for (let j = 0; j < D; j++) hint[j] -= x[j];
    radii.push(minimalFlip(net, x, hint, norms));
  }
  return { radii, accuracy: correct / n };
}
