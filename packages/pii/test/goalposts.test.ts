import { describe, expect, it } from 'vitest';
import {
  buildFramework,
  fromRows,
  normalise,
  normaliseValues,
  parseFrameworkRows,
  parsePipelineConfig,
  runPipeline,
  PiiError,
  type FrameworkRow,
  type UnitTable,
} from '../src/index.js';

const rows: FrameworkRow[] = [
  {
    iCode: 'up',
    type: 'Indicator',
    level: 1,
    parent: 'I',
    direction: 1,
    goalpostLower: 10,
    goalpostUpper: 20,
    goalpostScale: 1,
  },
  {
    iCode: 'down',
    type: 'Indicator',
    level: 1,
    parent: 'I',
    direction: -1,
    goalpostLower: 0,
    goalpostUpper: 50,
  },
  { iCode: 'bare', type: 'Indicator', level: 1, parent: 'I', direction: 1 },
  { iCode: 'I', type: 'Aggregate', level: 2 },
];

const data = fromRows(
  ['A', 'B', 'C', 'D'],
  ['up', 'down', 'bare'],
  [
    [5, 60, 1],
    [12.5, 10, 2],
    [20, null, 3],
    [25, -5, 4],
  ],
);

function thrown(fn: () => unknown): PiiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PiiError) return error;
    throw error;
  }
  throw new Error('expected a PiiError');
}

describe('goalposts normalisation (COINr n_goalposts)', () => {
  it('scores (x − lower) / (upper − lower) × scale, clamped to the posts', () => {
    expect(
      normaliseValues([5, 10, 12.5, 20, 25, null], {
        method: 'goalposts',
        goalposts: { lower: 10, upper: 20, scale: 100 },
      }),
    ).toEqual([0, 0, 25, 100, 100, null]);
  });

  it('keeps values beyond the posts when truncation is off', () => {
    expect(
      normaliseValues([5, 12.5, 25], {
        method: 'goalposts',
        goalposts: { lower: 10, upper: 20, scale: 1 },
        trunc2posts: false,
      }),
    ).toEqual([-0.5, 0.25, 1.5]);
  });

  it('uses each indicator’s posts and flips them for a negative direction', () => {
    const framework = buildFramework(rows);
    const out = normalise(data, framework, {
      method: 'goalposts',
      goalposts: { lower: 0, upper: 4, scale: 100 },
    });
    // up: posts 10–20, scale 1 → 5 → 0 (clamped), 12.5 → 0.25, 20 → 1, 25 → 1 (clamped)
    expect(out.values.get('up')).toEqual([0, 0.25, 1, 1]);
    // down (direction −1): posts 0–50, default scale 100 → (50 − x) / 50 × 100
    // 60 → −20 clamped to 0; 10 → 80; missing stays missing; −5 → 110 clamped to 100
    expect(out.values.get('down')).toEqual([0, 80, null, 100]);
    // bare: no posts in the framework, so the configuration's 0–4 apply
    expect(out.values.get('bare')).toEqual([25, 50, 75, 100]);
  });

  it('flipping a negative indicator’s posts without truncation gives (upper − x)/(upper − lower)', () => {
    const framework = buildFramework(rows);
    const out = normalise(data, framework, {
      method: 'goalposts',
      trunc2posts: false,
      goalposts: { lower: 0, upper: 4, scale: 100 },
    });
    const down = out.values.get('down')!;
    expect(down[2]).toBeNull();
    [-20, 80, null, 110].forEach((want, i) => {
      if (want !== null) expect(down[i]).toBeCloseTo(want, 12);
    });
    expect(out.values.get('up')).toEqual([-0.5, 0.25, 1, 1.5]);
  });

  it('names the framework row of an indicator without posts when there is no default', () => {
    const framework = buildFramework(rows);
    const error = thrown(() => normalise(data, framework, { method: 'goalposts' }));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.row).toBe(3);
    expect(error.column).toBe('goalpost_lower');
    expect(error.message).toContain("'bare'");
  });

  it('reads goalpost columns from iMeta and refuses half or inverted posts', () => {
    const head =
      'Level,iCode,Direction,Weight,Parent,Type,goalpost_lower,goalpost_upper,goalpost_scale';
    const parsed = parseFrameworkRows(
      `${head}\n1,x,1,1,I,Indicator,0,10,1\n2,I,1,1,NA,Aggregate,NA,NA,NA\n`,
    );
    expect(buildFramework(parsed).nodes.get('x')!.goalposts).toEqual({
      lower: 0,
      upper: 10,
      scale: 1,
    });
    expect(buildFramework(parsed).nodes.get('I')!.goalposts).toBeNull();

    const half = parseFrameworkRows(
      `${head}\n1,x,1,1,I,Indicator,0,NA,NA\n2,I,1,1,NA,Aggregate,NA,NA,NA\n`,
    );
    const e1 = thrown(() => buildFramework(half));
    expect([e1.row, e1.column]).toEqual([1, 'goalpost_upper']);

    const inverted = parseFrameworkRows(
      `${head}\n1,x,1,1,I,Indicator,10,0,NA\n2,I,1,1,NA,Aggregate,NA,NA,NA\n`,
    );
    const e2 = thrown(() => buildFramework(inverted));
    expect([e2.row, e2.column]).toEqual([1, 'goalpost_upper']);
  });

  it('is a configuration method, with a validated default and truncation on by default', () => {
    const c = parsePipelineConfig({
      normalise: { method: 'goalposts', goalposts: { lower: 0, upper: 4 } },
    });
    expect(c.normalise).toMatchObject({
      method: 'goalposts',
      goalposts: { lower: 0, upper: 4, scale: 100 },
      trunc2posts: true,
    });
    const bad = thrown(() =>
      parsePipelineConfig({
        normalise: { method: 'goalposts', goalposts: { lower: 4, upper: 0 } },
      }),
    );
    expect(bad.code).toBe('INVALID_CONFIG');
  });

  it('runs through the pipeline', () => {
    const framework = buildFramework(rows);
    const table: UnitTable = {
      units: ['A', 'B'],
      columns: new Map([
        ['up', ['15', '30']],
        ['down', ['25', '0']],
        ['bare', ['1', '3']],
      ]),
    };
    const result = runPipeline(framework, table, {
      normalise: { method: 'goalposts', goalposts: { lower: 0, upper: 4, scale: 1 } },
      aggregate: { method: 'arithmetic' },
    });
    expect(result.normalised!.values.get('up')).toEqual([0.5, 1]);
    expect(result.normalised!.values.get('down')).toEqual([50, 100]);
    expect(result.normalised!.values.get('bare')).toEqual([0.25, 0.75]);
    // I = mean of the three children, each weight 1
    expect(result.aggregated!.values.get('I')).toEqual([
      (0.5 + 50 + 0.25) / 3,
      (1 + 100 + 0.75) / 3,
    ]);
  });
});
