import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { describeFsError } from './describeFsError.js';

const finite = z.number().refine(Number.isFinite, 'not a finite number');
const weightsSchema = z.union([z.array(finite).min(1), z.object({ w: z.array(finite).min(1) }).loose()]);

/**
 * Read w from a JSON file: an array of numbers, or an object with a `w` array (what
 * `sim-audit fit --json` prints) or a `wstar` array (what `simulate` writes to truth.json).
 * Checked with zod; throws an InputError naming the problem.
 */
export function readWeights(path: string): Float64Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${path} is not valid JSON`);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && 'wstar' in json && !('w' in json)) {
    json = { w: (json as { wstar: unknown }).wstar };
  }
  const parsed = weightsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${path}: expected a JSON array of numbers or an object with a "w" array (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  return Float64Array.from(Array.isArray(parsed.data) ? parsed.data : parsed.data.w);
}
