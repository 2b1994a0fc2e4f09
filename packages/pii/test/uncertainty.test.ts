import { describe, expect, it } from 'vitest';
import {
  buildFramework,
  parseFramework,
  parseUncertaintySpec,
  parseUnitData,
  quantileSorted,
  runPipeline,
  runUncertainty,
  streamFor,
  type FrameworkRow,
  type UnitTable,
} from '../src/index.js';
import { runUncertaintyParallel } from '../src/parallel.js';
import { xoshiro128ss } from '../src/random.js';
import { ASEM_CONFIG, ISSUE_CHOICES, readFixture } from './support/asem.js';

/** The issue's `ua.json`. */
const ISSUE_SPEC = { runs: 1000, ...ISSUE_CHOICES };

const asem = parseFramework(readFixture('iMeta.csv'));
const asemTable = parseUnitData(readFixture('iData.csv'));

/** Two indicators under one index; x leads on the arithmetic mean, y on the geometric one. */
const tinyRows: FrameworkRow[] = [
  { iCode: 'a', type: 'Indicator', level: 1, parent: 'I' },
  { iCode: 'b', type: 'Indicator', level: 1, parent: 'I' },
  { iCode: 'I', type: 'Aggregate', level: 2 },
];
const tiny = buildFramework(tinyRows);
const tinyTable: UnitTable = {
  units: ['x', 'y', 'z'],
  columns: new Map([
    ['a', ['9', '4', '2']],
    ['b', ['1', '4', '2']],
  ]),
};
const tinyConfig = { aggregate: { method: 'arithmetic' } };

const issue = (code: string, column: string) => expect.objectContaining({ code, column });

describe('the specification', () => {
  it("reads the issue's ua.json with its defaults", () => {
    const spec = parseUncertaintySpec(ISSUE_SPEC);
    expect(spec.runs).toBe(1000);
    expect(spec.seed).toBe(42);
    expect(Object.keys(spec.alternatives)).toEqual([
      'treat.winmax',
      'normalise',
      'aggregate.method',
    ]);
    expect(spec.weightNoise).toEqual({ '2': 0.25, '3': 0.25 });
  });

  it('names the key of a malformed specification (INVALID_SPEC)', () => {
    expect(() => parseUncertaintySpec({ ...ISSUE_SPEC, runs: 0 })).toThrow(
      issue('INVALID_SPEC', 'runs'),
    );
    expect(() => parseUncertaintySpec({ ...ISSUE_SPEC, weightNoise: { '2': 1.5 } })).toThrow(
      issue('INVALID_SPEC', 'weightNoise.2'),
    );
    expect(() => parseUncertaintySpec({ ...ISSUE_SPEC, extra: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SPEC' }),
    );
  });

  it('checks every alternative against the configuration and the framework', () => {
    const run =
      (spec: object, config: object = ASEM_CONFIG) =>
      () =>
        runUncertainty(asem, asemTable, config, { runs: 2, ...spec });
    expect(run({ alternatives: { 'treat.winmax': [1, 'five'] } })).toThrow(
      issue('INVALID_SPEC', 'alternatives.treat.winmax[1]'),
    );
    expect(run({ alternatives: { normalise: [{ method: 'cubic' }] } })).toThrow(
      issue('INVALID_SPEC', 'alternatives.normalise[0]'),
    );
    expect(run({ alternatives: { weights: [1] } })).toThrow(
      issue('INVALID_SPEC', 'alternatives.weights'),
    );
    const { treat: _treat, ...noTreat } = ASEM_CONFIG;
    expect(run({ alternatives: { 'treat.winmax': [1, 2] } }, noTreat)).toThrow(
      issue('INVALID_SPEC', 'alternatives.treat.winmax'),
    );
    expect(run({ weightNoise: { '7': 0.1 } })).toThrow(issue('INVALID_SPEC', 'weightNoise.7'));
    expect(run({ target: 'LPI' })).toThrow(issue('INVALID_SPEC', 'target'));
    // 1,000,000 replications × 51 units: more ranks than an analysis keeps in memory.
    expect(run({ runs: 1_000_000 })).toThrow(issue('INVALID_SPEC', 'runs'));
    const { aggregate: _aggregate, ...noAggregate } = ASEM_CONFIG;
    expect(run({}, noAggregate)).toThrow(issue('INVALID_SPEC', 'target'));
  });
});

describe('seeded streams', () => {
  it('xoshiro128** gives the reference outputs', () => {
    // From the state (1, 2, 3, 4), worked through the reference algorithm by hand.
    expect(xoshiro128ss([1, 2, 3, 4], 3)).toEqual([11520, 0, 5927040]);
  });

  it("a replication's numbers depend only on (seed, index)", () => {
    const draw = (seed: number, index: number) => {
      const r = streamFor(seed, index);
      return [r.next(), r.next(), r.next()];
    };
    expect(draw(42, 7)).toEqual(draw(42, 7));
    expect(draw(42, 7)).not.toEqual(draw(42, 8));
    expect(draw(42, 7)).not.toEqual(draw(43, 7));
    for (const x of draw(1, 0)) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('rank statistics', () => {
  it('type-7 quantiles, as R: quantile(1:4, c(.05, .5, .95)) = 1.15, 2.5, 3.85', () => {
    const xs = [1, 2, 3, 4];
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted(xs, 0.5)).toBe(2.5);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted([7], 0.05)).toBe(7);
  });

  it('a single alternative: every replication ranks as it does, the nominal as the config does', () => {
    // Arithmetic: x 5, y 4, z 2 → 1, 2, 3. Geometric: x 3, y 4, z 2 → 2, 1, 3.
    const r = runUncertainty(tiny, tinyTable, tinyConfig, {
      runs: 25,
      alternatives: { 'aggregate.method': ['geometric'] },
    });
    expect(r.failures).toEqual([]);
    expect(r.rankStats).toEqual([
      { uCode: 'x', nominal: 1, mean: 2, median: 2, q5: 2, q95: 2 },
      { uCode: 'y', nominal: 2, mean: 1, median: 1, q5: 1, q95: 1 },
      { uCode: 'z', nominal: 3, mean: 3, median: 3, q5: 3, q95: 3 },
    ]);
  });

  it('two alternatives drawn uniformly and independently: about half each, statistics of those ranks', () => {
    const runs = 2000;
    const r = runUncertainty(
      tiny,
      tinyTable,
      tinyConfig,
      { runs, seed: 5, alternatives: { 'aggregate.method': ['arithmetic', 'geometric'] } },
      { keepRanks: true },
    );
    const ranks = r.ranks!;
    expect(ranks).toHaveLength(runs * 3);
    let arithmetic = 0;
    for (let i = 0; i < runs; i++) {
      const row = [...ranks.subarray(i * 3, i * 3 + 3)];
      expect([
        [1, 2, 3],
        [2, 1, 3],
      ]).toContainEqual(row);
      if (row[0] === 1) arithmetic++;
    }
    expect(arithmetic / runs).toBeGreaterThan(0.45);
    expect(arithmetic / runs).toBeLessThan(0.55);
    const x = r.rankStats[0]!;
    expect(x.mean).toBeCloseTo((arithmetic * 1 + (runs - arithmetic) * 2) / runs, 12);
    expect(x).toMatchObject({ nominal: 1, q5: 1, q95: 2 });
    expect(x.median).toBe(arithmetic > runs / 2 ? 1 : 2);
  });

  it('a replication that fails is left out, as COINr does (geometric mean meeting a 0)', () => {
    const r = runUncertainty(
      tiny,
      tinyTable,
      { normalise: { method: 'minmax', range: [1, 100] }, aggregate: { method: 'geometric' } },
      {
        runs: 200,
        seed: 3,
        alternatives: {
          normalise: [
            { method: 'minmax', range: [1, 100] },
            { method: 'minmax', range: [0, 100] },
          ],
        },
      },
      { keepRanks: true },
    );
    expect(r.failures.length).toBeGreaterThan(50);
    expect(r.failures.length).toBeLessThan(150);
    expect(r.failures[0]).toMatchObject({ code: 'NON_POSITIVE_VALUE' });
    for (const f of r.failures) expect(Number.isNaN(r.ranks![f.index * 3])).toBe(true);
    // Min–max 1–100 then geometric: x √(100·1) = 10, y √(29.3·100) ≈ 54.1, z √(1·34) ≈ 5.8.
    expect(r.rankStats.map((s) => [s.mean, s.q5, s.q95])).toEqual([
      [2, 2, 2],
      [1, 1, 1],
      [3, 3, 3],
    ]);
  });
});

describe("the issue's uncertainty analysis against COINr's rank statistics", () => {
  it('has the median within ±1 and Q5, Q95 within ±2 of COINr for at least 90% of the units', () => {
    const ours = runUncertainty(asem, asemTable, ASEM_CONFIG, ISSUE_SPEC);
    expect(ours.failures).toEqual([]);
    const reference = parseUnitData(readFixture('reference_ua_rankstats.csv'));
    const stat = (column: string, unit: string) =>
      Number(reference.columns.get(column)![reference.units.indexOf(unit)]);
    const close = ours.rankStats.filter(
      (s) =>
        s.nominal === stat('Nominal', s.uCode) &&
        Math.abs(s.median! - stat('Median', s.uCode)) <= 1 &&
        Math.abs(s.q5! - stat('Q5', s.uCode)) <= 2 &&
        Math.abs(s.q95! - stat('Q95', s.uCode)) <= 2,
    );
    expect(reference.units).toHaveLength(51);
    expect(close.length / ours.rankStats.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('uncertainty on the ASEM example', () => {
  const spec = { ...ISSUE_SPEC, runs: 200 };
  const result = runUncertainty(asem, asemTable, ASEM_CONFIG, spec);

  it("the nominal rank is the pipeline's index rank", () => {
    const ranks = runPipeline(asem, asemTable, ASEM_CONFIG).ranks;
    const index = ranks.values.get('Index')!;
    expect(result.target).toBe('Index');
    expect(result.rankStats).toHaveLength(51);
    for (const s of result.rankStats) {
      expect(s.nominal).toBe(index[ranks.units.indexOf(s.uCode)]);
    }
  });

  it('Q5 ≤ median ≤ Q95, the mean between the extremes, and the ranks do move', () => {
    for (const s of result.rankStats) {
      expect(s.q5!).toBeLessThanOrEqual(s.median!);
      expect(s.median!).toBeLessThanOrEqual(s.q95!);
      expect(s.mean!).toBeGreaterThanOrEqual(1);
      expect(s.mean!).toBeLessThanOrEqual(51);
    }
    expect(result.rankStats.filter((s) => s.q5 !== s.q95).length).toBeGreaterThan(25);
  });

  it('the same seed gives the same result, another seed another one', () => {
    expect(runUncertainty(asem, asemTable, ASEM_CONFIG, spec)).toEqual(result);
    const other = runUncertainty(asem, asemTable, ASEM_CONFIG, { ...spec, seed: 43 });
    expect(other.rankStats).not.toEqual(result.rankStats);
  });

  it('with no uncertain choice and no noise, every statistic is the nominal rank', () => {
    const r = runUncertainty(asem, asemTable, ASEM_CONFIG, { runs: 20, seed: 9 });
    for (const s of r.rankStats) {
      expect([s.mean, s.median, s.q5, s.q95]).toEqual([s.nominal, s.nominal, s.nominal, s.nominal]);
    }
    const still = runUncertainty(asem, asemTable, ASEM_CONFIG, {
      runs: 20,
      weightNoise: { '2': 0 },
    });
    expect(still.rankStats).toEqual(r.rankStats);
  });

  it(
    'one worker and two workers give the same statistics as the calling thread',
    { timeout: 120_000 },
    async () => {
      const one = await runUncertaintyParallel(asem, asemTable, ASEM_CONFIG, spec, { workers: 1 });
      const two = await runUncertaintyParallel(asem, asemTable, ASEM_CONFIG, spec, {
        workers: 2,
        chunkSize: 7,
      });
      expect(one.rankStats).toEqual(result.rankStats);
      expect(two.rankStats).toEqual(result.rankStats);
      expect(two.failures).toEqual(result.failures);
    },
  );

  it('workers report a bad specification as the calling thread does', async () => {
    await expect(
      runUncertaintyParallel(asem, asemTable, ASEM_CONFIG, { runs: 5, weightNoise: { '9': 0.1 } }),
    ).rejects.toThrow(issue('INVALID_SPEC', 'weightNoise.9'));
  });
});
