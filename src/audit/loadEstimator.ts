import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { estimator, isMethodName, METHOD_NAMES } from '../solver/methods.js';
import type { AuditedFit } from './battery.js';
import { type CommandSpec, threadProcessFit } from '../estimatorProcess/threadProcesses.js';

/** What a worker thread loads an estimator from: a method name, a module path, or a command
 *  (the estimator-process protocol: the thread starts its own process). */
export type EstimatorSpec = string | CommandSpec;

/** A built-in method, a module exporting `fit(data, options) => w` (or a default function), or
 *  an estimator process of this thread for a command. */
export async function loadEstimator(spec: EstimatorSpec): Promise<AuditedFit> {
  if (typeof spec !== 'string') return threadProcessFit(spec);
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
