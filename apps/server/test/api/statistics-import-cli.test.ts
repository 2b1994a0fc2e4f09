import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import type { CliRuntime } from '../../src/cli/runtime.js';
import { createTestApp, type TestApp } from '../support/harness.js';

// `npm run caunoi -- data import <file>`, run in-process on the test database.

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(os.tmpdir(), 'caunoi-import-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});
beforeEach(async () => {
  await t.database.pool.query('TRUNCATE stat_values, stat_value_history, stat_imports');
});

const runtime: CliRuntime = {
  loadConfig: () => t.deps.config,
  openDatabase: async () => ({ ...t.database, close: async () => undefined }),
};

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => '',
    env: {},
    osUser: 'kiemthu',
    now: () => new Date(),
  };
  const code = await runCli(args, io, runtime);
  return { code, out: out.join(''), err: err.join('') };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function count(table: 'stat_values' | 'stat_value_history' | 'stat_imports') {
  const r = await t.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]!.n;
}

const GOOD = [
  'indicator;option;unit;period;value;comment',
  'TASK_OVERDUE;;31;2024;12;',
  'PROV_BUDGET_EXPENDITURE;;36;2024;1.234,5;Số liệu Sở Tài chính',
].join('\n');

describe('data import', () => {
  it('checks and counts on --dry-run, in Vietnamese, and writes nothing', async () => {
    const r = await cli(['data', 'import', file('so-lieu.csv', GOOD), '--dry-run']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tệp so-lieu.csv (CSV): 2 giá trị.');
    expect(r.out).toContain('Chạy thử (--dry-run): đã kiểm tra toàn bộ tệp, không ghi gì.');
    expect(r.out).toMatch(/Sẽ tạo mới: +2\n/);
    expect(r.out).toMatch(/Lỗi: +0\n/);
    expect(r.out).not.toContain('Đã ghi');
    expect(await count('stat_values')).toBe(0);
    expect(await count('stat_imports')).toBe(0);
  });

  it('writes the values as cli:<account> on channel import, with an audit entry', async () => {
    const r = await cli(['data', 'import', file('so-lieu.csv', GOOD)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tạo mới: +2\n/);
    const id = r.out.match(/Mã lần nhập: ([0-9a-f-]{36})\./)?.[1];
    expect(id).toBeDefined();
    const written = await t.database.pool.query(
      'SELECT unit_id, num, channel, batch_id, updated_by FROM stat_values ORDER BY num',
    );
    expect(written.rows).toEqual([
      {
        unit_id: '31@2008-08-01',
        num: 12,
        channel: 'import',
        batch_id: id,
        updated_by: 'cli:kiemthu',
      },
      {
        unit_id: '36@2008-08-01',
        num: 1234.5,
        channel: 'import',
        batch_id: id,
        updated_by: 'cli:kiemthu',
      },
    ]);
    const audit = await t.database.pool.query(
      "SELECT channel, actor_user_id, actor_username FROM audit_log WHERE entity_type = 'stat_import' AND entity_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([
      { channel: 'cli', actor_user_id: null, actor_username: 'cli:kiemthu' },
    ]);

    const again = await cli(['data', 'import', file('so-lieu.csv', GOOD)]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Giống số đã lưu, bỏ qua: +2\n/);
  });

  it('lists the errors with their lines, writes nothing and exits with 1', async () => {
    const bad = `${GOOD}\nTASK_OVERDUE;;36;2025;5;\nTASK_OVERDUE;;31;2023;nhiều;\n`;
    const r = await cli(['data', 'import', file('loi.csv', bad)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Các lỗi:');
    expect(r.out).toContain(
      '  Dòng 4, cột unit [UNIT_NOT_IN_FORCE]: Ngày cuối kỳ 2025 (31/12/2025) không có tỉnh/thành phố nào mang mã 36',
    );
    expect(r.out).toContain('  Dòng 5, cột value [NOT_A_NUMBER]: "nhiều" không phải là một số.');
    expect(r.err.trim()).toBe('Không ghi giá trị nào: tệp có 2 lỗi. Sửa tệp rồi chạy lại.');
    expect(await count('stat_values')).toBe(0);
    expect(await count('stat_imports')).toBe(0);

    const dry = await cli(['data', 'import', file('loi.csv', bad), '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.err.trim()).toBe('Tệp có 2 lỗi: sửa tệp trước khi nhập.');
  });

  it('prints the summary as JSON with --json, reading the format given by --format', async () => {
    const json = JSON.stringify({
      values: [{ indicator: 'TASK_OVERDUE', unit: '37', period: '2025H2', value: 4 }],
    });
    const r = await cli(['data', 'import', file('du-lieu', json), '--format', 'json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      format: 'json',
      fileName: 'du-lieu',
      committed: true,
      created: 1,
      errors: { count: 0, items: [] },
    });
    const stored = await t.database.pool.query('SELECT unit_id FROM stat_values');
    expect(stored.rows).toEqual([{ unit_id: '37@2025-07-01' }]);
  });

  it('explains a missing file, a wrong format, a file that cannot be read', async () => {
    const missing = await cli(['data', 'import', path.join(dir, 'khong-co.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không tìm thấy tệp');

    const format = await cli(['data', 'import', file('a.csv', GOOD), '--format', 'xlsx']);
    expect(format.code).toBe(1);
    expect(format.err.trim()).toBe('Định dạng không hợp lệ: "xlsx". Chọn một trong: csv, json.');

    const header = await cli(['data', 'import', file('b.csv', 'chi_tieu,don_vi\nA,31\n')]);
    expect(header.code).toBe(1);
    expect(header.out).toBe('');
    expect(header.err).toContain('Dòng tiêu đề thiếu cột indicator, unit, period, value');
    expect(header.err).not.toMatch(/\n\s+at /);
  });

  it('has a Vietnamese help with the columns and an example', async () => {
    const r = await cli(['data', 'import', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cách dùng (usage): caunoi data import [tùy chọn] <tệp>');
    expect(r.out).toContain('--dry-run');
    expect(r.out).toContain('indicator,option,unit,period,value,comment');
    expect(r.out).toContain('npm run caunoi -- data import so-lieu-2024.csv --dry-run');
  });
});
