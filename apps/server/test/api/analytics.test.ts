import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeValues, type ValueWrite } from '../../src/modules/statistics/values.store.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { tokenClient } from '../support/factories/accounts.js';
import { HP, HUE, NB, ND, TTH } from '../support/factories/coordination.js';
import { testClock } from '../support/factories/tasks.js';

// Today is 15/11/2025: 2024 was reported by the 63 former provinces, 2025 by today's 34.
const clock = testClock('2025-11-15T03:00:00Z');
const API = '/api/v1/analytics';
const SYNTHETIC_NOTE = 'Số liệu mô phỏng, không phải số liệu báo cáo';

let t: TestApp;
let coordinator: Client;
let viewer: Client;
let hp: Client;
let nd: Client;
/** Today's Ninh Bình and Hải Phòng, as the registry says they were formed. */
let nbParts: string[];
let hpParts: string[];
let HP_OLD: string;
let HD: string;
let HA_NAM: string;
let NB_OLD: string;

interface Cell {
  value: number | string | boolean | null;
  synthetic?: true;
  flags?: string[];
  coverage?: { reported: number; expected: number };
  missing?: string[];
}
interface View {
  boundaries: string;
  asOf: string;
  levels: string[];
  scope: string;
  synthetic: boolean;
  notes: string[];
  indicators: Array<{ key: string; code: string; optionCode: string | null }>;
  periods: Array<{ code: string; labelVi: string }>;
  rows: Array<{ level: string; key: string; unitId: string | null; nameVi: string }>;
  units: Array<{ id: string; nameVi: string }>;
  size: [number, number, number];
  values: Array<number | string | boolean | null>;
  marks: string;
  cellNotes: Array<Omit<Cell, 'value' | 'synthetic'> & { at: number }>;
}

const get = async (client: Client, query: string): Promise<View> => {
  const res = await client.get(`${API}?${query}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body as View;
};

/**
 * The cell of an indicator key, a row key (unit id, `region:…`, `nation`) and a period, read from
 * the answer's layout as a client would; undefined where the row has no figure in that period.
 */
function cell(view: View, key: string, row: string, period: string): Cell | undefined {
  const i = view.indicators.findIndex((x) => x.key === key);
  const r = view.rows.findIndex((x) => x.key === row);
  const p = view.periods.findIndex((x) => x.code === period);
  expect(i, key).toBeGreaterThanOrEqual(0);
  expect(p, period).toBeGreaterThanOrEqual(0);
  if (r < 0) return undefined;
  const [indicators, rows, periods] = view.size;
  expect([indicators, rows, periods]).toEqual([
    view.indicators.length,
    view.rows.length,
    view.periods.length,
  ]);
  expect(view.values).toHaveLength(indicators * rows * periods);
  const at = (i * rows + r) * periods + p;
  const note = view.cellNotes.find((n) => n.at === at);
  if (view.marks[at] === '-') {
    expect(view.values[at]).toBeNull();
    expect(note).toBeUndefined();
    return undefined;
  }
  const { at: _at, ...rest } = note ?? { at };
  return {
    value: view.values[at]!,
    ...(view.marks[at] === '1' ? { synthetic: true as const } : {}),
    ...rest,
  };
}

const num = (
  indicatorCode: string,
  unitId: string,
  periodCode: string,
  value: number,
  optionCode = '',
): ValueWrite => ({ indicatorCode, optionCode, unitId, periodCode, num: value, txt: null });

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  coordinator = await tokenClient(t, 'bo.dieuphoi');
  viewer = await tokenClient(t, 'xem');
  hp = await tokenClient(t, 'hp.chuyenvien');
  nd = await tokenClient(t, 'nd.chuyenvien');

  const registry = t.deps.units.registry;
  const partsOf = (id: string) =>
    registry
      .predecessorsOf(id)
      .map((e) => e.predecessorId)
      .sort();
  nbParts = partsOf(NB);
  hpParts = partsOf(HP);
  const byName = (ids: string[], name: string) =>
    ids.find((id) => registry.require(id).names[0]!.nameVi === name)!;
  HA_NAM = byName(nbParts, 'Hà Nam');
  NB_OLD = byName(nbParts, 'Ninh Bình');
  HP_OLD = byName(hpParts, 'Hải Phòng');
  HD = byName(hpParts, 'Hải Dương');
  expect(nbParts).toEqual([HA_NAM, ND, NB_OLD].sort());
  expect(partsOf(HUE)).toEqual([TTH]);

  // A mean indicator (the starter catalogue has none) and a text one.
  await t.database.db.execute(sql`
    INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi, definition_en,
      unit_vi, unit_en, value_type, unit_aggregation, period_aggregation, direction, source_vi,
      legal_basis, sort_order)
    SELECT 'SCORE_MEAN', group_code, 'Điểm đánh giá bình quân', 'Mean score', '', '', 'điểm',
      'points', 'decimal', 'mean', 'last', 'higher_better', '', '', 900
    FROM stat_indicators WHERE code = 'PII_SCORE'
    UNION ALL
    SELECT 'PLAN_NOTE', group_code, 'Ghi chú kế hoạch', 'Plan note', '', '', '', '', 'text',
      'none', 'none', 'neutral', '', '', 901
    FROM stat_indicators WHERE code = 'PII_SCORE'`);

  const reported: ValueWrite[] = [
    // A plain sum.
    num('INSPECTIONS', ND, '2024', 10),
    num('INSPECTIONS', HA_NAM, '2024', 20),
    num('INSPECTIONS', NB_OLD, '2024', 30),
    num('INSPECTIONS', HP_OLD, '2024', 40),
    num('INSPECTIONS', TTH, '2024', 5),
    num('INSPECTIONS', NB, '2025', 70),
    // A disaggregated sum: the total adds the options; the former Ninh Bình has no provincial level.
    num('TASK_STARTED', ND, '2024', 3, 'TINH'),
    num('TASK_STARTED', ND, '2024', 4, 'CO_SO'),
    num('TASK_STARTED', HA_NAM, '2024', 5, 'TINH'),
    num('TASK_STARTED', NB_OLD, '2024', 1, 'QUOC_GIA'),
    // A ratio: 10 %, 30 % and 0 % by its components; Hải Dương lacks the numerator; Thừa Thiên
    // Huế typed the ratio alone.
    num('ADMIN_PROCEDURES_ONLINE', ND, '2024', 10),
    num('ADMIN_PROCEDURES', ND, '2024', 100),
    num('ADMIN_PROCEDURES_ONLINE', HA_NAM, '2024', 90),
    num('ADMIN_PROCEDURES', HA_NAM, '2024', 300),
    num('ADMIN_PROCEDURES_ONLINE', NB_OLD, '2024', 0),
    num('ADMIN_PROCEDURES', NB_OLD, '2024', 100),
    num('ADMIN_PROCEDURES_ONLINE', HP_OLD, '2024', 50),
    num('ADMIN_PROCEDURES', HP_OLD, '2024', 100),
    num('ADMIN_PROCEDURES', HD, '2024', 100),
    num('ADMIN_ONLINE_SHARE', TTH, '2024', 42),
    // A mean, a value that does not add up, yes/no and text.
    num('SCORE_MEAN', ND, '2024', 60),
    num('SCORE_MEAN', HA_NAM, '2024', 70),
    num('SCORE_MEAN', NB_OLD, '2024', 80),
    num('SCORE_MEAN', TTH, '2024', 55),
    num('PII_SCORE', TTH, '2024', 40.5),
    num('PII_SCORE', ND, '2024', 38),
    num('RAD_RESPONSE_PLAN', TTH, '2024', 1),
    {
      indicatorCode: 'PLAN_NOTE',
      optionCode: '',
      unitId: TTH,
      periodCode: '2024',
      num: null,
      txt: 'Đã ban hành',
    },
  ];
  await writeValues(t.database.db, reported, { channel: 'import', actorUsername: 'admin' });
  // Hải Dương's inspections are demonstration figures.
  await writeValues(t.database.db, [num('INSPECTIONS', HD, '2024', 50)], {
    channel: 'import',
    actorUsername: 'admin',
    synthetic: true,
  });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /analytics: who may ask what', () => {
  it('asks for a sign-in', async () => {
    const res = await t.anonymous.get(`${API}?indicators=INSPECTIONS&periods=2024`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown codes, bad periods and too large a view in Vietnamese, with a stable reason', async () => {
    const cases: Array<[string, string, string]> = [
      ['indicators=INSPECTIONS,KHONG_CO&periods=2024', 'UNKNOWN_INDICATOR', 'KHONG_CO'],
      ['indicators=TASK_STARTED.KHONG_CO&periods=2024', 'UNKNOWN_OPTION', 'TASK_STARTED.KHONG_CO'],
      ['indicators=INSPECTIONS.TINH&periods=2024', 'UNKNOWN_OPTION', 'INSPECTIONS.TINH'],
      ['indicators=INSPECTIONS&periods=2024Q5', 'INVALID_PERIOD', '2024Q5'],
      ['indicators=INSPECTIONS&periods=2024M7', 'INVALID_PERIOD', '2024M7'],
      ['indicators=INSPECTIONS&periods=2019..2024Q1', 'INVALID_PERIOD_RANGE', '2019..2024Q1'],
      ['indicators=INSPECTIONS&periods=2025..2019', 'INVALID_PERIOD_RANGE', '2025..2019'],
      ['indicators=INSPECTIONS&periods=2007', 'PERIOD_OUT_OF_RANGE', '2007'],
      ['indicators=INSPECTIONS&periods=2024&levels=unit,tinh', 'UNKNOWN_LEVEL', 'tinh'],
      ['indicators=INSPECTIONS&periods=2024&units=99@2025-07-01', 'UNKNOWN_UNIT', '99@2025-07-01'],
      [
        'indicators=INSPECTIONS,TASK_STARTED,TASK_ACCEPTED,TASK_OVERDUE,ADMIN_PROCEDURES,PII_SCORE,FUND_DISBURSED,STE_ACTIVE,RAD_INCIDENTS,INNOV_EVENTS,STE_CERT_NEW,IP_APPLICATIONS,SMQ_INSTRUMENTS_VERIFIED,TECH_MODELS_BUILT,POLICY_DOCUMENTS_ISSUED,RAD_LICENCES_ISSUED,TECH_PROCESSES_APPLIED,INNOV_STARTUP_PROJECTS&periods=2009M01..2025M12',
        'TOO_MANY_CELLS',
        'vượt giới hạn',
      ],
    ];
    for (const [query, reason, mention] of cases) {
      const res = await coordinator.get(`${API}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('VALIDATION_ERROR');
      expect(res.body.error.details[0].reason, query).toBe(reason);
      expect(res.body.error.message, query).toContain(mention);
    }
    const missing = await coordinator.get(`${API}?indicators=INSPECTIONS`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('periods');
    const boundaries = await coordinator.get(
      `${API}?indicators=INSPECTIONS&periods=2024&boundaries=hom-nay`,
    );
    expect(boundaries.status).toBe(400);
    expect(boundaries.body.error.message).toContain('boundaries');
  });

  it('keeps a province to its own unit and the units it was formed from, without aggregates', async () => {
    const view = await get(hp, 'indicators=INSPECTIONS&periods=2024,2025');
    expect(view.scope).toBe('province');
    expect(view.levels).toEqual(['unit']);
    expect(view.rows.map((r) => r.key).sort()).toEqual([...hpParts, HP].sort());
    expect(cell(view, 'INSPECTIONS', HP_OLD, '2024')!.value).toBe(40);

    const today = await get(hp, 'indicators=INSPECTIONS&periods=2024&boundaries=current');
    expect(today.rows.map((r) => r.key)).toEqual([HP]);
    expect(cell(today, 'INSPECTIONS', HP, '2024')!.value).toBe(90);

    // Another province is as unknown as a missing record; aggregates are not theirs to ask for.
    const other = await hp.get(`${API}?indicators=INSPECTIONS&periods=2024&units=${NB}`);
    expect(other.status).toBe(404);
    const former = await hp.get(`${API}?indicators=INSPECTIONS&periods=2024&units=${ND}`);
    expect(former.status).toBe(404);
    const region = await hp.get(`${API}?indicators=INSPECTIONS&periods=2024&levels=unit,region`);
    expect(region.status).toBe(403);
    expect(region.body.error.message).toContain('tài khoản cấp Bộ');

    // An account still scoped to the former Nam Định sees Nam Định's figures, not Ninh Bình's.
    const ndView = await get(nd, 'indicators=INSPECTIONS&periods=2024,2025');
    expect(ndView.rows.map((r) => r.key)).toEqual([ND]);
    const ndToday = await get(nd, 'indicators=INSPECTIONS&periods=2024&boundaries=current');
    expect(ndToday.rows).toEqual([]);
    expect(ndToday.values).toEqual([]);
  });
});

describe('GET /analytics as reported', () => {
  it('shows each period by the units that reported it, with regions and the nation', async () => {
    const view = await get(viewer, 'indicators=INSPECTIONS&periods=2024,2025');
    expect(view.boundaries).toBe('as-reported');
    expect(view.scope).toBe('national');
    expect(view.levels).toEqual(['unit', 'region', 'nation']);
    const units = view.rows.filter((r) => r.level === 'unit');
    expect(units).toHaveLength(63 + 34);
    expect(view.rows.filter((r) => r.level === 'region')).toHaveLength(6);
    expect(view.rows.at(-1)!.key).toBe('nation');

    expect(cell(view, 'INSPECTIONS', ND, '2024')!.value).toBe(10);
    // Nam Định did not exist at the end of 2025, nor today's Ninh Bình at the end of 2024.
    expect(cell(view, 'INSPECTIONS', ND, '2025')).toBeUndefined();
    expect(cell(view, 'INSPECTIONS', NB, '2024')).toBeUndefined();
    expect(cell(view, 'INSPECTIONS', NB, '2025')!.value).toBe(70);
    // A unit that reported nothing has an empty cell, without flags.
    expect(cell(view, 'INSPECTIONS', '01@2008-08-01', '2024')).toEqual(
      expect.objectContaining({ value: null }),
    );

    const nation2024 = cell(view, 'INSPECTIONS', 'nation', '2024')!;
    expect(nation2024.value).toBe(10 + 20 + 30 + 40 + 50 + 5);
    expect(nation2024.coverage).toEqual({ reported: 6, expected: 63 });
    expect(nation2024.flags).toEqual(['incomplete']);
    expect(nation2024.missing).toHaveLength(57);
    expect(nation2024.synthetic).toBe(true);
    const nation2025 = cell(view, 'INSPECTIONS', 'nation', '2025')!;
    expect(nation2025).toMatchObject({ value: 70, coverage: { reported: 1, expected: 34 } });
    expect(nation2025.synthetic).toBeUndefined();

    const redRiver = cell(view, 'INSPECTIONS', 'region:Đồng bằng sông Hồng', '2024')!;
    expect(redRiver.value).toBe(150);
    expect(redRiver.coverage).toEqual({ reported: 5, expected: 11 });
    const missingNames = redRiver.missing!.map((id) => view.units.find((u) => u.id === id)!.nameVi);
    expect(missingNames).toContain('Hà Nội');
    expect(missingNames).not.toContain('Nam Định');
  });

  it('adds up the options of a disaggregated indicator, or shows one option', async () => {
    const view = await get(
      coordinator,
      `indicators=TASK_STARTED,TASK_STARTED.TINH&periods=2024&units=${NB}&levels=unit`,
    );
    // A unit of today brings the units it was formed from, which reported 2024.
    expect(view.rows.map((r) => r.key).sort()).toEqual(nbParts);
    expect(cell(view, 'TASK_STARTED', ND, '2024')!.value).toBe(7);
    expect(cell(view, 'TASK_STARTED.TINH', ND, '2024')!.value).toBe(3);
    expect(cell(view, 'TASK_STARTED', NB_OLD, '2024')!.value).toBe(1);
    expect(cell(view, 'TASK_STARTED.TINH', NB_OLD, '2024')!.value).toBeNull();
  });

  it('flags a ratio reported without its components and leaves it out of aggregates', async () => {
    const view = await get(coordinator, 'indicators=ADMIN_ONLINE_SHARE&periods=2024');
    expect(cell(view, 'ADMIN_ONLINE_SHARE', ND, '2024')!.value).toBe(10);
    expect(cell(view, 'ADMIN_ONLINE_SHARE', TTH, '2024')).toMatchObject({
      value: 42,
      flags: ['reported_ratio'],
    });
    expect(cell(view, 'ADMIN_ONLINE_SHARE', HD, '2024')!.flags).toEqual(['missing_component']);
    // The nation: (10 + 90 + 0 + 50) / (100 + 300 + 100 + 100).
    const nation = cell(view, 'ADMIN_ONLINE_SHARE', 'nation', '2024')!;
    expect(nation.value).toBe(25);
    expect(nation.flags).toEqual(['incomplete', 'reported_ratio_excluded']);
    expect(nation.coverage).toEqual({ reported: 4, expected: 63 });
  });
});

describe('GET /analytics on today’s boundaries', () => {
  let view: View;
  beforeAll(async () => {
    view = await get(
      coordinator,
      'indicators=INSPECTIONS,TASK_STARTED,TASK_STARTED.TINH,ADMIN_ONLINE_SHARE,SCORE_MEAN,PII_SCORE,RAD_RESPONSE_PLAN,PLAN_NOTE&periods=2024..2025&boundaries=current',
    );
  });

  it('has today’s units as rows', () => {
    expect(view.boundaries).toBe('current');
    expect(view.asOf).toBe('2025-11-15');
    expect(view.periods.map((p) => p.code)).toEqual(['2024', '2025']);
    expect(view.rows.filter((r) => r.level === 'unit')).toHaveLength(34);
    expect(view.rows.find((r) => r.key === ND)).toBeUndefined();
  });

  it('adds up the former units into today’s unit', () => {
    // Complete: a value, nothing more to say.
    expect(cell(view, 'INSPECTIONS', NB, '2024')).toEqual({ value: 60 });
    expect(cell(view, 'INSPECTIONS', NB, '2025')!.value).toBe(70);
    expect(cell(view, 'TASK_STARTED', NB, '2024')!.value).toBe(13);
    expect(cell(view, 'INSPECTIONS', HUE, '2024')!.value).toBe(5);
  });

  it('does not invent a figure when a former unit reported nothing, and says which', () => {
    const tinh = cell(view, 'TASK_STARTED.TINH', NB, '2024')!;
    expect(tinh).toMatchObject({
      value: null,
      flags: ['incomplete'],
      coverage: { reported: 2, expected: 3 },
      missing: [NB_OLD],
    });
    expect(view.units.find((u) => u.id === NB_OLD)!.nameVi).toBe('Ninh Bình');
  });

  it('marks figures built from synthetic values', () => {
    const hpCell = cell(view, 'INSPECTIONS', HP, '2024')!;
    expect(hpCell).toMatchObject({ value: 90, synthetic: true });
    expect(cell(view, 'INSPECTIONS', NB, '2024')!.synthetic).toBeUndefined();
    expect(view.synthetic).toBe(true);
    expect(view.notes.join(' ')).toContain(SYNTHETIC_NOTE);
  });

  it('recomputes a ratio from the restated components, not from the ratios', () => {
    // Nam Định 10 %, Hà Nam 30 %, Ninh Bình 0 %: 100 / 500, not the mean 13.3 %.
    expect(cell(view, 'ADMIN_ONLINE_SHARE', NB, '2024')!.value).toBe(20);
    expect(cell(view, 'ADMIN_ONLINE_SHARE', HP, '2024')).toMatchObject({
      value: null,
      flags: ['missing_component'],
      missing: [HD],
    });
    // Thừa Thiên Huế became Huế alone: its typed ratio stands, flagged.
    expect(cell(view, 'ADMIN_ONLINE_SHARE', HUE, '2024')).toMatchObject({
      value: 42,
      flags: ['reported_ratio'],
    });
    const nation = cell(view, 'ADMIN_ONLINE_SHARE', 'nation', '2024')!;
    expect(nation.value).toBe(20);
    expect(nation.coverage).toEqual({ reported: 1, expected: 34 });
    expect(nation.flags).toEqual(['incomplete', 'reported_ratio_excluded']);
  });

  it('restates a mean, or what does not add up, only where a unit stayed whole', () => {
    expect(cell(view, 'SCORE_MEAN', NB, '2024')).toMatchObject({
      value: null,
      flags: ['not_restatable'],
    });
    expect(cell(view, 'SCORE_MEAN', HUE, '2024')!.value).toBe(55);
    expect(cell(view, 'SCORE_MEAN', 'nation', '2024')).toMatchObject({
      value: 55,
      coverage: { reported: 1, expected: 34 },
    });
    expect(cell(view, 'PII_SCORE', HUE, '2024')!.value).toBe(40.5);
    expect(cell(view, 'PII_SCORE', NB, '2024')!.flags).toEqual(['not_restatable']);
    expect(cell(view, 'RAD_RESPONSE_PLAN', HUE, '2024')!.value).toBe(true);
    expect(cell(view, 'PLAN_NOTE', HUE, '2024')!.value).toBe('Đã ban hành');
    for (const key of ['PII_SCORE', 'RAD_RESPONSE_PLAN', 'PLAN_NOTE']) {
      expect(cell(view, key, 'nation', '2024')).toMatchObject({
        value: null,
        flags: ['not_aggregable'],
      });
    }
  });

  it('aggregates regions over today’s units of each region', () => {
    const redRiver = cell(view, 'INSPECTIONS', 'region:Đồng bằng sông Hồng', '2024')!;
    expect(redRiver).toMatchObject({ value: 150, coverage: { reported: 2, expected: 6 } });
    const nation = cell(view, 'INSPECTIONS', 'nation', '2024')!;
    expect(nation).toMatchObject({ value: 155, coverage: { reported: 3, expected: 34 } });
  });

  it('gives the same figures when the whole catalogue is asked for at once', async () => {
    const codes = (
      await t.database.db.execute<{ code: string }>(sql`SELECT code FROM stat_indicators`)
    ).rows.map((r) => r.code);
    expect(codes.length).toBeGreaterThan(50);
    const all = await get(
      coordinator,
      `indicators=${codes.join(',')}&periods=2024..2025&boundaries=current`,
    );
    for (const [key, row] of [
      ['INSPECTIONS', NB],
      ['TASK_STARTED', NB],
      ['ADMIN_ONLINE_SHARE', NB],
      ['INSPECTIONS', 'nation'],
      ['PLAN_NOTE', HUE],
      ['RAD_RESPONSE_PLAN', HUE],
    ] as const) {
      expect(cell(all, key, row, '2024'), `${key} ${row}`).toEqual(cell(view, key, row, '2024'));
    }
  });

  it('maps a former unit named in the query to today’s unit', async () => {
    const one = await get(
      coordinator,
      `indicators=INSPECTIONS&periods=2024&boundaries=current&units=${ND}&levels=unit`,
    );
    expect(one.rows.map((r) => r.key)).toEqual([NB]);
    expect(one.values).toEqual([60]);
  });
});

describe('GET /analytics/export', () => {
  const query = `indicators=INSPECTIONS,ADMIN_ONLINE_SHARE&periods=2024&boundaries=current&units=${HP},${NB}`;

  it('asks for a sign-in, a known format and the scope of the view', async () => {
    expect((await t.anonymous.get(`${API}/export?${query}`)).status).toBe(401);
    const bad = await coordinator.get(`${API}/export?${query}&format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const unknown = await coordinator.get(`${API}/export?indicators=KHONG_CO&periods=2024`);
    expect(unknown.status).toBe(400);
    expect(
      (await hp.get(`${API}/export?indicators=INSPECTIONS&periods=2024&units=${NB}`)).status,
    ).toBe(404);
    const aggregates = await hp.get(
      `${API}/export?indicators=INSPECTIONS&periods=2024&levels=nation&format=csv`,
    );
    expect(aggregates.status).toBe(403);
    expect(aggregates.body.error.code).toBe('FORBIDDEN');
  });

  it('writes an Excel sheet with the query, the flags in words and synthetic figures labelled', async () => {
    const res = await coordinator.get(`${API}/export?${query}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('Số liệu thống kê theo địa giới hiện nay 2025-11-15.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join(' | ')));
    const text = lines.join('\n');
    expect(text).toContain('Quy đổi theo địa giới hiện nay (ngày 15/11/2025)');
    expect(text).toContain('Chỉ tiêu: INSPECTIONS, ADMIN_ONLINE_SHARE');
    expect(text).toContain('Xuất ngày 15/11/2025');
    expect(text).toContain(SYNTHETIC_NOTE);
    const headerAt = lines.findIndex((l) => l.startsWith('Mã chỉ tiêu'));
    expect(headerAt).toBeGreaterThan(0);
    const table = lines.slice(headerAt + 1);
    // 2 indicators × (2 units + 1 region + the nation) × 1 period.
    expect(table).toHaveLength(8);
    const hpInspections = table.find(
      (l) => l.startsWith('INSPECTIONS') && l.includes('Hải Phòng'),
    )!;
    // Value, coverage (complete: none), notes (none), synthetic.
    expect(hpInspections.endsWith('| 90 |  |  | Mô phỏng')).toBe(true);
    const hpShare = table.find(
      (l) => l.startsWith('ADMIN_ONLINE_SHARE') && l.includes('Hải Phòng'),
    )!;
    expect(hpShare).toContain('Thiếu tử số hoặc mẫu số');
    const regionShare = table.find(
      (l) => l.startsWith('ADMIN_ONLINE_SHARE') && l.includes('| Vùng |'),
    )!;
    expect(regionShare).toContain('| 20 | 1/6 | Thiếu số liệu của: ');
    expect(regionShare).toContain('Hải Phòng');
    const nbInspections = table.find(
      (l) => l.startsWith('INSPECTIONS') && l.includes('Ninh Bình'),
    )!;
    expect(nbInspections.endsWith('Mô phỏng')).toBe(false);
  });

  it('lets a province export its own figures, without aggregates', async () => {
    const res = await hp.get(
      `${API}/export?indicators=INSPECTIONS&periods=2024&boundaries=current&format=csv`,
    );
    expect(res.status).toBe(200);
    const lines = res.raw.rawPayload.toString('utf8').split('\r\n');
    const table = lines.slice(lines.findIndex((l) => l.startsWith('Mã chỉ tiêu,')) + 1);
    expect(table.filter((l) => l !== '')).toHaveLength(1);
    expect(table[0]).toContain('Hải Phòng');
    expect(lines.some((l) => l.includes('Cả nước'))).toBe(false);
  });

  it('writes CSV in UTF-8 with a byte-order mark', async () => {
    const res = await coordinator.get(`${API}/export?${query}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.raw.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    // A field with a comma is quoted.
    expect(lines).toContain(`"${SYNTHETIC_NOTE}"`);
    const header = lines.findIndex((l) => l.startsWith('Mã chỉ tiêu,'));
    expect(lines[header]).toContain('Số liệu mô phỏng');
    const hpLine = lines.find((l) => l.startsWith('INSPECTIONS,') && l.includes('Hải Phòng'))!;
    expect(hpLine).toContain(',90,');
    expect(hpLine.endsWith(',Mô phỏng')).toBe(true);
    const incomplete = lines.find(
      (l) => l.startsWith('ADMIN_ONLINE_SHARE,') && l.includes('Cả nước'),
    )!;
    expect(incomplete).toContain('1/34');
  });
});
