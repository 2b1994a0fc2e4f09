import { describe, expect, it } from 'vitest';
import {
  aggregate,
  buildFramework,
  denominate,
  impute,
  indicatorData,
  normalise,
  parseFramework,
  parseFrameworkRows,
  parsePipelineConfig,
  parseUnitData,
  prepareConfig,
  preparePipeline,
  rank,
  runPipeline,
  screen,
  treat,
  type DataSet,
  type Framework,
  type UnitTable,
} from '../src/index.js';
import { ASEM_CONFIG, readFixture } from './support/asem.js';

const framework = parseFramework(readFixture('iMeta.csv'));
const table = parseUnitData(readFixture('iData.csv'));

/** The pipeline composed from the step functions on `DataSet`s, as before preparing. */
function stepByStep(fw: Framework, t: UnitTable, config: unknown) {
  const c = parsePipelineConfig(config);
  let current: DataSet = indicatorData(fw, t);
  const out: Record<string, unknown> = { raw: current };
  if (c.denominate === true) current = out.denominated = denominate(current, fw, t);
  if (c.impute) current = out.imputed = impute(current, c.impute, t);
  if (c.screen) current = out.screened = screen(current, c.screen).data;
  if (c.treat) {
    const r = treat(current, c.treat);
    current = out.treated = r.data;
    out.treatmentDetails = r.details;
  }
  if (c.normalise) current = out.normalised = normalise(current, fw, c.normalise);
  if (c.aggregate) current = out.aggregated = aggregate(current, fw, c.aggregate);
  out.ranks = rank(current);
  return out;
}

const variants: Array<[string, object]> = [
  ['the ASEM build', ASEM_CONFIG],
  ['mean imputation', { ...ASEM_CONFIG, impute: { method: 'mean' } }],
  ['median imputation', { ...ASEM_CONFIG, impute: { method: 'median' } }],
  ['group median', { ...ASEM_CONFIG, impute: { method: 'group-median', group: 'EurAsia_group' } }],
  ['no denominators', { ...ASEM_CONFIG, denominate: false }],
  ['a stricter screen', { ...ASEM_CONFIG, screen: { minDataShare: 0.95 } }],
  ['winmax 1, log_GII', { ...ASEM_CONFIG, treat: { winmax: 1, fallback: 'log_GII' } }],
  [
    'no limit, no fallback',
    { ...ASEM_CONFIG, treat: { winmax: null, fallback: 'none', skewThreshold: 1 } },
  ],
  [
    'z-score, geometric',
    {
      ...ASEM_CONFIG,
      normalise: { method: 'zscore', mean: 10, sd: 2 },
      aggregate: { method: 'geometric' },
    },
  ],
  [
    'rank, harmonic',
    { ...ASEM_CONFIG, normalise: { method: 'rank' }, aggregate: { method: 'harmonic' } },
  ],
  ['percentile rank', { ...ASEM_CONFIG, normalise: { method: 'prank' } }],
  ['distance to maximum', { ...ASEM_CONFIG, normalise: { method: 'dist2max' } }],
  ['raw values only', {}],
];

describe('the prepared pipeline computes what the step functions compute', () => {
  it.each(variants)('%s: identical data sets, details and ranks', (_name, config) => {
    const fast = runPipeline(framework, table, config);
    const slow = stepByStep(framework, table, config);
    for (const key of [
      'raw',
      'denominated',
      'imputed',
      'screened',
      'treated',
      'normalised',
      'aggregated',
      'ranks',
    ] as const) {
      expect(fast[key], key).toEqual(slow[key] ?? null);
    }
    expect(fast.treatmentDetails).toEqual(slow.treatmentDetails ?? null);
  });

  it('runs a prepared configuration many times with the same result', () => {
    const prepared = preparePipeline(framework, table);
    const config = prepareConfig(ASEM_CONFIG);
    expect(Object.isFrozen(config)).toBe(true);
    const first = prepared.run(config);
    expect(prepared.run(config).aggregated).toEqual(first.aggregated);
    expect(first.ranks).toEqual(runPipeline(framework, table, ASEM_CONFIG).ranks);
  });

  it('weights given to a run replace the framework weights', () => {
    const text = readFixture('iMeta.csv');
    const rows = parseFrameworkRows(text).map((r) =>
      r.iCode === 'Conn' ? { ...r, weight: 3 } : r.iCode === 'Sust' ? { ...r, weight: 0.5 } : r,
    );
    const reweighted = runPipeline(buildFramework(rows), table, ASEM_CONFIG);
    const overridden = preparePipeline(framework, table).run(ASEM_CONFIG, {
      weights: new Map([
        ['Conn', 3],
        ['Sust', 0.5],
      ]),
    });
    expect(overridden.aggregated).toEqual(reweighted.aggregated);
    expect(overridden.aggregated).not.toEqual(
      runPipeline(framework, table, ASEM_CONFIG).aggregated,
    );
  });

  it('reports bad input as before: the unit row and column of a non-number', () => {
    const bad: UnitTable = {
      units: table.units,
      columns: new Map(
        [...table.columns].map(([k, v]) => [
          k,
          k === 'LPI' ? v.map((x, i) => (i === 3 ? 'n/a' : x)) : v,
        ]),
      ),
    };
    expect(() => preparePipeline(framework, bad)).toThrow(
      expect.objectContaining({ code: 'NON_NUMERIC_VALUE', row: 4, column: 'LPI' }),
    );
  });
});
