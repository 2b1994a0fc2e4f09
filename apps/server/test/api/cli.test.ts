import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi, todayInVietnam } from '@caunoi/shared';
import { assertSeedAllowed, dbMigrate, dbSeed } from '../../src/cli/commands/db.js';
import { UNIT_COLUMNS, unitsList } from '../../src/cli/commands/units.js';
import { resolveProvince, userCreate } from '../../src/cli/commands/user.js';
import { BOM, displayWidth, toCsv, toTable } from '../../src/cli/format.js';
import { CliError, type CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import type { CliRuntime } from '../../src/cli/runtime.js';
import type { AppConfig } from '../../src/config.js';
import { createTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/* ───── helpers ───── */

interface Captured {
  io: CliIO;
  out: () => string;
  err: () => string;
}

function capture(options: { stdin?: string; now?: Date; osUser?: string } = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void err.push(text),
      readStdin: async () => options.stdin ?? '',
      env: {},
      osUser: options.osUser ?? 'kiemthu',
      now: () => options.now ?? new Date(),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** Runs the CLI in-process on the test database (which the command must not close). */
function runtimeFor(config: Partial<AppConfig> = {}): CliRuntime & { opened: () => number } {
  let opened = 0;
  return {
    loadConfig: () => ({ ...t.deps.config, ...config }),
    openDatabase: async () => {
      opened++;
      return { ...t.database, close: async () => undefined };
    },
    opened: () => opened,
  };
}

async function cli(
  args: string[],
  options: { stdin?: string; now?: Date; config?: Partial<AppConfig> } = {},
) {
  const c = capture(options);
  const runtime = runtimeFor(options.config);
  const code = await runCli(args, c.io, runtime);
  return { code, out: c.out(), err: c.err(), opened: runtime.opened() };
}

async function count(table: 'users' | 'role_assignments' | 'audit_log'): Promise<number> {
  const r = await t.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]!.n;
}

async function counts() {
  return {
    users: await count('users'),
    assignments: await count('role_assignments'),
    audit: await count('audit_log'),
  };
}

function csvRows(text: string): Record<string, string>[] {
  expect(text.startsWith(BOM)).toBe(true);
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/* ───── units list ───── */

describe('units list', () => {
  it('writes the 63 units of 2024-12-31 as RFC 4180 CSV with a BOM and a header row', async () => {
    const r = await cli(['units', 'list', '--as-of', '2024-12-31', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.slice(0, 1)).toBe('\uFEFF');
    expect(r.out.slice(1).split('\r\n')[0]).toBe(
      'id,code,name_vi,name_en,type,region_vi,valid_from,valid_to,predecessors',
    );
    expect(r.out.endsWith('\r\n')).toBe(true);
    expect(r.out.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = csvRows(r.out);
    expect(rows).toHaveLength(63);
    expect(Object.keys(rows[0]!)).toEqual([...UNIT_COLUMNS]);
    expect(rows.find((u) => u.code === '46')).toEqual({
      id: '46@2008-08-01',
      code: '46',
      name_vi: 'Thừa Thiên Huế',
      name_en: 'Thua Thien Hue',
      type: 'province',
      region_vi: 'Bắc Trung Bộ và duyên hải miền Trung',
      valid_from: '2008-08-01',
      valid_to: '2025-06-30',
      predecessors: '',
    });
    const names = rows.map((u) => u.name_vi!);
    expect(names).toEqual([...names].sort(compareVi));
    expect(names[0]).toBe('An Giang');
    expect(names.indexOf('Bạc Liêu')).toBeLessThan(names.indexOf('Bắc Giang'));
  });

  it('writes the 34 units of 2025-07-01 with their predecessors', async () => {
    const r = await cli(['units', 'list', '--as-of', '2025-07-01', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    expect(rows).toHaveLength(34);
    const byCode = new Map(rows.map((u) => [u.code, u]));
    expect(byCode.get('37')).toMatchObject({
      id: '37@2025-07-01',
      name_vi: 'Ninh Bình',
      valid_from: '2025-07-01',
      valid_to: '',
      predecessors: '35 Hà Nam;36 Nam Định;37 Ninh Bình',
    });
    // Predecessors are named as on their last day: Huế, not Thừa Thiên Huế.
    expect(byCode.get('46')!.predecessors).toBe('46 Huế');
    expect(byCode.get('15')!.predecessors).toBe('10 Lào Cai;15 Yên Bái');
    expect(byCode.get('31')!.type).toBe('centrally_run_city');
    const predecessorCount = rows.reduce((s, u) => s + u.predecessors!.split(';').length, 0);
    expect(predecessorCount).toBe(63);
  });

  it('writes a JSON array with the same columns', async () => {
    const r = await cli(['units', 'list', '--as-of', '2025-07-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(34);
    for (const row of rows) expect(Object.keys(row)).toEqual([...UNIT_COLUMNS]);
    expect(rows.find((u) => u.code === '91')).toEqual({
      id: '91@2025-07-01',
      code: '91',
      name_vi: 'An Giang',
      name_en: 'An Giang',
      type: 'province',
      region_vi: 'Đồng bằng sông Cửu Long',
      valid_from: '2025-07-01',
      valid_to: null,
      predecessors: [
        { id: '89@2008-08-01', code: '89', name_vi: 'An Giang' },
        { id: '91@2008-08-01', code: '91', name_vi: 'Kiên Giang' },
      ],
    });
    const old = JSON.parse(
      (await cli(['units', 'list', '--as-of', '2025-06-30', '--format', 'json'])).out,
    );
    expect(old).toHaveLength(63);
  });

  it('writes an aligned table by default', async () => {
    const r = await cli(['units', 'list', '--as-of', '2025-07-01']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('34 đơn vị hành chính cấp tỉnh có hiệu lực ngày 01/07/2025:');
    expect(lines[1]).toBe('');
    expect(lines[2]!.split(/\s+/)).toEqual([...UNIT_COLUMNS]);
    expect(lines[3]).toMatch(/^-+( {2}-+)+$/);
    const body = lines.slice(4);
    expect(body).toHaveLength(34);
    // Every column starts at the same place on every line, whatever the diacritics.
    const start = (line: string, col: number) =>
      displayWidth(line.slice(0, line.indexOf(line.trim().split(/ {2,}/)[col]!)));
    const nameStart = displayWidth(lines[2]!.slice(0, lines[2]!.indexOf('name_vi')));
    for (const line of body) expect(start(line, 2)).toBe(nameStart);
    expect(body[0]).toMatch(/^91@2025-07-01 +91 +An Giang +An Giang +province/);
    expect(body.find((l) => l.startsWith('46@'))).toContain('46 Huế');
    const y2024 = await cli(['units', 'list', '--as-of', '2024-12-31', '--format', 'table']);
    expect(y2024.out.trimEnd().split('\n')).toHaveLength(4 + 63);
  });

  it("uses today's date when --as-of is left out", async () => {
    const before = await cli(['units', 'list', '--format', 'json'], {
      now: new Date('2026-04-29T12:00:00+07:00'),
    });
    const after = await cli(['units', 'list', '--format', 'json'], {
      now: new Date('2026-04-30T12:00:00+07:00'),
    });
    const dongNai = (out: string) =>
      (JSON.parse(out) as Array<{ code: string; type: string }>).find((u) => u.code === '75')!;
    expect(dongNai(before.out).type).toBe('province');
    expect(dongNai(after.out).type).toBe('centrally_run_city');
    const early = await cli(['units', 'list', '--format', 'json'], {
      now: new Date('2025-06-30T12:00:00+07:00'),
    });
    expect(JSON.parse(early.out)).toHaveLength(63);
  });

  it.each([
    ['2025-02-30', /Ngày không hợp lệ: "2025-02-30"/],
    ['30/06/2025', /YYYY-MM-DD/],
    ['2008-07-31', /chỉ có từ ngày 2008-08-01/],
  ])('refuses the date %s with exit code 1 and a Vietnamese message', async (date, message) => {
    const r = await cli(['units', 'list', '--as-of', date, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses an unknown format', async () => {
    const r = await cli(['units', 'list', '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Định dạng không hợp lệ: "xlsx".*table, csv, json/);
  });

  it('is callable directly with a registry and a writer', () => {
    const chunks: string[] = [];
    const n = unitsList(t.deps.units.registry, { asOf: '2024-12-31', format: 'json' }, (s) =>
      chunks.push(s),
    );
    expect(n).toBe(63);
    expect(JSON.parse(chunks.join(''))).toHaveLength(63);
    expect(() => unitsList(t.deps.units.registry, { asOf: '2025-13-01' }, () => undefined)).toThrow(
      CliError,
    );
  });
});

describe('output formats', () => {
  it('quotes CSV fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'line1\nline2'],
        [null, 3, 'Huế'],
      ],
    );
    expect(csv).toBe(`${BOM}a,b,c\r\n"x,y","say ""hi""","line1\nline2"\r\n,3,Huế\r\n`);
    expect(parse(csv, { columns: true, bom: true })).toEqual([
      { a: 'x,y', b: 'say "hi"', c: 'line1\nline2' },
      { a: '', b: '3', c: 'Huế' },
    ]);
  });

  it('measures Vietnamese text by characters, composed or not', () => {
    expect(displayWidth('Thừa Thiên Huế')).toBe(14);
    expect(displayWidth('Thừa Thiên Huế'.normalize('NFD'))).toBe(14);
    const table = toTable(
      ['tên', 'mã'],
      [
        ['Đắk Lắk', '66'],
        ['Huế', '46'],
      ],
    );
    expect(table.split('\n').slice(0, 4)).toEqual([
      'tên      mã',
      '-------  --',
      'Đắk Lắk  66',
      'Huế      46',
    ]);
  });
});

/* ───── user create ───── */

describe('user create', () => {
  it('creates a user in one audited transaction; the user can then sign in', async () => {
    const before = await counts();
    const r = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.haiphong',
        '--display-name',
        '  Chuyên viên   tạo từ dòng lệnh ',
        '--email',
        'cli.hp@example.vn',
        '--role',
        'province_officer',
        '--province',
        '31',
        '--password-stdin',
      ],
      { stdin: 'mat-khau-dong-lenh\n' },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã tạo người dùng "cli.haiphong"');
    expect(r.out).toContain('province_officer');
    expect(r.out).toContain('Hải Phòng (31@2025-07-01)');

    const after = await counts();
    expect(after).toEqual({
      users: before.users + 1,
      assignments: before.assignments + 1,
      audit: before.audit + 1,
    });
    const { rows } = await t.database.pool.query(
      `SELECT u.display_name, u.email, u.must_change_password, a.role, a.scope_kind, a.scope_unit_id
         FROM users u JOIN role_assignments a ON a.user_id = u.id WHERE u.username = 'cli.haiphong'`,
    );
    expect(rows).toEqual([
      {
        display_name: 'Chuyên viên tạo từ dòng lệnh',
        email: 'cli.hp@example.vn',
        must_change_password: false,
        role: 'province_officer',
        scope_kind: 'province',
        scope_unit_id: '31@2025-07-01',
      },
    ]);
    const audit = await t.database.pool.query(
      `SELECT actor_username, channel, entity_type, action, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toMatchObject({
      actor_username: 'cli:kiemthu',
      channel: 'cli',
      entity_type: 'user',
      action: 'create',
    });
    expect(JSON.stringify(audit.rows[0].after)).not.toMatch(/argon2|password_?hash/i);

    const session = await t.login('cli.haiphong', 'mat-khau-dong-lenh');
    const me = await session.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'cli.haiphong', mustChangePassword: false });
    expect(me.body.user.assignments).toMatchObject([
      { role: 'province_officer', scopeUnitId: '31@2025-07-01' },
    ]);
  });

  it('refuses a duplicate username and writes nothing', async () => {
    const before = await counts();
    const r = await cli(
      [
        'user',
        'create',
        '--username',
        'HP.ChuyenVien',
        '--display-name',
        'Trùng',
        '--password-stdin',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Tên đăng nhập "hp\.chuyenvien" đã được sử dụng/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a role that does not exist and writes nothing', async () => {
    const before = await counts();
    const r = await cli([
      'user',
      'create',
      '--username',
      'cli.vaitro',
      '--display-name',
      'X',
      '--role',
      'superuser',
      '--password',
      'mat-khau-dai-du',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Vai trò không hợp lệ: "superuser"/);
    expect(r.err).toContain('system_admin (Quản trị hệ thống)');
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      ['--role', 'system_admin', '--province', '31'],
      /"Quản trị hệ thống" không áp dụng cho phạm vi một tỉnh\/thành phố/,
    ],
    [['--role', 'province_officer'], /"Chuyên viên Sở KH&CN" không áp dụng cho phạm vi toàn quốc/],
    [['--role', 'province_approver', '--role', 'viewer'], /không áp dụng cho phạm vi toàn quốc/],
    [['--role', 'ministry_unit_officer'], /không áp dụng cho phạm vi toàn quốc/],
    [
      ['--role', 'ministry_unit_officer', '--organisation', 'SKHCN-31@2025-07-01'],
      /chỉ gắn với một tổ chức loại/,
    ],
    [['--role', 'viewer', '--organisation', 'KHONG-CO'], /Không tìm thấy tổ chức .*"KHONG-CO"/],
  ])(
    'refuses a role with a scope it does not accept (%j) and writes nothing',
    async (extra, message) => {
      const before = await counts();
      const r = await cli(
        [
          'user',
          'create',
          '--username',
          'cli.phamvi',
          '--display-name',
          'Phạm vi sai',
          ...extra,
          '--password-stdin',
        ],
        { stdin: 'mat-khau-dong-lenh' },
      );
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(await counts()).toEqual(before);
    },
  );

  it.each([
    [['--username', 'Ng Van A'], /--username: Tên đăng nhập chỉ gồm/],
    [['--username', 'ab'], /--username: Tên đăng nhập tối thiểu 3 ký tự/],
    [
      ['--username', 'cli.ngan', '--email', 'khong-phai-email'],
      /--email: Địa chỉ email không hợp lệ/,
    ],
  ])('validates the fields like the API (%j)', async (fields, message) => {
    const before = await counts();
    const r = await cli(['user', 'create', ...fields, '--display-name', 'X', '--password-stdin'], {
      stdin: 'mat-khau-dong-lenh',
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('checks the password: length, not containing the username, given exactly once', async () => {
    const before = await counts();
    const short = await cli(
      ['user', 'create', '--username', 'cli.mk', '--display-name', 'X', '--password-stdin'],
      {
        stdin: 'ngan\n',
      },
    );
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/ít nhất 8 ký tự/);
    const same = await cli([
      'user',
      'create',
      '--username',
      'cli.matkhau',
      '--display-name',
      'X',
      '--password',
      'xx-cli.matkhau-xx',
    ]);
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/--password-stdin/);
    expect(same.err).toMatch(/không được chứa tên đăng nhập/);
    const none = await cli(['user', 'create', '--username', 'cli.mk', '--display-name', 'X']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/Cần mật khẩu/);
    const both = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.mk',
        '--display-name',
        'X',
        '--password-stdin',
        '--password',
        'mat-khau-dong-lenh',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/Lỗi: không dùng .*--password-stdin.* cùng với .*--password/);
    const missing = await cli(['user', 'create', '--username', 'cli.mk']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Lỗi: thiếu tùy chọn bắt buộc --display-name/);
    expect(await counts()).toEqual(before);
  });

  it('resolves a bare province code as of today: 15 is the new Lào Cai, not Yên Bái', async () => {
    const r = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.laocai',
        '--display-name',
        'Lào Cai',
        '--role',
        'province_approver',
        '--province',
        '15',
        '--password-stdin',
        '--must-change-password',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lào Cai (15@2025-07-01)');
    expect(r.out).toContain('phải đổi mật khẩu');
    const { rows } = await t.database.pool.query(
      `SELECT a.scope_unit_id, u.must_change_password FROM role_assignments a JOIN users u ON u.id = a.user_id WHERE u.username = 'cli.laocai'`,
    );
    expect(rows).toEqual([{ scope_unit_id: '15@2025-07-01', must_change_password: true }]);
  });

  it('resolves the same code as Yên Bái on a day before the reform', () => {
    const registry = t.deps.units.registry;
    expect(resolveProvince(registry, '15', '2025-03-01').id).toBe('15@2008-08-01');
    expect(resolveProvince(registry, '15', todayInVietnam()).id).toBe('15@2025-07-01');
    expect(resolveProvince(registry, '1', todayInVietnam()).id).toBe('01@2025-07-01');
    expect(resolveProvince(registry, '46@2008-08-01', todayInVietnam()).id).toBe('46@2008-08-01');
  });

  it('explains that a former province code is no longer in use, naming its successor', async () => {
    const before = await counts();
    const r = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.namdinh',
        '--display-name',
        'Nam Định',
        '--role',
        'province_officer',
        '--province',
        '36',
        '--password-stdin',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /không có tỉnh\/thành phố nào mang mã 36: mã này là của Nam Định \(36@2008-08-01\)/,
    );
    expect(r.err).toContain('Ninh Bình (37@2025-07-01)');
    const byId = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.namdinh',
        '--display-name',
        'Nam Định',
        '--role',
        'province_officer',
        '--province',
        '36@2008-08-01',
        '--password-stdin',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(byId.code).toBe(1);
    expect(byId.err).toMatch(/đã hết hiệu lực .*Ninh Bình \(37@2025-07-01\)/);
    const unknown = await cli(
      [
        'user',
        'create',
        '--username',
        'cli.namdinh',
        '--display-name',
        'X',
        '--province',
        '36@2025-07-01',
        '--password-stdin',
      ],
      { stdin: 'mat-khau-dong-lenh' },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Không có đơn vị hành chính 36@2025-07-01/);
    expect(await counts()).toEqual(before);
  });

  it('scopes ministry_unit_officer to --organisation given by code, other roles nationally', async () => {
    const c = capture({ stdin: 'mat-khau-dong-lenh' });
    const user = await userCreate(
      t.deps,
      {
        username: 'cli.vu',
        displayName: 'Chuyên viên Vụ',
        role: ['ministry_unit_officer', 'viewer'],
        organisation: 'BKHCN.VU-PTDP',
        passwordStdin: true,
      },
      { out: c.io.stdout, err: c.io.stderr, readStdin: c.io.readStdin, osUser: 'quantri' },
    );
    expect(user.organisationName).toBe('Vụ Phát triển khoa học và công nghệ địa phương');
    expect(user.assignments.map((a) => [a.role, a.scopeKind, a.organisationName])).toEqual([
      ['ministry_unit_officer', 'organisation', 'Vụ Phát triển khoa học và công nghệ địa phương'],
      ['viewer', 'national', null],
    ]);
    const audit = await t.database.pool.query(
      `SELECT actor_username, channel FROM audit_log WHERE entity_id = $1`,
      [user.id],
    );
    expect(audit.rows).toEqual([{ actor_username: 'cli:quantri', channel: 'cli' }]);
    await t.login('cli.vu', 'mat-khau-dong-lenh');
  });
});

/* ───── db ───── */

describe('db', () => {
  it('migrate reports an up-to-date database', async () => {
    const r = await cli(['db', 'migrate']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('vừa áp dụng: 0');
    expect(r.out).toContain('Đơn vị hành chính được thêm hoặc cập nhật: 0');
    const chunks: string[] = [];
    const result = await dbMigrate(t.database, t.deps.config, (s) => chunks.push(s));
    expect(result.migrations).toMatchObject({ applied: 0 });
    expect(result.demo).toBeNull();
  });

  it('seed --demo is refused in production before the database is opened', async () => {
    const before = await counts();
    const r = await cli(['db', 'seed', '--demo'], { config: { production: true } });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Không nạp dữ liệu mẫu khi NODE_ENV=production/);
    expect(r.opened).toBe(0);
    expect(() => assertSeedAllowed({ ...t.deps.config, production: true }, { demo: true })).toThrow(
      CliError,
    );
    await expect(
      dbSeed(
        t.database,
        { ...t.deps.config, production: true },
        { demo: true },
        () => undefined,
        'x',
      ),
    ).rejects.toThrow(/production/);
    expect(await counts()).toEqual(before);
  });

  it('seed without --demo says what to write', async () => {
    const r = await cli(['db', 'seed']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/db seed --demo/);
    expect(r.opened).toBe(0);
  });

  it('seed --demo leaves a database that has users unchanged, with exit code 0', async () => {
    const before = await counts();
    const r = await cli(['db', 'seed', '--demo']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Không nạp dữ liệu mẫu: cơ sở dữ liệu đã có \d+ người dùng/);
    expect(await counts()).toEqual(before);
  });
});

/* ───── help ───── */

describe('help', () => {
  it.each([
    [
      [],
      ['Cách dùng (usage): caunoi [tùy chọn] [lệnh]', 'Lệnh (commands):', 'db', 'user', 'units'],
    ],
    [['db'], ['migrate', 'seed']],
    [['db', 'migrate'], ['Cập nhật cấu trúc cơ sở dữ liệu']],
    [
      ['db', 'seed'],
      ['--demo', 'CAUNOI_DEMO_PASSWORD', 'NODE_ENV=production'],
    ],
    [
      ['user', 'create'],
      [
        '--username',
        '--display-name',
        '--role',
        '--province',
        '--organisation',
        '--password-stdin',
        '--must-change-password',
        'province_officer = Chuyên viên Sở KH&CN',
      ],
    ],
    [
      ['units', 'list'],
      ['--as-of', '--format', 'BOM UTF-8', 'Ví dụ:'],
    ],
  ])('caunoi %j --help is in Vietnamese', async (command, expected) => {
    const r = await cli([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tùy chọn (options):');
    expect(r.out).toContain('Hiển thị trợ giúp');
    expect(r.out).not.toMatch(/display help for command|^Usage:|\[options\]|\[command\]/m);
    for (const text of expected) expect(r.out).toContain(text);
  });

  it('translates unknown commands and options, with exit code 1', async () => {
    const cmd = await cli(['units', 'lits']);
    expect(cmd.code).toBe(1);
    expect(cmd.err).toMatch(/Lỗi: không có lệnh "lits". Có phải ý bạn là "list"\?/);
    const opt = await cli(['units', 'list', '--asof', '2025-07-01']);
    expect(opt.code).toBe(1);
    expect(opt.err).toMatch(/Lỗi: không có tùy chọn "--asof"/);
    expect(opt.err).toContain('--help');
  });
});
