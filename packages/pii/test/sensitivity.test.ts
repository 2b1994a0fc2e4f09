import { describe, expect, it } from 'vitest';
import {
  parseFramework,
  parseUnitData,
  runSensitivity,
  saltelliPoint,
  sobolIndices,
} from '../src/index.js';
import { runSensitivityParallel } from '../src/parallel.js';
import { ASEM_CONFIG, ISSUE_CHOICES, readFixture } from './support/asem.js';

/** Outputs of a model of d uniform inputs over the Saltelli design of N points. */
function designOutputs(n: number, d: number, seed: number, f: (u: Float64Array) => number) {
  const y = new Float64Array(n * (d + 2));
  const u = new Float64Array(d);
  for (let r = 0; r < y.length; r++) {
    saltelliPoint(seed, n, d, r, u);
    y[r] = f(u);
  }
  return y;
}

describe('Saltelli design', () => {
  it('A, B, then A with one column from B, in COINr order', () => {
    const n = 4;
    const d = 3;
    const at = (r: number) => {
      const u = new Float64Array(d);
      saltelliPoint(7, n, d, r, u);
      return [...u];
    };
    for (let row = 0; row < n; row++) {
      const a = at(row);
      const b = at(n + row);
      for (let i = 0; i < d; i++) {
        const ab = at((2 + i) * n + row);
        expect(ab).toEqual(a.map((x, k) => (k === i ? b[k] : x)));
      }
      expect(a).not.toEqual(b);
    }
  });
});

describe('Sobol estimators on functions with known indices', () => {
  it('linear y = x1 + 2·x2 + 3·x3: S_i = ST_i = a_i² / Σ a_j² (1/14, 4/14, 9/14)', () => {
    const n = 20_000;
    const y = designOutputs(n, 3, 11, (u) => u[0]! + 2 * u[1]! + 3 * u[2]!);
    const { variance, indices } = sobolIndices(y, n, 3, 200, 11);
    expect(variance).toBeCloseTo(14 / 12, 1);
    const expected = [1 / 14, 4 / 14, 9 / 14];
    indices.forEach((s, i) => {
      expect(Math.abs(s.si - expected[i]!)).toBeLessThan(0.03);
      expect(Math.abs(s.sti - expected[i]!)).toBeLessThan(0.03);
      expect(s.siLow!).toBeLessThanOrEqual(s.si);
      expect(s.siHigh!).toBeGreaterThanOrEqual(s.si);
      expect(s.stiLow!).toBeLessThanOrEqual(s.sti);
      expect(s.stiHigh!).toBeGreaterThanOrEqual(s.sti);
    });
  });

  it('Ishigami (a = 7, b = 0.1): S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244', () => {
    const n = 20_000;
    const x = (u: number) => -Math.PI + 2 * Math.PI * u;
    const y = designOutputs(n, 3, 5, (u) => {
      const [x1, x2, x3] = [x(u[0]!), x(u[1]!), x(u[2]!)];
      return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    });
    const { indices } = sobolIndices(y, n, 3, 0, 5);
    const first = [0.3139, 0.4424, 0];
    const total = [0.5576, 0.4424, 0.2437];
    indices.forEach((s, i) => {
      expect(Math.abs(s.si - first[i]!)).toBeLessThan(0.04);
      expect(Math.abs(s.sti - total[i]!)).toBeLessThan(0.04);
      expect(s.siLow).toBeNull();
    });
    // x3 acts only through its interaction with x1.
    expect(indices[2]!.sti - indices[2]!.si).toBeGreaterThan(0.2);
  });

  it('the bootstrap intervals are seeded: same seed, same intervals', () => {
    const n = 500;
    const y = designOutputs(n, 2, 1, (u) => u[0]! * u[1]!);
    expect(sobolIndices(y, n, 2, 100, 3)).toEqual(sobolIndices(y, n, 2, 100, 3));
    expect(sobolIndices(y, n, 2, 100, 3)).not.toEqual(sobolIndices(y, n, 2, 100, 4));
  });
});

describe('sensitivity of the ASEM index ranks', () => {
  const asem = parseFramework(readFixture('iMeta.csv'));
  const table = parseUnitData(readFixture('iData.csv'));
  const spec = { runs: 60, bootstrap: 100, ...ISSUE_CHOICES };
  const result = runSensitivity(asem, table, ASEM_CONFIG, spec);

  it('one row per factor, N·(d + 2) replications, intervals around the estimates', () => {
    expect(result.indices.map((s) => s.factor)).toEqual([
      'treat.winmax',
      'normalise',
      'aggregate.method',
      'weightNoise.2',
      'weightNoise.3',
    ]);
    expect(result.runs).toBe(60 * 7);
    expect(result.variance).toBeGreaterThan(0);
    for (const s of result.indices) {
      expect(Number.isFinite(s.si) && Number.isFinite(s.sti)).toBe(true);
      expect(s.sti).toBeGreaterThanOrEqual(0);
      expect(s.stiLow!).toBeLessThanOrEqual(s.stiHigh!);
    }
    expect(result.rankStats).toHaveLength(51);
  });

  it('workers give the same indices', { timeout: 120_000 }, async () => {
    const parallel = await runSensitivityParallel(asem, table, ASEM_CONFIG, spec, { workers: 2 });
    expect(parallel).toEqual(result);
  });

  it('needs two uncertain inputs, as COINr', () => {
    expect(() =>
      runSensitivity(asem, table, ASEM_CONFIG, { runs: 10, weightNoise: { '2': 0.1 } }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SPEC', column: 'alternatives' }));
  });
});
