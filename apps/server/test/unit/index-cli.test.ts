import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASEM_CONFIG, cli, fixture } from '../support/index-cli.js';

// `index compute` / `index audit` on COINr's ASEM example, in-process, with no database.

const TOLERANCE = 1e-9;

interface Table {
  header: string[];
  rows: Map<string, (string | null)[]>;
}

/** Reads a CSV as COINr writes it: first column the key, unquoted NA missing. */
function readTable(file: string): Table {
  const records = parse(readFileSync(file, 'utf8'), {
    bom: true,
    cast: (value, context) => (!context.quoting && value === 'NA' ? null : value),
  }) as (string | null)[][];
  const [header, ...body] = records;
  const rows = new Map<string, (string | null)[]>();
  for (const r of body) rows.set(r[0]!, r.slice(1));
  return { header: header as string[], rows };
}

/** Largest |difference| between two tables of numbers, after checking they have the same shape. */
function maxDifference(actual: Table, expected: Table): number {
  expect([...actual.rows.keys()].sort()).toEqual([...expected.rows.keys()].sort());
  expect([...actual.header].sort()).toEqual([...expected.header].sort());
  let worst = 0;
  for (const [key, cells] of expected.rows) {
    const got = actual.rows.get(key)!;
    expected.header.slice(1).forEach((col, j) => {
      const want = cells[j] ?? null;
      const have = got[actual.header.indexOf(col) - 1] ?? null;
      const where = `${key} ${col}`;
      if (want === null) return void expect(have, where).toBeNull();
      expect(have, where).not.toBeNull();
      if (want === 'TRUE' || want === 'FALSE') return void expect(have, where).toBe(want);
      worst = Math.max(worst, Math.abs(Number(have) - Number(want)));
    });
  }
  return worst;
}

let work: string;
let configFile: string;
const write = (name: string, text: string) => {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
};
const args = (
  command: string,
  over: { data?: string; meta?: string; config?: string },
  out: string,
) => [
  'index',
  command,
  '--data',
  over.data ?? fixture('iData.csv'),
  '--meta',
  over.meta ?? fixture('iMeta.csv'),
  '--config',
  over.config ?? configFile,
  '--out',
  out,
];
const listing = (dir: string) => readdirSync(dir).sort();

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'caunoi-index-'));
  configFile = write('pipeline.json', JSON.stringify(ASEM_CONFIG));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('index compute on the ASEM example', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(work, 'compute');
    const r = await cli(args('compute', {}, out));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã ghi 8 tệp');
  });

  it('writes one file per step, uCode first and the codes in iMeta order', () => {
    expect(listing(out)).toEqual(
      [
        'aggregated.csv',
        'denominated.csv',
        'imputed.csv',
        'normalised.csv',
        'ranks.csv',
        'screened.csv',
        'treated.csv',
        'treatment.csv',
      ].sort(),
    );
    const meta = parse(readFileSync(fixture('iMeta.csv'), 'utf8'), { columns: true }) as {
      iCode: string;
      Type: string;
    }[];
    const scored = meta.filter((m) => m.Type === 'Indicator' || m.Type === 'Aggregate');
    const aggregated = readTable(path.join(out, 'aggregated.csv'));
    expect(aggregated.header).toEqual(['uCode', ...scored.map((m) => m.iCode)]);
    expect(readTable(path.join(out, 'ranks.csv')).header).toEqual(aggregated.header);
    expect(readTable(path.join(out, 'normalised.csv')).header).toEqual([
      'uCode',
      ...meta.filter((m) => m.Type === 'Indicator').map((m) => m.iCode),
    ]);
    expect(readTable(path.join(out, 'screened.csv')).rows.size).toBe(51);
  });

  it.each([
    ['denominated.csv', 'expected_02_denominated.csv'],
    ['imputed.csv', 'expected_03_imputed.csv'],
    ['treated.csv', 'expected_05_treated.csv'],
    ['normalised.csv', 'expected_06_normalised.csv'],
    ['aggregated.csv', 'expected_07_aggregated.csv'],
    ['treatment.csv', 'expected_05_treatment_details.csv'],
  ])('%s equals COINr’s %s within 1e-9 when read back', (name, expected) => {
    const diff = maxDifference(
      restrictColumns(readTable(path.join(out, name)), readTable(fixture(expected))),
      readTable(fixture(expected)),
    );
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
  });

  it('ranks.csv equals COINr’s ranks but for the tie hidden below the printed precision', () => {
    const got = readTable(path.join(out, 'ranks.csv'));
    const want = readTable(fixture('expected_08_ranks.csv'));
    const mismatches: string[] = [];
    for (const [unit, cells] of want.rows) {
      want.header.slice(1).forEach((col, j) => {
        const have = got.rows.get(unit)![got.header.indexOf(col) - 1];
        if (have !== cells[j]) mismatches.push(`${unit} ${col}: ${have} vs ${cells[j]}`);
      });
    }
    // see packages/pii/test/parity.test.ts: BGR, CZE, GRC share TolMin 5.1 in iData
    expect(mismatches).toEqual(['GRC TolMin: 24 vs 26']);
  });

  it('writes numbers in full precision', () => {
    const text = readFileSync(path.join(out, 'aggregated.csv'), 'utf8');
    const aut = text.split('\n')[1]!.split(',');
    // the shortest representation that reads back to the same double, never rounded to 15 digits
    expect(aut[1]).toBe(String(Number(aut[1])));
    expect(aut.filter((c) => /\d\.\d{15,}/.test(c)).length).toBeGreaterThan(10);
  });
});

/** The expected table's columns only (treatment.csv has COINr's columns and more). */
function restrictColumns(actual: Table, expected: Table): Table {
  const idx = expected.header.map((h) => actual.header.indexOf(h));
  const rows = new Map<string, (string | null)[]>();
  for (const [k, cells] of actual.rows) {
    if (expected.rows.has(k))
      rows.set(
        k,
        idx.slice(1).map((i) => cells[i - 1] ?? null),
      );
  }
  return { header: expected.header, rows };
}

describe('steps left out', () => {
  it('writes no treated.csv or treatment.csv without treat, and removes those of an earlier run', async () => {
    const out = path.join(work, 'partial');
    expect((await cli(args('compute', {}, out))).code).toBe(0);
    expect(listing(out)).toContain('treated.csv');
    const { treat: _treat, screen: _screen, ...rest } = ASEM_CONFIG;
    const config = write('no-treat.json', JSON.stringify(rest));
    const r = await cli(args('compute', { config }, out));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(listing(out)).toEqual(
      ['aggregated.csv', 'denominated.csv', 'imputed.csv', 'normalised.csv', 'ranks.csv'].sort(),
    );
    // normalised straight from the imputed values: differs from COINr's treated build
    const normalised = readTable(path.join(out, 'normalised.csv'));
    const coinr = readTable(fixture('expected_06_normalised.csv'));
    expect(maxDifference(normalised, coinr)).toBeGreaterThan(1);
  });
});

describe('errors in the input', () => {
  let out: string;
  beforeAll(() => {
    out = path.join(work, 'kept');
    mkdirSync(out);
    writeFileSync(path.join(out, 'ghi-chu.txt'), 'đã có từ trước');
  });

  async function refused(over: { data?: string; meta?: string; config?: string }) {
    const before = listing(work);
    const r = await cli(args('compute', over, out));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(listing(out)).toEqual(['ghi-chu.txt']);
    expect(listing(work)).toEqual(before);
    const machine = /file=(\S+) row=(\S+) column=(\S+) code=(\S+)/.exec(r.err);
    expect(machine, r.err).not.toBeNull();
    return {
      err: r.err,
      file: machine![1],
      row: machine![2],
      column: machine![3],
      code: machine![4],
    };
  }

  it('names the iMeta row and column of a cycle in the tree', async () => {
    const text = readFileSync(fixture('iMeta.csv'), 'utf8').replace(
      '3,"Conn","Connectivity",1,1,"Score",NA,NA,"Index"',
      '3,"Conn","Connectivity",1,1,"Score",NA,NA,"Physical"',
    );
    const meta = write('cycle-iMeta.csv', text);
    const lineOfConn = text.split('\n').findIndex((l) => l.includes('"Conn","Connectivity"')) + 1;
    const e = await refused({ meta });
    expect(e).toMatchObject({
      file: meta,
      row: String(lineOfConn),
      column: 'Parent',
      code: 'CYCLE',
    });
    expect(e.err).toMatch(/^Lỗi đầu vào: cây khung chỉ số có vòng lặp/);
    expect(e.err).toContain(`dòng ${lineOfConn}, cột Parent`);
  });

  it('names the iData row and column of a non-numeric value', async () => {
    const lines = readFileSync(fixture('iData.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('"LPI"');
    const cells = lines[3]!.split(',');
    cells[col] = 'abc';
    lines[3] = cells.join(',');
    const data = write('bad-iData.csv', lines.join('\n'));
    const e = await refused({ data });
    expect(e).toMatchObject({ file: data, row: '4', column: 'LPI', code: 'NON_NUMERIC_VALUE' });
    expect(e.err).toContain('giá trị không phải là số');
  });

  it('names an unknown parent code, a unit without data and an invalid configuration', async () => {
    const metaText = readFileSync(fixture('iMeta.csv'), 'utf8').replace(
      '1,"LPI","Logistics Performance Index",1,1,"Score 1-5",4.11803135,NA,"Physical"',
      '1,"LPI","Logistics Performance Index",1,1,"Score 1-5",4.11803135,NA,"Physicl"',
    );
    const unknown = await refused({ meta: write('unknown-iMeta.csv', metaText) });
    expect(unknown).toMatchObject({ row: '2', column: 'Parent', code: 'UNKNOWN_PARENT' });

    const lines = readFileSync(fixture('iData.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',').map((h) => h.replaceAll('"', ''));
    const firstIndicator = header.indexOf('LPI');
    const cells = lines[1]!.split(',');
    const empty = cells.map((c, j) => (j >= firstIndicator ? 'NA' : c));
    lines.push(empty.join(',').replace('"AUT"', '"ZZZ"'));
    const noData = await refused({ data: write('empty-unit.csv', lines.join('\n')) });
    expect(noData).toMatchObject({
      row: String(lines.length),
      column: 'uCode',
      code: 'EMPTY_UNIT',
    });

    const config = write('bad.json', JSON.stringify({ normalise: { method: 'softmax' } }));
    const bad = await refused({ config });
    expect(bad).toMatchObject({
      file: config,
      row: '-',
      column: 'normalise.method',
      code: 'INVALID_CONFIG',
    });

    const goalposts = write(
      'goalposts.json',
      JSON.stringify({ normalise: { method: 'goalposts' }, aggregate: {} }),
    );
    const posts = await refused({ config: goalposts });
    expect(posts).toMatchObject({
      file: fixture('iMeta.csv'),
      row: '2',
      column: 'goalpost_lower',
      code: 'INVALID_VALUE',
    });

    const broken = write('broken.json', '{"treat": {"winmax": 5,}\n}');
    const json = await refused({ config: broken });
    expect(json).toMatchObject({ file: broken, code: 'INVALID_JSON' });
  });
});

describe('index audit', () => {
  it('writes correlations, Cronbach, PCA, strengths and efficiency', async () => {
    const out = path.join(work, 'audit');
    const r = await cli([...args('audit', {}, out), '--efficiency', 'Sust,Conn']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(listing(out)).toEqual(
      [
        'correlation_matrices.csv',
        'correlations.csv',
        'cronbach.csv',
        'efficiency.csv',
        'pca.csv',
        'strengths.csv',
      ].sort(),
    );
    const cronbach = parse(readFileSync(path.join(out, 'cronbach.csv'), 'utf8'), {
      columns: true,
    }) as { aggregate: string; items: string; alpha: string }[];
    expect(cronbach.map((c) => c.aggregate)).toContain('Physical');
    for (const c of cronbach) expect(Number.isFinite(Number(c.alpha)), c.aggregate).toBe(true);

    const pca = parse(readFileSync(path.join(out, 'pca.csv'), 'utf8'), { columns: true }) as {
      aggregate: string;
      eigenvalue: string;
    }[];
    for (const c of cronbach) {
      const sum = pca
        .filter((p) => p.aggregate === c.aggregate)
        .reduce((s, p) => s + Number(p.eigenvalue), 0);
      expect(sum).toBeCloseTo(Number(c.items), 9);
    }
    const correlations = readTable(path.join(out, 'correlations.csv'));
    expect(correlations.rows.size).toBe(49 + 11);
    const strengths = readTable(path.join(out, 'strengths.csv'));
    expect(strengths.rows.size).toBe(51);
    expect(
      strengths.rows.get('AUT')!.filter((m) => m === 'strength').length,
    ).toBeGreaterThanOrEqual(10);
    expect(readTable(path.join(out, 'efficiency.csv')).rows.size).toBe(51);
  });

  it('refuses a configuration without aggregation, writing nothing', async () => {
    const { aggregate: _a, ...rest } = ASEM_CONFIG;
    const config = write('no-aggregate.json', JSON.stringify(rest));
    const out = path.join(work, 'audit-none');
    const r = await cli(args('audit', { config }, out));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`file=${config} row=- column=aggregate code=INVALID_CONFIG`);
    expect(readdirSync(work)).not.toContain('audit-none');
  });
});
