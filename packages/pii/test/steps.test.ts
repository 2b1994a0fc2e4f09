import { describe, expect, it } from 'vitest';
import {
  aggregate,
  buildFramework,
  checkSkewKurt,
  denominate,
  fromRows,
  impute,
  kurtosis,
  logCT,
  logGII,
  normalise,
  normaliseValues,
  rank,
  rankMin,
  screen,
  skewness,
  treatIndicator,
  weightedMean,
  winsorise,
  type DataSet,
  type FrameworkRow,
  type UnitTable,
} from '../src/index.js';

const rows: FrameworkRow[] = [
  {
    iCode: 'a',
    type: 'Indicator',
    level: 1,
    parent: 'P',
    weight: 1,
    direction: 1,
    denominator: 'pop',
  },
  { iCode: 'b', type: 'Indicator', level: 1, parent: 'P', weight: 3, direction: -1 },
  { iCode: 'c', type: 'Indicator', level: 1, parent: 'Q', weight: 1, direction: 1 },
  { iCode: 'P', type: 'Aggregate', level: 2, parent: 'I', weight: 1 },
  { iCode: 'Q', type: 'Aggregate', level: 2, parent: 'I', weight: 1 },
  { iCode: 'I', type: 'Aggregate', level: 3 },
  { iCode: 'pop', type: 'Denominator', level: null },
  { iCode: 'region', type: 'Group', level: null },
];
const framework = buildFramework(rows);

const table: UnitTable = {
  units: ['u1', 'u2', 'u3', 'u4'],
  columns: new Map<string, (string | null)[]>([
    ['a', ['10', '20', null, '40']],
    ['b', ['1', null, '3', '4']],
    ['c', ['5', '6', '7', '8']],
    ['pop', ['2', '4', '5', '0']],
    ['region', ['N', 'N', 'S', 'S']],
  ]),
};

const col = (d: DataSet, c: string) => [...d.values.get(c)!];

describe('denominate', () => {
  it('divides by the named denominator, leaves others, a zero denominator gives missing', () => {
    const data = fromRows(
      table.units,
      ['a', 'c'],
      [
        [10, 5],
        [20, 6],
        [null, 7],
        [40, 8],
      ],
    );
    const d = denominate(data, framework, table);
    expect(col(d, 'a')).toEqual([5, 5, null, null]);
    expect(col(d, 'c')).toEqual([5, 6, 7, 8]);
    expect(col(data, 'a')).toEqual([10, 20, null, 40]);
  });
});

describe('impute', () => {
  const data = fromRows(['u1', 'u2', 'u3', 'u4', 'u5'], ['x'], [[1], [null], [3], [10], [null]]);
  const groups: UnitTable = {
    units: ['u1', 'u2', 'u3', 'u4', 'u5'],
    columns: new Map([['g', ['A', 'A', 'A', 'B', 'C']]]),
  };
  it('mean and median over all units', () => {
    expect(col(impute(data, { method: 'mean' }), 'x')).toEqual([1, 14 / 3, 3, 10, 14 / 3]);
    expect(col(impute(data, { method: 'median' }), 'x')).toEqual([1, 3, 3, 10, 3]);
  });
  it('group mean and group median; a group without data stays missing', () => {
    expect(col(impute(data, { method: 'group-mean', group: 'g' }, groups), 'x')).toEqual([
      1,
      2,
      3,
      10,
      null,
    ]);
    const g2: UnitTable = {
      units: groups.units,
      columns: new Map([['g', ['A', 'A', 'A', 'A', 'B']]]),
    };
    expect(col(impute(data, { method: 'group-median', group: 'g' }, g2), 'x')).toEqual([
      1,
      3,
      3,
      10,
      null,
    ]);
  });
  it('refuses a group method without the group column', () => {
    expect(() => impute(data, { method: 'group-mean', group: 'nope' }, groups)).toThrow(
      expect.objectContaining({ code: 'MISSING_GROUP' }),
    );
  });
});

describe('screen', () => {
  it('drops units below the minimum data share', () => {
    const data = fromRows(
      ['u1', 'u2', 'u3'],
      ['x', 'y', 'z', 'w'],
      [
        [1, 2, 3, 4],
        [1, null, 3, 4],
        [null, null, 3, 4],
      ],
    );
    const r = screen(data, { minDataShare: 0.75 });
    expect(r.data.units).toEqual(['u1', 'u2']);
    expect(r.removedUnits).toEqual(['u3']);
    expect(r.dataShare.get('u3')).toBe(0.5);
    expect(col(r.data, 'y')).toEqual([2, null]);
  });
});

describe('skewness, kurtosis and the check', () => {
  it('match Excel SKEW and KURT', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    expect(skewness(x)).toBeCloseTo(3.0632410342394985, 12);
    expect(kurtosis(x)).toBeCloseTo(9.741390834569142, 12);
    expect(skewness([1, 2, 3])).toBeCloseTo(0, 12);
    expect(kurtosis([1, 2, 3, 4])).toBeCloseTo(-1.2, 12);
  });
  it('passes when either criterion holds', () => {
    expect(checkSkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]).passed).toBe(false);
    expect(checkSkewKurt([1, 2, 3, 4, 5]).passed).toBe(true);
    expect(checkSkewKurt([2, 2, 2, 2]).passed).toBeNull();
  });
});

describe('treat', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
  const z = [...Array.from({ length: 20 }, (_, i) => i + 1), 200, 300, 400];
  it('winsorises the maximum to the next-highest value and stops once passing', () => {
    const w = winsorise(x, 5);
    expect(w.check.passed).toBe(true);
    expect(w.winsorised).toBe(1);
    expect(w.values.slice(10)).toEqual([30, 30]);
    expect(w.treatedPoints.slice(10)).toEqual(['', 'winhi']);
  });
  it('counts every point tied at the maximum', () => {
    const w = winsorise(z, 5);
    expect(w.check.passed).toBe(true);
    expect(w.winsorised).toBe(3);
    expect(w.values.slice(19)).toEqual([20, 20, 20, 20]);
    expect(w.treatedPoints.slice(19)).toEqual(['', 'winhi', 'winhi', 'winhi']);
  });
  it('winsorises the minimum when skewed to the left', () => {
    const y = z.map((v) => -v);
    const w = winsorise(y, 5);
    expect(w.values.slice(19)).toEqual([-20, -20, -20, -20]);
    expect(w.treatedPoints.slice(20)).toEqual(['winlo', 'winlo', 'winlo']);
  });
  it('records no winsorising for a passing indicator', () => {
    const r = treatIndicator('ok', [1, 2, 3, 4, 5]);
    expect(r.values).toEqual([1, 2, 3, 4, 5]);
    expect(r.detail.winsorised).toBeNull();
    expect(r.detail.afterWinsorising).toBeNull();
  });
  it('falls back to log_CT of the untreated values when winsorising is not enough', () => {
    const r = treatIndicator('z', z, { winmax: 2 });
    expect(r.detail.winsorised).toBe(2);
    expect(r.detail.afterWinsorising?.passed).toBe(false);
    expect(r.detail.fallback).toBe('log_CT');
    expect(r.values).toEqual(logCT(z));
    expect(r.values[0]).toBeCloseTo(Math.log(3.99), 12);
    expect(r.values[22]).toBeCloseTo(Math.log(399 + 3.99), 12);
    expect(r.detail.afterFallback?.skew).toBeCloseTo(checkSkewKurt(logCT(z)).skew, 12);
  });
  it('log_GII and the none fallback', () => {
    expect(logGII([1, 2, 3])).toEqual([0, Math.log(2), Math.log(3)]);
    const r = treatIndicator('z', z, { winmax: 2, fallback: 'none' });
    expect(r.detail.fallback).toBeNull();
    expect(r.values.slice(20)).toEqual([200, 200, 200]);
  });
});

describe('normalise', () => {
  it('min–max after direction, onto the range', () => {
    const data = fromRows(
      ['u1', 'u2', 'u3'],
      ['a', 'b'],
      [
        [0, 1],
        [5, 2],
        [10, null],
      ],
    );
    const n = normalise(data, framework, { range: [0, 100] });
    expect(col(n, 'a')).toEqual([0, 50, 100]);
    expect(col(n, 'b')).toEqual([100, 0, null]);
    expect(normaliseValues([1, 2, 3], { range: [1, 10] })).toEqual([1, 5.5, 10]);
  });
  it('z-score, rank, percentile rank and distance to maximum', () => {
    expect(normaliseValues([1, 2, 3], { method: 'zscore' })).toEqual([-1, 0, 1]);
    expect(normaliseValues([1, 2, 3], { method: 'zscore', mean: 10, sd: 2 })).toEqual([8, 10, 12]);
    expect(normaliseValues([3, 1, 3, null], { method: 'rank' })).toEqual([2, 1, 2, null]);
    expect(normaliseValues([3, 1, 3, 5], { method: 'prank' })).toEqual([1 / 3, 0, 1 / 3, 1]);
    expect(normaliseValues([2, 4, 6], { method: 'dist2max' })).toEqual([0, 0.5, 1]);
  });
});

describe('aggregate and rank', () => {
  it('geometric differs from arithmetic and harmonic', () => {
    expect(weightedMean([1, 4], [1, 1], 'arithmetic')).toBe(2.5);
    expect(weightedMean([1, 4], [1, 1], 'geometric')).toBeCloseTo(2, 12);
    expect(weightedMean([1, 4], [1, 1], 'harmonic')).toBeCloseTo(1.6, 12);
    expect(weightedMean([2, 8], [3, 1], 'geometric')).toBeCloseTo(2 ** 0.75 * 8 ** 0.25, 12);
    expect(() => weightedMean([0, 4], [1, 1], 'geometric')).toThrow(
      expect.objectContaining({ code: 'NON_POSITIVE_VALUE' }),
    );
  });
  it('missing values drop out and the weights renormalise', () => {
    expect(weightedMean([10, null, 40], [1, 5, 3])).toBe((10 + 120) / 4);
    expect(weightedMean([null, null], [1, 1])).toBeNull();
  });
  it('aggregates every level with the framework weights', () => {
    const data = fromRows(
      ['u1', 'u2'],
      ['a', 'b', 'c'],
      [
        [10, 20, 30],
        [null, 40, 0],
      ],
    );
    const ag = aggregate(data, framework, { method: 'arithmetic' });
    expect(ag.columns).toEqual(['a', 'b', 'c', 'P', 'Q', 'I']);
    expect(col(ag, 'P')).toEqual([(10 + 60) / 4, 40]);
    expect(col(ag, 'I')).toEqual([(17.5 + 30) / 2, 20]);
  });
  it('ranks descending, ties share the lowest rank, missing stays missing', () => {
    expect(rankMin([5, 9, 5, null, 1], true)).toEqual([2, 1, 2, null, 4]);
    const r = rank(fromRows(['u1', 'u2', 'u3'], ['x'], [[3], [3], [7]]));
    expect(col(r, 'x')).toEqual([2, 2, 1]);
  });
});
