import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { estimator, isMethodName, METHOD_NAMES } from '../solver/methods.js';
import type { AuditedFit } from './battery.js';

/** A built-in method, or a module exporting `fit(data, options) => w` (or a default function). */
export async function loadEstimator(spec: string): Promise<AuditedFit> {
  if (isMethodName(spec)) {
    const e = estimator(spec);
    return (data, options) => e(data, options).w;
  }
  const path = resolve(spec);
  if (!existsSync(path)) throw new InputError(`unknown estimator "${spec}": not a method (${METHOD_NAMES.join(', ')}) nor a file`);
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(path).href);
  } catch (err) {
    throw new InputError(`cannot load ${spec}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  const candidate =
    mod.fit ?? (typeof mod.default === 'function' ? mod.default : (mod.default as Record<string, unknown> | undefined)?.fit);
  if (typeof candidate !== 'function') throw new InputError(`${spec} exports no function "fit" (expected fit(data, options) => w)`);
  return candidate as AuditedFit;
}
