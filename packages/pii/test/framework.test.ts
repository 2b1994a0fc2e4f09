import { describe, expect, it } from 'vitest';
import {
  buildFramework,
  indicatorData,
  parseCsv,
  parseFramework,
  parsePipelineConfig,
  parseUnitData,
  PiiError,
  runPipeline,
  type FrameworkRow,
} from '../src/index.js';

const base: FrameworkRow[] = [
  { iCode: 'a', type: 'Indicator', level: 1, parent: 'P' },
  { iCode: 'b', type: 'Indicator', level: 1, parent: 'P' },
  { iCode: 'P', type: 'Aggregate', level: 2 },
];

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PiiError);
    return (e as PiiError).code;
  }
  throw new Error('no error thrown');
}

describe('CSV', () => {
  it('handles quotes, escaped quotes, commas, CRLF, a BOM and blank lines', () => {
    const rows = parseCsv('\ufeff"x","y"\r\n"a, ""b""",NA\r\n\r\n"NA",\n');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['x', 'y'],
      ['a, "b"', 'NA'],
      ['NA', ''],
    ]);
    expect(rows[2]![0]!.quoted).toBe(true);
  });
  it('refuses an unterminated quote', () => {
    expect(codeOf(() => parseCsv('"a,b\n1,2'))).toBe('CSV_SYNTAX');
  });
  it('reads iData: NA and empty are missing, a quoted NA is text', () => {
    const t = parseUnitData('uCode,x,g\n"NA",1,\nVNM,NA,"S"\n');
    expect(t.units).toEqual(['NA', 'VNM']);
    expect(t.columns.get('x')).toEqual(['1', null]);
    expect(t.columns.get('g')).toEqual([null, 'S']);
  });
  it('names the row and column of a non-numeric indicator value', () => {
    const t = parseUnitData('uCode,a,b\nA,1,2\nB,x,3\n');
    const f = buildFramework(base);
    try {
      indicatorData(f, t);
      throw new Error('no error');
    } catch (e) {
      expect(e).toMatchObject({ code: 'NON_NUMERIC_VALUE', row: 2, column: 'a' });
      expect((e as Error).message).toContain('row 2');
    }
  });
});

describe('framework validation', () => {
  it('builds levels and children', () => {
    const f = buildFramework(base);
    expect(f.indicators).toEqual(['a', 'b']);
    expect(f.aggregates).toEqual([['P']]);
    expect(f.children.get('P')).toEqual(['a', 'b']);
  });
  it('refuses an unknown parent, naming the row and column', () => {
    const rows = [...base, { iCode: 'c', type: 'Indicator', level: 1, parent: 'Z' } as const];
    try {
      buildFramework(rows);
      throw new Error('no error');
    } catch (e) {
      expect(e).toMatchObject({ code: 'UNKNOWN_PARENT', row: 4, column: 'Parent' });
      expect((e as Error).message).toMatch(/row 4, column Parent/);
    }
  });
  it('refuses a cycle', () => {
    const rows: FrameworkRow[] = [
      { iCode: 'a', type: 'Indicator', level: 1, parent: 'P' },
      { iCode: 'P', type: 'Aggregate', level: 2, parent: 'Q' },
      { iCode: 'Q', type: 'Aggregate', level: 3, parent: 'P' },
    ];
    expect(codeOf(() => buildFramework(rows))).toBe('CYCLE');
  });
  it('refuses other inconsistencies with their codes', () => {
    expect(codeOf(() => buildFramework([...base, base[0]!]))).toBe('DUPLICATE_CODE');
    expect(
      codeOf(() => buildFramework([...base, { iCode: 'E', type: 'Aggregate', level: 3 }])),
    ).toBe('EMPTY_AGGREGATE');
    expect(codeOf(() => buildFramework([{ iCode: 'a', type: 'Indicator', level: 2 }]))).toBe(
      'INVALID_LEVEL',
    );
    expect(
      codeOf(() =>
        buildFramework([{ iCode: 'a', type: 'Indicator', level: 1, denominator: 'pop' }]),
      ),
    ).toBe('UNKNOWN_DENOMINATOR');
    expect(
      codeOf(() =>
        buildFramework([
          { iCode: 'a', type: 'Indicator', level: 1, parent: 'b' },
          { iCode: 'b', type: 'Indicator', level: 1 },
        ]),
      ),
    ).toBe('INVALID_PARENT');
  });
  it('refuses an indicator missing from the data, naming its framework row', () => {
    const meta =
      'Level,iCode,Direction,Weight,Parent,Type\n1,a,1,1,P,Indicator\n1,b,-1,1,P,Indicator\n2,P,1,1,NA,Aggregate\n';
    const f = parseFramework(meta);
    const t = parseUnitData('uCode,a\nA,1\n');
    try {
      indicatorData(f, t);
      throw new Error('no error');
    } catch (e) {
      expect(e).toMatchObject({ code: 'MISSING_INDICATOR', row: 2, column: 'iCode' });
      expect((e as Error).message).toContain("'b'");
    }
  });
});

describe('pipeline config', () => {
  it('applies defaults and refuses unknown keys or bad values', () => {
    const c = parsePipelineConfig({ treat: {}, normalise: {} });
    expect(c.treat).toEqual({
      winmax: 5,
      skewThreshold: 2,
      kurtosisThreshold: 3.5,
      fallback: 'log_CT',
    });
    expect(c.normalise?.range).toEqual([0, 100]);
    expect(codeOf(() => parsePipelineConfig({ bogus: true }))).toBe('INVALID_CONFIG');
    expect(codeOf(() => parsePipelineConfig({ screen: { minDataShare: 2 } }))).toBe(
      'INVALID_CONFIG',
    );
    expect(codeOf(() => parsePipelineConfig({ impute: { method: 'group-mean' } }))).toBe(
      'INVALID_CONFIG',
    );
  });
  it('skips the steps whose key is absent', () => {
    const f = buildFramework(base);
    const t = parseUnitData('uCode,a,b\nA,1,4\nB,3,NA\n');
    const r = runPipeline(f, t, { aggregate: { method: 'arithmetic' } });
    expect(r.denominated).toBeNull();
    expect(r.imputed).toBeNull();
    expect(r.treated).toBeNull();
    expect(r.normalised).toBeNull();
    expect(r.aggregated?.values.get('P')).toEqual([2.5, 3]);
    expect(r.ranks.values.get('P')).toEqual([2, 1]);
  });
});
