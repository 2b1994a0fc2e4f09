import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFramework, parseUnitData, runPipeline } from '@caunoi/pii';
import { ASEM_CONFIG, cli, fixture, ISSUE_CHOICES } from '../support/index-cli.js';

// `index uncertainty` / `index sensitivity` on COINr's ASEM example, in-process, no database.

const SPEC = { runs: 120, ...ISSUE_CHOICES };

const dir = mkdtempSync(path.join(os.tmpdir(), 'caunoi-index-ua-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const configFile = path.join(dir, 'pipeline.json');
writeFileSync(configFile, JSON.stringify(ASEM_CONFIG));

function specFile(name: string, spec: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  return file;
}

const inputs = (spec: string, out: string) => [
  '--data',
  fixture('iData.csv'),
  '--meta',
  fixture('iMeta.csv'),
  '--config',
  configFile,
  '--spec',
  spec,
  '--out',
  out,
  '--workers',
  '2',
];

function readCsv(file: string): { header: string[]; rows: (string | null)[][] } {
  const records = parse(readFileSync(file, 'utf8'), {
    cast: (value, context) => (!context.quoting && value === 'NA' ? null : value),
  }) as (string | null)[][];
  const [header, ...rows] = records;
  return { header: header as string[], rows };
}

describe('index uncertainty', () => {
  it(
    'writes rankstats.csv: the nominal rank of the index and its spread over the replications',
    { timeout: 120_000 },
    async () => {
      const out = path.join(dir, 'ua');
      const r = await cli(['index', 'uncertainty', ...inputs(specFile('ua.json', SPEC), out)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Đã chạy 120 lần (seed 42)');
      const { header, rows } = readCsv(path.join(out, 'rankstats.csv'));
      expect(header).toEqual(['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95']);
      expect(rows).toHaveLength(51);
      const framework = parseFramework(readFileSync(fixture('iMeta.csv'), 'utf8'));
      const table = parseUnitData(readFileSync(fixture('iData.csv'), 'utf8'));
      const ranks = runPipeline(framework, table, ASEM_CONFIG).ranks;
      const index = ranks.values.get('Index')!;
      let moved = 0;
      for (const [uCode, nominal, mean, median, q5, q95] of rows) {
        expect(Number(nominal)).toBe(index[ranks.units.indexOf(uCode!)]);
        expect(Number(q5)).toBeLessThanOrEqual(Number(median));
        expect(Number(median)).toBeLessThanOrEqual(Number(q95));
        expect(Number(mean)).toBeGreaterThanOrEqual(Number(q5) - 1e-9);
        if (q5 !== q95) moved++;
      }
      expect(moved).toBeGreaterThan(20);
      // The same seed gives the same file.
      const again = path.join(dir, 'ua-again');
      await cli(['index', 'uncertainty', ...inputs(specFile('ua.json', SPEC), again)]);
      expect(readFileSync(path.join(again, 'rankstats.csv'), 'utf8')).toBe(
        readFileSync(path.join(out, 'rankstats.csv'), 'utf8'),
      );
    },
  );

  it('names the file, line and key of a bad specification and writes nothing', async () => {
    const out = path.join(dir, 'ua-bad');
    const spec = specFile('bad.json', { ...SPEC, alternatives: { 'treat.winmax': [1, 'five'] } });
    const r = await cli(['index', 'uncertainty', ...inputs(spec, out)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Lỗi đầu vào: đặc tả phân tích bất định');
    expect(r.err).toContain(`tệp ${spec}`);
    expect(r.err).toContain(
      `file=${spec} row=5 column=alternatives.treat.winmax[1] code=INVALID_SPEC`,
    );
    expect(existsSync(out)).toBe(false);

    const broken = specFile('broken.json', '{"runs": 10,\n "seed": }');
    const b = await cli(['index', 'uncertainty', ...inputs(broken, out)]);
    expect(b.code).toBe(1);
    expect(b.err).toContain('code=INVALID_JSON');
    expect(existsSync(out)).toBe(false);
  });
});

describe('index sensitivity', () => {
  it(
    'writes sensitivity.csv: first-order and total indices of each factor with intervals',
    { timeout: 120_000 },
    async () => {
      const out = path.join(dir, 'sa');
      const spec = specFile('sa.json', { ...SPEC, runs: 40, bootstrap: 200 });
      const r = await cli(['index', 'sensitivity', ...inputs(spec, out)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('N = 40, 5 yếu tố');
      const { header, rows } = readCsv(path.join(out, 'sensitivity.csv'));
      expect(header).toEqual(['factor', 'Si', 'Si_low', 'Si_high', 'STi', 'STi_low', 'STi_high']);
      expect(rows.map((row) => row[0])).toEqual([
        'treat.winmax',
        'normalise',
        'aggregate.method',
        'weightNoise.2',
        'weightNoise.3',
      ]);
      for (const row of rows) {
        const [si, siLow, siHigh, sti, stiLow, stiHigh] = row.slice(1).map(Number);
        expect(siLow!).toBeLessThanOrEqual(si!);
        expect(si!).toBeLessThanOrEqual(siHigh!);
        expect(stiLow!).toBeLessThanOrEqual(sti!);
        expect(sti!).toBeLessThanOrEqual(stiHigh!);
        expect(sti!).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it('refuses a specification with a single uncertain input and writes nothing', async () => {
    const out = path.join(dir, 'sa-bad');
    const spec = specFile('one.json', { runs: 10, alternatives: { 'treat.winmax': [1, 2] } });
    const r = await cli(['index', 'sensitivity', ...inputs(spec, out)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('code=INVALID_SPEC');
    expect(r.err).toContain(`file=${spec}`);
    expect(existsSync(out)).toBe(false);
  });
});
