import { generateInstance, type Instance } from '../../src/instance/instance.js';
import type { AdversaryName } from '../../src/adversaries/index.js';
import type { LinkName } from '../../src/model/links.js';
import { getLink } from '../../src/model/links.js';

/** One corrupted instance of `adversary` (d = 6, n = 400, eps 0.1, student-t:3, sigma 0.2),
 *  with helpers to read rows. */
export function corruptedCase(adversary: AdversaryName, link: LinkName = 'gelu', seed = 4) {
  const inst: Instance = generateInstance({ d: 6, n: 400, norm: 1.5, link, noise: 'student-t:3', sigma: 0.2, eps: 0.1, adversary, seed });
  const { d } = inst.sample;
  const dot = (x: Float64Array, i: number, w: ArrayLike<number>): number => {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j] * w[j];
    return s;
  };
  const corrupted = new Set(inst.corrupted);
  const untouched = (): boolean => {
    for (let i = 0; i < inst.sample.n; i++) {
      if (corrupted.has(i)) continue;
      if (inst.sample.y[i] !== inst.clean.y[i]) return false;
      for (let j = 0; j < d; j++) if (inst.sample.x[i * d + j] !== inst.clean.x[i * d + j]) return false;
    }
    return true;
  };
  return { inst, phi: getLink(link).phi, dot, corrupted, untouched };
}
