import { describe, expect, it } from 'vitest';
import {
  parseFramework,
  parseUnitData,
  runPipeline,
  type DataSet,
  type TreatmentDetail,
} from '../src/index.js';
import { ASEM_CONFIG, num, readExpected, readFixture } from './support/asem.js';

const TOLERANCE = 1e-9;

const framework = parseFramework(readFixture('iMeta.csv'));
const table = parseUnitData(readFixture('iData.csv'));
const result = runPipeline(framework, table, ASEM_CONFIG);

/** Largest absolute difference; throws on a different shape or a missing/present mismatch. */
function maxDifference(actual: DataSet, file: string): number {
  const expected = readExpected(file);
  expect(expected.key).toBe('uCode');
  expect([...actual.units].sort()).toEqual([...expected.rows.keys()].sort());
  expect([...actual.columns].sort()).toEqual([...expected.columns].sort());
  let worst = 0;
  for (const [unit, cells] of expected.rows) {
    const i = actual.units.indexOf(unit);
    expected.columns.forEach((code, j) => {
      const want = num(cells[j] ?? null);
      const got = actual.values.get(code)![i]!;
      const where = `${file} ${unit} ${code}`;
      if (want === null) {
        expect(got, where).toBeNull();
        return;
      }
      expect(got, where).not.toBeNull();
      worst = Math.max(worst, Math.abs(got! - want));
    });
  }
  return worst;
}

describe('parity with COINr 1.1.14 on the ASEM example', () => {
  it('reads 51 units, 49 indicators and four levels', () => {
    expect(table.units).toHaveLength(51);
    expect(framework.indicators).toHaveLength(49);
    expect(framework.maxLevel).toBe(4);
    expect(result.removedUnits).toEqual([]);
  });

  it.each([
    ['expected_02_denominated.csv', () => result.denominated],
    ['expected_03_imputed.csv', () => result.imputed],
    ['expected_05_treated.csv', () => result.treated],
    ['expected_06_normalised.csv', () => result.normalised],
    ['expected_07_aggregated.csv', () => result.aggregated],
  ] as const)('%s within 1e-9', (file, get) => {
    const data = get();
    expect(data).not.toBeNull();
    const diff = maxDifference(data!, file);
    console.log(`${file}: max |difference| = ${diff.toExponential(3)}`);
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
  });

  it('expected_08_ranks.csv identical, but for one tie hidden below the printed precision', () => {
    const expected = readExpected('expected_08_ranks.csv');
    expect([...result.ranks.units].sort()).toEqual([...expected.rows.keys()].sort());
    expect([...result.ranks.columns].sort()).toEqual([...expected.columns].sort());
    const mismatches: string[] = [];
    let compared = 0;
    for (const [unit, cells] of expected.rows) {
      const i = result.ranks.units.indexOf(unit);
      expected.columns.forEach((code, j) => {
        compared++;
        const got = result.ranks.values.get(code)![i];
        const want = num(cells[j] ?? null);
        if (got !== want) mismatches.push(`${unit} ${code}: ${String(got)} vs ${String(want)}`);
      });
    }
    expect(compared).toBe(51 * 60);
    // BGR, CZE and GRC all have TolMin 5.1 in iData.csv and the same printed normalised value,
    // yet COINr ranks GRC two places lower: its stored GRC value differs from 5.1 beyond the 15
    // significant digits of the CSV, so the tie cannot be broken from these files. COINr's own
    // ranking functions, run on these files in R, rank all three 24, as the engine does.
    expect(mismatches).toEqual(['GRC TolMin: 24 vs 26']);
    const aggregated = readExpected('expected_07_aggregated.csv');
    const tolMin = aggregated.columns.indexOf('TolMin');
    const printed = ['BGR', 'CZE', 'GRC'].map((u) => aggregated.rows.get(u)![tolMin]);
    expect(new Set(printed).size).toBe(1);
    const ranks = ['BGR', 'CZE', 'GRC'].map(
      (u) => expected.rows.get(u)![expected.columns.indexOf('TolMin')],
    );
    expect(ranks).toEqual(['24', '24', '26']);
  });

  it('expected_05_treatment_details.csv equal', () => {
    const expected = readExpected('expected_05_treatment_details.csv');
    expect(expected.columns).toEqual([
      'check_SkewKurt0.Pass',
      'check_SkewKurt0.Skew',
      'check_SkewKurt0.Kurt',
      'winsorise.nwin',
      'check_SkewKurt1.Pass',
      'check_SkewKurt1.Skew',
      'check_SkewKurt1.Kurt',
    ]);
    const details = new Map<string, TreatmentDetail>(
      result.treatmentDetails!.map((d) => [d.iCode, d]),
    );
    expect([...details.keys()].sort()).toEqual([...expected.rows.keys()].sort());
    const logical = (t: string | null) => (t === null ? null : t === 'TRUE');
    let worst = 0;
    for (const [code, cells] of expected.rows) {
      const d = details.get(code)!;
      expect(d.fallback, code).toBeNull();
      expect(d.before.passed, code).toBe(logical(cells[0]!));
      expect(d.winsorised, code).toBe(num(cells[3]!));
      expect(d.afterWinsorising?.passed ?? null, code).toBe(logical(cells[4]!));
      const pairs: [number | undefined, number | null][] = [
        [d.before.skew, num(cells[1]!)],
        [d.before.kurt, num(cells[2]!)],
        [d.afterWinsorising?.skew, num(cells[5]!)],
        [d.afterWinsorising?.kurt, num(cells[6]!)],
      ];
      for (const [got, want] of pairs) {
        if (want === null) {
          expect(got, code).toBeUndefined();
        } else {
          worst = Math.max(worst, Math.abs(got! - want));
        }
      }
    }
    console.log(`expected_05_treatment_details.csv: max |difference| = ${worst.toExponential(3)}`);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  });
});
