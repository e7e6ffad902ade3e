import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE_STARTS, SHRINK_BUDGET, searchAttack } from '../../src/adversaries/search.js';
import { applyFamily, FAMILY_DIMENSION, familySetting, paramsFromVector, vectorFromParams } from '../../src/adversaries/searchFamily.js';
import type { AuditedFit } from '../../src/solver/callFit.js';
import { generateInstance } from '../../src/instance/instance.js';
import { getLink } from '../../src/model/links.js';
import { namedStream } from '../../src/rng/streams.js';
import { estimator } from '../../src/solver/methods.js';
import { codeJournal } from '../../src/sweep/journal.js';
import { writeSampleCsv } from '../../src/io/writeCsv.js';
import { cli } from '../cli/runCli.js';
import { findPython } from '../pythonFinder.js';

const python = findPython(['numpy']);

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inst = generateInstance({ d: 5, n: 600, norm: 1, link: 'linear', noise: 'gaussian', sigma: 0.1, eps: 0, adversary: 'none', seed: 2 });
const fitOf = (method: 'plain' | 'robust'): AuditedFit => {
  const e = estimator(method);
  return (data, o) => e(data, o).w;
};
const options = { link: 'linear' as const, eps: 0.05, budget: 30, seed: 1 };

describe('the corruption family', () => {
  it('replaces exactly the m rows it names, leaves the others, keeps every row finite; the parameter map inverts', () => {
    const setting = familySetting(inst.sample, inst.wstar, getLink('linear'), inst.wstar, namedStream(1, 'family'));
    for (const s of CATALOGUE_STARTS) {
      const { sample, corrupted } = applyFamily(setting, s.params, 30);
      expect(corrupted).toHaveLength(30);
      const replaced = new Set(corrupted);
      for (let i = 0; i < sample.n; i++) {
        if (!replaced.has(i)) expect(sample.y[i]).toBe(inst.sample.y[i]);
        expect(Number.isFinite(sample.y[i])).toBe(true);
      }
      expect(sample.x.every(Number.isFinite)).toBe(true);
    }
    const z = Array.from({ length: FAMILY_DIMENSION }, (_, k) => Math.sin(k + 1));
    for (const [k, v] of vectorFromParams(paramsFromVector(z)).entries()) expect(v).toBeCloseTo(z[k], 6);
    expect(() => applyFamily(setting, CATALOGUE_STARTS[0].params, 601)).toThrow(/rows to replace/);
  });
});

describe("the family's covariance shift", () => {
  it('replaces the rows of largest leverage along u and aims each one gradient component along u at the set target', () => {
    const gelu = getLink('gelu');
    const g = generateInstance({ d: 6, n: 800, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.1, eps: 0, adversary: 'none', seed: 5 });
    const answer = Float64Array.from(g.wstar, (t, j) => t + 0.01 * (j + 1)); // a clean answer near w*
    const setting = familySetting(g.sample, g.wstar, gelu, answer, namedStream(2, 'family'));
    const u = setting.basis[2];
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, t, j) => s + t * b[j], 0);
    // basis 2 is orthogonal to the clean answer and to w*, as the catalogue's u
    expect(Math.abs(dot(u, setting.basis[0]))).toBeLessThan(1e-12);
    expect(Math.abs(dot(u, setting.basis[1]))).toBeLessThan(1e-12);
    const start = CATALOGUE_STARTS.find((s) => s.name === 'covariance-shift')!.params;
    const exact = { ...start, scale: 0, spread: 0 };
    const m = 40;
    const { sample, corrupted } = applyFamily(setting, exact, m);
    const { n, d, x, y } = g.sample;
    const row = (i: number) => x.subarray(i * d, i * d + d);
    const leverage = Array.from({ length: n }, (_, i) => Math.abs(gelu.dphi(dot(row(i), answer)) * dot(row(i), u)));
    const top = [...leverage.keys()]
      .sort((a, b) => leverage[b] - leverage[a])
      .slice(0, m)
      .sort((a, b) => a - b);
    expect(Array.from(corrupted)).toEqual(top);
    // the clean gradients' spread along u, and each replaced row's component on target
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (2 * (gelu.phi(dot(row(i), answer)) - y[i]) * gelu.dphi(dot(row(i), answer)) * dot(row(i), u)) ** 2;
    const target = Math.sqrt(ss / n) / Math.sqrt(m / n);
    for (const i of corrupted) {
      const z = dot(row(i), answer);
      expect(2 * (gelu.phi(z) - sample.y[i]) * gelu.dphi(z) * dot(row(i), u)).toBeCloseTo(target, 8);
      expect(Array.from(sample.x.subarray(i * d, i * d + d))).toEqual(Array.from(row(i))); // covariates kept
    }
  });
});

describe('searchAttack', () => {
  it('breaks least squares and shrinks the attack to fewer rows that still break it; deterministic given the seed', () => {
    const r = searchAttack(fitOf('plain'), inst.sample, inst.wstar, options);
    expect(r.rows).toBe(30);
    expect(r.best.error).toBeGreaterThan(r.threshold);
    expect(r.shrunk).toBeDefined();
    expect(r.shrunk!.m).toBeLessThanOrEqual(r.rows);
    expect(r.shrunk!.error).toBeGreaterThan(r.threshold);
    expect(r.evaluations.length).toBeLessThanOrEqual(options.budget + SHRINK_BUDGET);
    const again = searchAttack(fitOf('plain'), inst.sample, inst.wstar, options);
    expect(again.evaluations.map((e) => e.error)).toEqual(r.evaluations.map((e) => e.error));
  }, 60000);

  it('a journaled search resumes: a second run replays every evaluation without fitting', () => {
    const file = join(dir, 'search.jsonl');
    let fits = 0;
    const counted: AuditedFit = (data, o) => {
      fits++;
      return fitOf('plain')(data, o);
    };
    const first = codeJournal(file);
    const a = searchAttack(counted, inst.sample, inst.wstar, { ...options, journal: first });
    first.close();
    const before = fits;
    const second = codeJournal(file);
    const b = searchAttack(counted, inst.sample, inst.wstar, { ...options, journal: second });
    second.close();
    expect(fits - before).toBe(1); // only the clean fit, which the basis needs
    expect(b.best).toEqual(a.best);
  }, 60000);

  it('attack --adversary search writes the corrupted sample, its rows and the search; bad options exit 2', async () => {
    const data = join(dir, 'clean.csv'),
      w = join(dir, 'w.json'),
      out = join(dir, 'bad.csv');
    writeSampleCsv(data, inst.sample);
    writeFileSync(w, JSON.stringify(Array.from(inst.wstar)));
    const base = ['attack', '--data', data, '--wstar', w, '--link', 'linear', '--eps', '0.05', '--out', out];
    const r = await cli(...base, '--adversary', 'search', '--estimator', 'plain', '--budget', '20');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/breaks it with \d+ rows/);
    expect(r.out).toMatch(/replay: sim-audit attack --adversary search --estimator plain/);
    for (const f of ['bad.csv', 'bad.rows.json', 'bad.search.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(existsSync(join(dir, 'bad.search.jsonl'))).toBe(false); // the journal goes once the search is written
    const s = JSON.parse(readFileSync(join(dir, 'bad.search.json'), 'utf8'));
    expect(s.evaluations.length).toBeGreaterThanOrEqual(20);
    expect(s.shrunk.error).toBeGreaterThan(s.threshold);
    expect((await cli(...base, '--adversary', 'search')).err).toMatch(/exactly one of --estimator/);
    expect((await cli(...base, '--adversary', 'leverage', '--budget', '5')).err).toMatch(/go with --adversary search/);
    expect((await cli(...base, '--adversary', 'search', '--estimator', 'plain', '--budget', '3')).err).toMatch(
      /--budget must be an integer >= 9/,
    );
  }, 60000);

  it.skipIf(!python)(
    'attack --adversary search --estimator-cmd attacks an estimator in another process (needs python3 with numpy)',
    async () => {
      const data = join(dir, 'clean2.csv'),
        w = join(dir, 'w2.json'),
        out = join(dir, 'bad2.npy');
      writeSampleCsv(data, inst.sample);
      writeFileSync(w, JSON.stringify(Array.from(inst.wstar)));
      const r = await cli(
        'attack',
        '--adversary',
        'search',
        '--estimator-cmd',
        `${python} examples/python/least_squares.py`,
        '--data',
        data,
        '--wstar',
        w,
        '--link',
        'linear',
        '--eps',
        '0.05',
        '--budget',
        '12',
        '--out',
        out,
      );
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/breaks it with \d+ rows/); // least squares: one leverage row is enough
      const s = JSON.parse(readFileSync(join(dir, 'bad2.search.json'), 'utf8'));
      expect(s.estimator).toMatch(/least_squares\.py$/);
      expect(existsSync(out)).toBe(true); // the corrupted sample as .npy
    },
    60000,
  );
});
