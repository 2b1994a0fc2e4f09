import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '@caunoi/shared';
import {
  MARK,
  restate,
  tidy,
  ValueCube,
  type CellNote,
  type CellValue,
  type Contributor,
  type CubeSeries,
  type RestateInput,
} from '../../src/modules/statistics/analytics.restate.js';
import { readNumber } from '../../src/modules/statistics/analytics.repo.js';

interface AnalyticsCell extends Omit<CellNote, 'at'> {
  i: number;
  r: number;
  p: number;
  value: CellValue;
  synthetic?: true;
}

/** The cells of the layout that have a figure, as objects. */
function run(input: RestateInput): AnalyticsCell[] {
  const { size, values, marks, cellNotes } = restate(input);
  const [indicators, rows, periods] = size;
  expect(values).toHaveLength(indicators * rows * periods);
  expect(marks).toHaveLength(values.length);
  const notes = new Map(cellNotes.map(({ at, ...note }) => [at, note]));
  const cells: AnalyticsCell[] = [];
  for (let at = 0; at < values.length; at++) {
    if (marks[at] === MARK.none) {
      expect(values[at]).toBeNull();
      expect(notes.has(at)).toBe(false);
      continue;
    }
    const p = at % periods;
    const r = Math.floor(at / periods) % rows;
    const i = Math.floor(at / periods / rows);
    cells.push({
      i,
      r,
      p,
      value: values[at]!,
      ...(marks[at] === MARK.synthetic ? { synthetic: true as const } : {}),
      ...notes.get(at),
    });
  }
  return cells;
}

function indicator(code: string, over: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    code,
    group: 'G',
    nameVi: code,
    nameEn: code,
    definitionVi: '',
    definitionEn: '',
    unitVi: '',
    unitEn: '',
    valueType: 'integer',
    unitAggregation: 'sum',
    periodAggregation: 'sum',
    direction: 'neutral',
    sourceVi: '',
    legalBasis: '',
    evidenceRequired: false,
    ...over,
  };
}

const SPEND = indicator('SPEND', { valueType: 'decimal' });
const GRDP = indicator('GRDP', { valueType: 'decimal' });
const SHARE = indicator('SHARE', {
  valueType: 'percentage',
  unitAggregation: 'ratio',
  ratio: { numerator: 'SPEND', denominator: 'GRDP', factor: 100 },
});
const SCORE = indicator('SCORE', { valueType: 'decimal', unitAggregation: 'mean' });
const PLAN = indicator('PLAN', { valueType: 'boolean', unitAggregation: 'none' });
const NOTE = indicator('NOTE', { valueType: 'text', unitAggregation: 'none' });

// Cube series: 0 SPEND, 1 GRDP, 2 SHARE (ratio of 0 / 1), 3 SCORE, 4 PLAN, 5 NOTE.
const SERIES: CubeSeries[] = [
  { indicator: SPEND, optionCode: null },
  { indicator: GRDP, optionCode: null },
  { indicator: SHARE, optionCode: null, components: { numerator: 0, denominator: 1 } },
  { indicator: SCORE, optionCode: null },
  { indicator: PLAN, optionCode: null },
  { indicator: NOTE, optionCode: null },
];

// Former units A, B, C (region North), D (region South); today X = A + B + C, Y = D.
const UNITS = ['A', 'B', 'C', 'D'];
const [A, B, C, D] = [0, 1, 2, 3];

type Stored = Partial<Record<number, number | string>>;

/** A cube of one period: per unit, series → value (numbers, or text). */
function cubeOf(values: Record<number, Stored>, synthetic: number[] = []): ValueCube {
  const cube = new ValueCube(SERIES.length, UNITS.length, 1);
  for (const [unit, stored] of Object.entries(values)) {
    for (const [s, v] of Object.entries(stored)) {
      const u = Number(unit);
      if (typeof v === 'string') cube.setText(Number(s), u, 0, v, synthetic.includes(u));
      else if (v !== undefined) cube.add(Number(s), u, 0, v, synthetic.includes(u));
    }
  }
  return cube;
}

const one = (unit: number): Contributor[] => [{ unit, weight: 1 }];

/** As reported: each former unit is a row of its own, in two regions. */
function asReported(cube: ValueCube, requested: number[]): RestateInput {
  return {
    cube,
    series: SERIES,
    requested,
    cubeUnitIds: UNITS,
    rows: UNITS.map((id, u) => ({ unitId: id, contributors: [one(u)] })),
    shown: [A, B, C, D],
    groups: [{ members: [A, B, C] }, { members: [A, B, C, D] }],
  };
}

/** On today's boundaries: X made of A, B, C; Y of D. */
function onToday(cube: ValueCube, requested: number[], weights = [1, 1, 1]): RestateInput {
  return {
    cube,
    series: SERIES,
    requested,
    cubeUnitIds: UNITS,
    rows: [
      {
        unitId: 'X',
        contributors: [
          [
            { unit: A, weight: weights[0]! },
            { unit: B, weight: weights[1]! },
            { unit: C, weight: weights[2]! },
          ],
        ],
      },
      { unitId: 'Y', contributors: [one(D)] },
    ],
    shown: [0, 1],
    groups: [{ members: [0, 1] }],
  };
}

const cellAt = (cells: AnalyticsCell[], i: number, r: number) => {
  const cell = cells.find((c) => c.i === i && c.r === r && c.p === 0);
  if (!cell) throw new Error(`no cell ${i}/${r}`);
  return cell;
};

describe('sums', () => {
  it('adds the former units into today’s unit with their weights', () => {
    const cube = cubeOf({ [A]: { 0: 10 }, [B]: { 0: 20 }, [C]: { 0: 30 }, [D]: { 0: 7 } });
    const cells = run(onToday(cube, [0]));
    // Complete: nothing to say besides the value.
    expect(cellAt(cells, 0, 0)).toEqual({ i: 0, r: 0, p: 0, value: 60 });
    expect(cellAt(cells, 0, 1).value).toBe(7);
    // The nation: both of today's units.
    expect(cellAt(cells, 0, 2)).toMatchObject({
      value: 67,
      coverage: { reported: 2, expected: 2 },
    });
    const halves = run(onToday(cube, [0], [1, 0.5, 0.25]));
    expect(cellAt(halves, 0, 0).value).toBe(10 + 10 + 7.5);
  });

  it('does not invent today’s figure when a former unit reported nothing', () => {
    const cube = cubeOf({ [A]: { 0: 10 }, [C]: { 0: 30 }, [D]: { 0: 7 } });
    const cells = run(onToday(cube, [0]));
    expect(cellAt(cells, 0, 0)).toEqual({
      i: 0,
      r: 0,
      p: 0,
      value: null,
      flags: ['incomplete'],
      coverage: { reported: 2, expected: 3 },
      missing: ['B'],
    });
    // The aggregate shows what was reported, with its coverage and who is missing.
    expect(cellAt(cells, 0, 2)).toEqual({
      i: 0,
      r: 2,
      p: 0,
      value: 7,
      flags: ['incomplete'],
      coverage: { reported: 1, expected: 2 },
      missing: ['X'],
    });
  });

  it('aggregates regions and the nation as reported, with their coverage', () => {
    const cube = cubeOf({ [A]: { 0: 1 }, [B]: { 0: 2 }, [D]: { 0: 4 } });
    const cells = run(asReported(cube, [0]));
    expect(cellAt(cells, 0, 0).value).toBe(1);
    expect(cellAt(cells, 0, 2)).toEqual({ i: 0, r: 2, p: 0, value: null });
    expect(cellAt(cells, 0, 4)).toMatchObject({
      value: 3,
      flags: ['incomplete'],
      coverage: { reported: 2, expected: 3 },
      missing: ['C'],
    });
    expect(cellAt(cells, 0, 5)).toMatchObject({
      value: 7,
      coverage: { reported: 3, expected: 4 },
      missing: ['C'],
    });
    // Nothing reported at all: no value and nothing missing to list.
    const empty = run(asReported(cubeOf({}), [0]));
    expect(cellAt(empty, 0, 5)).toEqual({
      i: 0,
      r: 5,
      p: 0,
      value: null,
      coverage: { reported: 0, expected: 4 },
    });
  });

  it('gives no cell where a row does not apply in a period', () => {
    const input = asReported(cubeOf({ [A]: { 0: 1 } }), [0]);
    const rows = input.rows.map((row, r) => (r === B ? { ...row, contributors: [null] } : row));
    const cells = run({ ...input, rows });
    expect(cells.some((c) => c.r === B && c.i === 0)).toBe(false);
    // Nor does it count among the units the region expects.
    expect(cellAt(cells, 0, 4).coverage).toEqual({ reported: 1, expected: 2 });
  });

  it('marks a figure built from a synthetic value, and only such figures', () => {
    const cube = cubeOf({ [A]: { 0: 1 }, [B]: { 0: 2 }, [C]: { 0: 3 }, [D]: { 0: 4 } }, [B]);
    const cells = run(onToday(cube, [0]));
    expect(cellAt(cells, 0, 0).synthetic).toBe(true);
    expect(cellAt(cells, 0, 1).synthetic).toBeUndefined();
    expect(cellAt(cells, 0, 2).synthetic).toBe(true);
  });
});

describe('ratios', () => {
  it('recomputes a merged unit’s ratio from its restated components, never averaging', () => {
    // A: 10/100 = 10 %, B: 90/300 = 30 %, C: 0/100 = 0 %: the mean of the ratios would be 13.3 %.
    const cube = cubeOf({
      [A]: { 0: 10, 1: 100 },
      [B]: { 0: 90, 1: 300 },
      [C]: { 0: 0, 1: 100 },
      [D]: { 0: 5, 1: 50 },
    });
    const cells = run(onToday(cube, [2]));
    expect(cellAt(cells, 0, 0).value).toBe(20);
    expect(cellAt(cells, 0, 1).value).toBe(10);
    // The nation: (100 + 5) / (500 + 50).
    expect(cellAt(cells, 0, 2).value).toBe(tidy((105 / 550) * 100));
    const asIs = run(asReported(cube, [2]));
    expect(cellAt(asIs, 0, B).value).toBe(30);
    // North as reported: (10 + 90 + 0) / (100 + 300 + 100).
    expect(cellAt(asIs, 0, 4).value).toBe(20);
  });

  it('flags a ratio whose component is missing instead of computing it', () => {
    const cube = cubeOf({
      [A]: { 0: 10, 1: 100 },
      [B]: { 0: 90 },
      [C]: { 0: 0, 1: 100 },
      [D]: { 1: 50 },
    });
    const asIs = run(asReported(cube, [2]));
    expect(cellAt(asIs, 0, B)).toEqual({
      i: 0,
      r: B,
      p: 0,
      value: null,
      flags: ['missing_component'],
    });
    expect(cellAt(asIs, 0, D).flags).toEqual(['missing_component']);
    const today = run(onToday(cube, [2]));
    expect(cellAt(today, 0, 0)).toMatchObject({
      value: null,
      flags: ['missing_component'],
      missing: ['B'],
    });
    // The region keeps the units with both components: (10 + 0) / (100 + 100).
    expect(cellAt(asIs, 0, 4)).toMatchObject({
      value: 5,
      flags: ['incomplete'],
      coverage: { reported: 2, expected: 3 },
      missing: ['B'],
    });
  });

  it('shows a ratio reported without its components as reported, never restated or aggregated', () => {
    const cube = cubeOf({
      [A]: { 0: 10, 1: 100 },
      [B]: { 2: 42 },
      [C]: { 0: 0, 1: 100 },
      [D]: { 2: 12.5 },
    });
    const asIs = run(asReported(cube, [2]));
    expect(cellAt(asIs, 0, B)).toMatchObject({ value: 42, flags: ['reported_ratio'] });
    expect(cellAt(asIs, 0, 4)).toMatchObject({
      value: 5,
      flags: ['incomplete', 'reported_ratio_excluded'],
      missing: ['B'],
    });
    const today = run(onToday(cube, [2]));
    expect(cellAt(today, 0, 0)).toMatchObject({
      value: null,
      flags: ['missing_component', 'not_restatable'],
    });
    // D maps one to one onto Y: its reported ratio stands, flagged.
    expect(cellAt(today, 0, 1)).toMatchObject({ value: 12.5, flags: ['reported_ratio'] });
  });

  it('computes a ratio from its components even when the unit also typed it', () => {
    const cube = cubeOf({ [A]: { 0: 1, 1: 4, 2: 99 } });
    expect(cellAt(run(asReported(cube, [2])), 0, A)).toEqual({ i: 0, r: A, p: 0, value: 25 });
  });

  it('refuses a zero denominator', () => {
    const cube = cubeOf({ [A]: { 0: 1, 1: 0 }, [B]: { 0: 0, 1: 0 }, [C]: { 0: 0, 1: 0 } });
    const cells = run(asReported(cube, [2]));
    expect(cellAt(cells, 0, A).flags).toEqual(['zero_denominator']);
    expect(cellAt(cells, 0, 4)).toMatchObject({ value: null, flags: ['zero_denominator'] });
  });
});

describe('means, values that do not add up, text and yes/no', () => {
  const cube = cubeOf({
    [A]: { 3: 60, 4: 1, 5: 'Đã ban hành' },
    [B]: { 3: 70, 4: 0 },
    [D]: { 3: 80, 4: 1, 5: 'Chưa' },
  });

  it('averages the units present, with their count', () => {
    const cells = run(asReported(cube, [3]));
    expect(cellAt(cells, 0, 4)).toMatchObject({
      value: 65,
      flags: ['incomplete'],
      coverage: { reported: 2, expected: 3 },
      missing: ['C'],
    });
    expect(cellAt(cells, 0, 5).value).toBe(70);
  });

  it('restates a mean only on a one-to-one mapping', () => {
    const cells = run(onToday(cube, [3]));
    expect(cellAt(cells, 0, 0)).toEqual({
      i: 0,
      r: 0,
      p: 0,
      value: null,
      flags: ['not_restatable'],
    });
    expect(cellAt(cells, 0, 1).value).toBe(80);
    expect(cellAt(cells, 0, 2)).toMatchObject({
      value: 80,
      coverage: { reported: 1, expected: 2 },
      missing: ['X'],
    });
  });

  it('keeps yes/no and text per unit and never aggregates them', () => {
    const cells = run(asReported(cube, [4, 5]));
    expect(cellAt(cells, 0, A).value).toBe(true);
    expect(cellAt(cells, 0, B).value).toBe(false);
    expect(cellAt(cells, 1, A).value).toBe('Đã ban hành');
    expect(cellAt(cells, 1, B).value).toBeNull();
    for (const [i, r] of [
      [0, 4],
      [0, 5],
      [1, 4],
    ] as const) {
      expect(cellAt(cells, i, r)).toEqual({ i, r, p: 0, value: null, flags: ['not_aggregable'] });
    }
    const today = run(onToday(cube, [5]));
    expect(cellAt(today, 0, 0).flags).toEqual(['not_restatable']);
    expect(cellAt(today, 0, 1).value).toBe('Chưa');
  });
});

describe('the cube', () => {
  it('adds the options of a total and keeps blank apart from zero', () => {
    const cube = new ValueCube(1, 1, 2);
    cube.add(0, 0, 0, 2, false);
    cube.add(0, 0, 0, 3, true);
    cube.add(0, 0, 1, 0, false);
    expect(cube.num(0, 0, 0)).toBe(5);
    expect(cube.synthetic(0, 0, 0)).toBe(true);
    expect(cube.num(0, 0, 1)).toBe(0);
    expect(cube.has(0, 0, 1)).toBe(true);
    expect(new ValueCube(1, 1, 1).num(0, 0, 0)).toBeUndefined();
  });

  it('tidies binary noise away', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(1 / 3)).toBe(0.333333333333333);
  });
});

describe('reading numbers as PostgreSQL writes them', () => {
  it('reads in place exactly what Number reads', () => {
    for (const written of [
      '0',
      '-0',
      '977',
      '-12',
      '0.1',
      '1234.5',
      '-0.005',
      '999999999999999',
      '123456789012.345',
      '9007199254740993',
      '1.5e-07',
      '1e+20',
      'Infinity',
    ]) {
      const text = `x\u001f${written}\u001f1`;
      expect(readNumber(text, 2, 2 + written.length), written).toBe(Number(written));
    }
  });
});
