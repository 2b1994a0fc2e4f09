import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiiEdition, PiiEditionSummary, PiiNode, PiiPublishedResult } from '@caunoi/shared';
import { referenceRegistry } from '@caunoi/units/reference';
import { systemCtx } from '../../src/core/context.js';
import { piiEditions, piiRuns } from '../../src/db/schema.js';
import { presentPublished, readPublishedResults } from '../../src/modules/pii/published.service.js';
import { syncReferenceData } from '../../src/seed/reference.js';
import { auditRows } from '../support/factories/accounts.js';
import {
  createEdition,
  editionBody,
  editionWithFramework,
  importFile,
  PII_API,
  smallFramework,
  storedEdition,
  storedNodes,
  storeRun,
} from '../support/factories/pii.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

const EDITIONS = `${PII_API}/editions`;
const MISSING = randomUUID();
const IMETA_HEADER =
  'Level,iCode,iName,Direction,Weight,Parent,Type,Denominator,iName_en,Unit,SourceIndicator,Placement';

let t: TestApp;
let bo: Client;
let admin: Client;
let officer: Client;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  [bo, admin, officer, viewer] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('admin'),
    t.login('hp.chuyenvien'),
    t.login('xem'),
  ]);
});
afterAll(() => t.close());

/** The unit bearing a name on a day, in the shipped registry. */
function unitNamed(nameVi: string, date: string): string {
  const unit = referenceRegistry()
    .asOf(date)
    .find((u) => u.nameVi === nameVi);
  if (!unit) throw new Error(`no unit ${nameVi} on ${date}`);
  return unit.id;
}

async function editionOfYear(year: number): Promise<PiiEdition> {
  const list = (await bo.get(EDITIONS)).body as { items: PiiEditionSummary[] };
  const summary = list.items.find((e) => e.year === year)!;
  return (await bo.get(`${EDITIONS}/${summary.id}`)).body as PiiEdition;
}

async function exportOf(client: Client, id: string, format: 'csv' | 'xlsx') {
  const res = await client.get(`${EDITIONS}/${id}/export?format=${format}`);
  expect(res.status, res.raw.body.slice(0, 300)).toBe(200);
  return { res, file: res.raw.rawPayload };
}

/** A CSV framework file: the header, then lines. */
const csvFile = (...lines: string[]) => Buffer.from([IMETA_HEADER, ...lines].join('\n'), 'utf8');

/** The small framework as CSV lines (no optional columns filled but the source indicator). */
const SMALL_CSV_LINES = [
  '5,PII,Chỉ số,,,,Aggregate,,,,,',
  '4,INPUT,Đầu vào,,,PII,Aggregate,,,,,',
  '4,OUTPUT,Đầu ra,,,PII,Aggregate,,,,,',
  '3,P1,Thể chế,,,INPUT,Aggregate,,,,,',
  '3,P6,Sản phẩm,,,OUTPUT,Aggregate,,,,,',
  '1,P1.1,Chỉ số một,1,1,P1,Indicator,,,,RD_PERSONNEL,',
  '1,P6.1,Chỉ số hai,-1,2,P6,Indicator,,,,TASK_OVERDUE,confirmed',
];

describe('first installation', () => {
  it('ships PII 2024 (63 former provinces) and PII 2025, 2026 (34 provinces), illustrative, newest first', async () => {
    const res = await viewer.get(EDITIONS);
    expect(res.status).toBe(200);
    const items = res.body.items as PiiEditionSummary[];
    const years = items.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const shipped = items.filter((e) => e.year >= 2024 && e.year <= 2026);
    expect(shipped.map((e) => [e.year, e.unitBasis, e.dataYear, e.illustrative, e.title])).toEqual([
      [2026, 'provinces-34', 2025, true, 'PII 2026 — khung minh họa'],
      [2025, 'provinces-34', 2024, true, 'PII 2025 — khung minh họa'],
      [2024, 'provinces-63', 2023, true, 'PII 2024 — khung minh họa'],
    ]);
    for (const e of shipped) expect(e.indicatorCount).toBeGreaterThanOrEqual(40);
  });

  it('gives each shipped edition the default pipeline and notes on the official list', async () => {
    const e = await editionOfYear(2025);
    expect(e.config).toEqual({
      denominate: true,
      impute: { method: 'mean' },
      treat: { winmax: 5, skewThreshold: 2.25, kurtosisThreshold: 3.5, fallback: 'log_CT' },
      normalise: { method: 'minmax', range: [0, 100] },
      aggregate: { method: 'arithmetic' },
    });
    expect(e.notes).toContain('1705/QĐ-BKHCN');
    expect(e.notes).toContain('989/QĐ-BKHCN');
    expect(e.notes).toContain('nhập tệp');
    const codes = e.nodes.map((n) => n.code);
    expect(codes.slice(0, 3)).toEqual(['PII', 'INPUT', 'OUTPUT']);
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) expect(codes).toContain(p);
  });

  it('ships frameworks the editor accepts as they are', async () => {
    for (const year of [2024, 2025, 2026]) {
      const e = await editionOfYear(year);
      const res = await bo.put(`${EDITIONS}/${e.id}`, editionBody(e));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.nodes).toEqual(e.nodes);
    }
  });

  it('adds nothing when the reference data are synchronised again', async () => {
    const before = (await bo.get(EDITIONS)).body.items.length;
    const result = await syncReferenceData(systemCtx(t.database));
    expect(result.pii.editions.created).toEqual([]);
    expect(result.pii.published.loaded).toBeNull();
    expect((await bo.get(EDITIONS)).body.items.length).toBe(before);
  });
});

describe('published results', () => {
  it('lists a year’s results by rank with their sources, matched to that year’s provinces', async () => {
    const res = await viewer.get(`${PII_API}/published?year=2025`);
    expect(res.status).toBe(200);
    const items = res.body.items as PiiPublishedResult[];
    expect(items.slice(0, 5).map((p) => [p.provinceName, p.score, p.rank, p.ofN])).toEqual([
      ['Hà Nội', 65.68, 1, 34],
      ['TP.HCM', 59.33, 2, 34],
      ['Quảng Ninh', 58.41, 3, 34],
      ['Hải Phòng', 58.09, 4, 34],
      ['Huế', 49.37, 5, 34],
    ]);
    expect(items.every((p) => p.year === 2025 && p.source !== '')).toBe(true);
    const byName = new Map(items.map((p) => [p.provinceName, p]));
    expect(byName.get('TP.HCM')!.unitId).toBe(unitNamed('Hồ Chí Minh', '2025-07-01'));
    expect(byName.get('Hải Phòng')!.unitId).toBe(unitNamed('Hải Phòng', '2025-07-01'));
    const hue = byName.get('Huế')!;
    expect([hue.unitId, hue.inputScore, hue.outputScore]).toEqual([
      unitNamed('Huế', '2025-07-01'),
      51.5,
      47.23,
    ]);
    expect(hue.pillars).toEqual([null, null, null, null, null, null, null]);
  });

  it('matches the former provinces of the 63-province years, whatever the spelling', async () => {
    const items = (await viewer.get(`${PII_API}/published`)).body.items as PiiPublishedResult[];
    const find = (year: number, name: string) =>
      items.find((p) => p.year === year && p.provinceName === name)!;
    expect(find(2023, 'Bà Rịa-Vũng Tàu').unitId).toBe(unitNamed('Bà Rịa - Vũng Tàu', '2025-06-30'));
    expect(find(2023, 'TP.HCM').unitId).toBe(unitNamed('Hồ Chí Minh', '2025-06-30'));
    expect(find(2024, 'Thừa Thiên Huế').unitId).toBe(unitNamed('Huế', '2025-06-30'));
    expect(find(2023, 'Quảng Trị').pillars).toEqual([
      31.16, 26.47, 34.06, 29.93, 19.88, 15.64, 44.75,
    ]);
    // Years in order, each by rank.
    const years = items.map((p) => p.year);
    expect(years).toEqual([...years].sort());
    // Every province of the shipped file is found in the unit registry.
    expect(
      items.filter((p) => p.unitId === null).map((p) => `${p.year} ${p.provinceName}`),
    ).toEqual([]);
    expect(items.some((p) => p.conflict)).toBe(false);
  });

  it('marks figures of the same year and province that disagree', () => {
    const csv = [
      'year,province,pii_score,rank,of_n,input_score,output_score,p1_a,p2_b,p3_c,p4_d,p5_e,p6_f,p7_g,notes,source',
      '2025,TP.HCM,59.33,2,34,,,,,,,,,,,báo A',
      '2025,Thành phố Hồ Chí Minh,59.1,2,34,,,,,,,,,,"ghi chú, có dấu phẩy",báo B',
      '2025,Hà Nội,65.68,1,34,,,,,,,,,,,báo A',
      '2025,Ha Noi,,1,34,,,,,,,,,,,báo C',
      '2025,Tỉnh Không Có,40,9,34,,,,,,,,,,,báo D',
    ].join('\n');
    const rows = presentPublished(
      readPublishedResults(csv, referenceRegistry(), () => 'provinces-34'),
    );
    expect(rows.map((r) => [r.provinceName, r.unitId !== null, r.conflict])).toEqual([
      ['TP.HCM', true, true],
      ['Thành phố Hồ Chí Minh', true, true],
      ['Hà Nội', true, false],
      ['Ha Noi', true, false],
      ['Tỉnh Không Có', false, false],
    ]);
    expect(rows[1]!.notes).toBe('ghi chú, có dấu phẩy');
  });

  it('refuses a year that is not a number and anonymous callers', async () => {
    const bad = await viewer.get(`${PII_API}/published?year=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect((await t.anonymous.get(`${PII_API}/published`)).status).toBe(401);
  });
});

describe('GET /pii/editions/:id', () => {
  it('answers 401, 400, 404, then the edition to any role', async () => {
    const e = await editionWithFramework(bo);
    expect((await t.anonymous.get(`${EDITIONS}/${e.id}`)).status).toBe(401);
    expect((await t.anonymous.get(EDITIONS)).status).toBe(401);
    const bad = await viewer.get(`${EDITIONS}/not-a-uuid`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect((await viewer.get(`${EDITIONS}/${MISSING}`)).status).toBe(404);
    const res = await officer.get(`${EDITIONS}/${e.id}`);
    expect(res.status).toBe(200);
    expect(res.body.nodes).toEqual(smallFramework());
    expect([res.body.indicatorCount, res.body.runCount]).toEqual([3, 0]);
  });
});

describe('POST /pii/editions', () => {
  it('creates an empty framework: the index, the two sub-indexes and the 7 pillars', async () => {
    const res = await bo.post(EDITIONS, {
      year: 2031,
      title: '  PII 2031  ',
      unitBasis: 'provinces-34',
      dataYear: 2030,
    });
    expect(res.status).toBe(201);
    const e = res.body as PiiEdition;
    expect([e.year, e.title, e.illustrative, e.unitBasis, e.dataYear, e.notes]).toEqual([
      2031,
      'PII 2031',
      false,
      'provinces-34',
      2030,
      null,
    ]);
    expect(e.nodes.map((n) => [n.code, n.level, n.parent])).toEqual([
      ['PII', 5, null],
      ['INPUT', 4, 'PII'],
      ['OUTPUT', 4, 'PII'],
      ['P1', 3, 'INPUT'],
      ['P2', 3, 'INPUT'],
      ['P3', 3, 'INPUT'],
      ['P4', 3, 'INPUT'],
      ['P5', 3, 'INPUT'],
      ['P6', 3, 'OUTPUT'],
      ['P7', 3, 'OUTPUT'],
    ]);
    expect(e.nodes[3]!.nameVi).toBe('Thể chế');
    expect(e.config).toEqual((await editionOfYear(2025)).config);
    const [entry] = await auditRows(t, { entityType: 'pii_edition', entityId: e.id });
    expect(entry!.action).toBe('create');
    expect(entry!.actorUsername).toBe('bo.dieuphoi');
  });

  it('copies the rows and the configuration of another edition', async () => {
    const source = await editionWithFramework(bo);
    await bo.put(
      `${EDITIONS}/${source.id}`,
      editionBody(source, { config: { normalise: { method: 'zscore', mean: 10, sd: 2 } } }),
    );
    const copy = await createEdition(admin, { copyFrom: source.id, notes: 'Bản sao' });
    expect(copy.nodes).toEqual(source.nodes);
    expect(copy.config).toEqual({ normalise: { method: 'zscore', mean: 10, sd: 2 } });
    expect([copy.notes, copy.illustrative, copy.indicatorCount]).toEqual(['Bản sao', false, 3]);
    const shipped = await editionOfYear(2026);
    const next = await createEdition(bo, { copyFrom: shipped.id });
    expect(next.illustrative).toBe(true);
    expect(next.nodes).toEqual(shipped.nodes);
  });

  it('refuses anonymous callers, province officers, bad bodies, a taken year, an unknown copy', async () => {
    const body = { year: 2032, title: 'PII 2032', unitBasis: 'provinces-34', dataYear: 2031 };
    expect((await t.anonymous.post(EDITIONS, body)).status).toBe(401);
    expect((await officer.post(EDITIONS, body)).status).toBe(403);
    const bad = await bo.post(EDITIONS, { ...body, unitBasis: 'provinces-40', title: '' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const taken = await bo.post(EDITIONS, { ...body, year: 2025 });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(taken.body.error.message).toContain('PII 2025');
    const unknown = await bo.post(EDITIONS, { ...body, copyFrom: MISSING });
    expect(unknown.status).toBe(404);
    expect((await bo.get(EDITIONS)).body.items.some((e: PiiEdition) => e.year === 2032)).toBe(
      false,
    );
  });
});

describe('PUT /pii/editions/:id', () => {
  it('replaces title, data year, notes, configuration and framework, audited before and after', async () => {
    const e = await createEdition(bo);
    const config = { denominate: true, aggregate: { method: 'geometric' } };
    const res = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, {
        title: 'PII — khung chính thức',
        dataYear: e.dataYear - 1,
        notes: 'Theo phụ lục Quyết định',
        config,
        nodes: smallFramework(),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.title, res.body.dataYear, res.body.notes, res.body.indicatorCount]).toEqual([
      'PII — khung chính thức',
      e.dataYear - 1,
      'Theo phụ lục Quyết định',
      3,
    ]);
    expect(res.body.config).toEqual(config);
    expect((await storedNodes(t, e.id)).map((n) => n.code)).toEqual(
      smallFramework().map((n) => n.code),
    );
    const [entry] = await auditRows(t, { entityType: 'pii_edition', entityId: e.id });
    expect(entry!.action).toBe('update');
    expect((entry!.before as { nodes: PiiNode[] }).nodes).toHaveLength(10);
    expect((entry!.after as { title: string; nodes: PiiNode[] }).title).toBe(
      'PII — khung chính thức',
    );
    expect((entry!.after as { nodes: PiiNode[] }).nodes).toEqual(smallFramework());
  });

  it('keeps an edition with runs editable, the runs untouched', async () => {
    const e = await editionWithFramework(bo);
    const runId = await storeRun(t, e.id);
    const nodes = smallFramework().map((n) => (n.code === 'P1.1.2' ? { ...n, weight: 2 } : n));
    const res = await bo.put(`${EDITIONS}/${e.id}`, editionBody(e, { nodes }));
    expect(res.status).toBe(200);
    expect([res.body.runCount, res.body.nodes[8].weight]).toEqual([1, 2]);
    const runs = await t.database.db.select({ id: piiRuns.id }).from(piiRuns);
    expect(runs.map((r) => r.id)).toContain(runId);
  });

  it('lets the illustrative label go once the official list replaces it', async () => {
    const e = await createEdition(bo, { copyFrom: (await editionOfYear(2026)).id });
    const res = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, { illustrative: false, nodes: smallFramework() }),
    );
    expect([res.status, res.body.illustrative]).toEqual([200, false]);
  });

  /** Sends the small framework changed by `change` and expects the refusal. */
  async function refused(change: (nodes: PiiNode[]) => PiiNode[]) {
    const e = await editionWithFramework(bo);
    const res = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, { nodes: change(smallFramework()) }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PII_FRAMEWORK_INVALID');
    expect(await storedNodes(t, e.id)).toHaveLength(smallFramework().length);
    expect((await storedNodes(t, e.id)).map((n) => n.code)).toEqual(
      smallFramework().map((n) => n.code),
    );
    return res.body.error as { message: string; details: Record<string, unknown> };
  }

  const replace = (code: string, fields: Partial<PiiNode>) => (nodes: PiiNode[]) =>
    nodes.map((n) => (n.code === code ? { ...n, ...fields } : n));

  it('refuses a framework the engine refuses, naming the row and the column', async () => {
    const parent = await refused(replace('P6.1.1', { parent: 'P9.9' }));
    expect(parent.details).toEqual({
      row: 10,
      column: 'Parent',
      field: 'parent',
      code: 'UNKNOWN_PARENT',
    });
    expect(parent.message).toBe('Dòng 10, cột Parent: mục cha "P9.9" không có trong khung.');

    const duplicate = await refused(replace('P1.1.2', { code: 'P1.1.1' }));
    expect(duplicate.details).toMatchObject({ row: 9, column: 'iCode', code: 'DUPLICATE_CODE' });

    const level = await refused(replace('P1.1.1', { level: 2 }));
    expect(level.details).toMatchObject({ row: 8, column: 'Level', code: 'INVALID_LEVEL' });

    const empty = await refused((nodes) => nodes.filter((n) => n.code !== 'P6.1.1'));
    expect(empty.details).toMatchObject({ row: 7, column: 'iCode', code: 'EMPTY_AGGREGATE' });
    expect(empty.message).toContain('"P6.1" chưa có mục con nào');

    const denominator = await refused(replace('P1.1.1', { denominator: 'POP' }));
    expect(denominator.details).toMatchObject({
      row: 8,
      column: 'Denominator',
      code: 'UNKNOWN_DENOMINATOR',
    });

    const cycle = await refused(replace('P1', { parent: 'P1.1' }));
    expect(cycle.details).toMatchObject({ column: 'Parent', code: 'CYCLE' });
    // The row of the loop's first or last link (P1 or P1.1).
    expect([4, 6]).toContain(cycle.details.row);
  });

  it('refuses a source indicator the statistics catalogue does not have', async () => {
    const source = await refused(replace('BUDGET', { sourceIndicator: 'KHONG_CO' }));
    expect(source.details).toEqual({
      row: 11,
      column: 'SourceIndicator',
      field: 'sourceIndicator',
      code: 'UNKNOWN_SOURCE_INDICATOR',
    });
    expect(source.message).toContain('"KHONG_CO"');
    const option = await refused(replace('P6.1.1', { sourceIndicator: 'RD_PERSONNEL.KHONG_CO' }));
    expect(option.details).toMatchObject({ row: 10, code: 'UNKNOWN_SOURCE_INDICATOR' });
  });

  it('refuses a configuration the engine refuses, and malformed rows', async () => {
    const e = await editionWithFramework(bo);
    const winmax = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, { config: { treat: { winmax: -1 } } }),
    );
    expect([winmax.status, winmax.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(winmax.body.error.details[0].path).toBe('config.treat.winmax');
    const unknownStep = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, { config: { smooth: true } }),
    );
    expect(unknownStep.status).toBe(400);
    const weight = await bo.put(
      `${EDITIONS}/${e.id}`,
      editionBody(e, { nodes: replace('P1.1.1', { weight: -1 })(smallFramework()) }),
    );
    expect([weight.status, weight.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const stored = await storedEdition(t, e.id);
    expect(stored!.config).toEqual(e.config);
  });

  it('answers 401, 403 to a province officer, 404 for an unknown edition', async () => {
    const e = await editionWithFramework(bo);
    const body = editionBody(e, { title: 'Đổi tên' });
    expect((await t.anonymous.put(`${EDITIONS}/${e.id}`, body)).status).toBe(401);
    expect((await officer.put(`${EDITIONS}/${e.id}`, body)).status).toBe(403);
    expect((await viewer.put(`${EDITIONS}/${e.id}`, body)).status).toBe(403);
    expect((await bo.put(`${EDITIONS}/${MISSING}`, body)).status).toBe(404);
    expect((await storedEdition(t, e.id))!.title).toBe(e.title);
  });
});

describe('DELETE /pii/editions/:id', () => {
  it('deletes an edition without runs, with its rows, audited', async () => {
    const e = await editionWithFramework(bo);
    expect((await t.anonymous.delete(`${EDITIONS}/${e.id}`)).status).toBe(401);
    expect((await officer.delete(`${EDITIONS}/${e.id}`)).status).toBe(403);
    expect((await bo.delete(`${EDITIONS}/bad`)).status).toBe(400);
    expect((await bo.delete(`${EDITIONS}/${MISSING}`)).status).toBe(404);
    const res = await bo.delete(`${EDITIONS}/${e.id}`);
    expect(res.status).toBe(204);
    expect((await bo.get(`${EDITIONS}/${e.id}`)).status).toBe(404);
    expect(await storedNodes(t, e.id)).toEqual([]);
    const [entry] = await auditRows(t, { entityType: 'pii_edition', entityId: e.id });
    expect(entry!.action).toBe('delete');
    expect((entry!.before as { nodes: PiiNode[] }).nodes).toEqual(smallFramework());
  });

  it('refuses to delete an edition that has runs', async () => {
    const e = await editionWithFramework(bo);
    await storeRun(t, e.id);
    const res = await bo.delete(`${EDITIONS}/${e.id}`);
    expect([res.status, res.body.error.code]).toEqual([409, 'PII_EDITION_HAS_RUNS']);
    expect(res.body.error.details).toEqual({ runCount: 1 });
    expect(await storedEdition(t, e.id)).toBeDefined();
  });
});

describe('export and import (COINr iMeta, CSV and Excel)', () => {
  it('exports CSV with a byte-order mark, the iMeta columns first, quoted where needed', async () => {
    const e = await editionWithFramework(bo);
    const { res, file } = await exportOf(viewer, e.id, 'csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`PII-${e.year}-khung-chi-so.csv`);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(IMETA_HEADER);
    expect(lines[1]).toBe('5,PII,Chỉ số Đổi mới sáng tạo cấp địa phương,1,1,,Aggregate,,,,,');
    expect(lines[8]).toBe(
      '1,P1.1.1,"Chi cho KH&CN trên tổng chi ngân sách, ""thực chi""",1,1,P1.1,Indicator,BUDGET,"S&T spending, per budget",%,SPEND_TOTAL,confirmed',
    );
    expect(lines[11]).toBe(
      ',BUDGET,Tổng chi ngân sách địa phương,1,1,,Denominator,,,triệu đồng,PROV_BUDGET_EXPENDITURE,',
    );
  });

  it('exports Excel: the iMeta sheet first, then the instructions in Vietnamese', async () => {
    const e = await editionWithFramework(bo);
    const { res, file } = await exportOf(bo, e.id, 'xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['iMeta', 'Hướng dẫn']);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(IMETA_HEADER);
    expect(sheet.getRow(10).getCell(2).value).toBe('P1.1.2');
    expect(sheet.getRow(10).getCell(5).value).toBe(0.5);
    expect(sheet.getRow(10).getCell(4).value).toBe(-1);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const text = guide.getColumn(2).values.join(' ');
    expect(text).toContain('Mã của mục tổng hợp cấp trên');
  });

  it('gives back the same edition when an exported file is imported (CSV and Excel)', async () => {
    for (const source of [await editionWithFramework(bo), await editionOfYear(2025)]) {
      for (const format of ['csv', 'xlsx'] as const) {
        const { file } = await exportOf(bo, source.id, format);
        const target = await createEdition(bo);
        const res = await importFile(bo, target.id, `khung.${format}`, file);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.nodes).toEqual(source.nodes);
        expect((await bo.get(`${EDITIONS}/${target.id}`)).body.nodes).toEqual(source.nodes);
        const again = await exportOf(bo, target.id, format);
        if (format === 'csv') expect(again.file.equals(file)).toBe(true);
      }
    }
  });

  it('imports COINr’s own iMeta (quoted fields, NA, groups and denominators), audited', async () => {
    const coinr = readFileSync(
      new URL('../../../../packages/pii/test/fixtures/asem/iMeta.csv', import.meta.url),
    );
    const e = await createEdition(bo);
    const res = await importFile(bo, e.id, 'iMeta.csv', coinr);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const nodes = res.body.nodes as PiiNode[];
    expect(nodes).toHaveLength(68);
    expect(res.body.indicatorCount).toBe(49);
    expect(nodes.find((n) => n.code === 'Flights')).toMatchObject({
      level: 1,
      denominator: 'Population',
      unitVi: 'Thousand seats',
      parent: 'Physical',
    });
    expect(nodes.find((n) => n.code === 'EurAsia_group')).toMatchObject({
      type: 'Group',
      level: null,
      weight: 1,
      direction: 1,
    });
    const [entry] = await auditRows(t, { entityType: 'pii_edition', entityId: e.id });
    expect([entry!.action, (entry!.after as { fileName: string }).fileName]).toEqual([
      'import',
      'iMeta.csv',
    ]);
  });

  /** Imports a file into an edition with the small framework and expects the refusal. */
  async function importRefused(name: string, content: Buffer) {
    const e = await editionWithFramework(bo);
    const res = await importFile(bo, e.id, name, content);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PII_FRAMEWORK_INVALID');
    expect((await bo.get(`${EDITIONS}/${e.id}`)).body.nodes).toEqual(smallFramework());
    return res.body.error as { message: string; details: Record<string, unknown> };
  }

  it('refuses a CSV file naming the row of the file and the column', async () => {
    expect(
      (await importFile(bo, (await createEdition(bo)).id, 'a.csv', csvFile(...SMALL_CSV_LINES)))
        .status,
    ).toBe(200);

    const weight = await importRefused(
      'a.csv',
      csvFile(...SMALL_CSV_LINES.slice(0, 5), '1,P1.1,Chỉ số một,1,nhiều,P1,Indicator,,,,,'),
    );
    expect(weight.details).toMatchObject({ row: 7, column: 'Weight', code: 'NON_NUMERIC_VALUE' });
    expect(weight.message).toBe('Dòng 7, cột Weight: "nhiều" không phải là số.');

    const parent = await importRefused(
      'a.csv',
      csvFile(...SMALL_CSV_LINES.slice(0, 6), '1,P6.1,Chỉ số hai,1,1,P7,Indicator,,,,,'),
    );
    expect(parent.details).toMatchObject({ row: 8, column: 'Parent', code: 'UNKNOWN_PARENT' });

    const source = await importRefused(
      'a.csv',
      csvFile(...SMALL_CSV_LINES.slice(0, 6), '1,P6.1,Chỉ số hai,1,1,P6,Indicator,,,,KHONG_CO,'),
    );
    expect(source.details).toMatchObject({ row: 8, column: 'SourceIndicator' });

    const type = await importRefused(
      'a.csv',
      csvFile(...SMALL_CSV_LINES.slice(0, 6), '1,P6.1,Chỉ số hai,1,1,P6,Chỉ số,,,,,'),
    );
    expect(type.details).toMatchObject({ row: 8, column: 'Type', code: 'INVALID_TYPE' });

    const header = await importRefused(
      'a.csv',
      Buffer.from('Level,iCode,iName,Direction,Weight,Parent\n1,A,B,1,1,\n'),
    );
    expect(header.details).toMatchObject({ row: 1, column: 'Type', code: 'MISSING_COLUMN' });

    const syntax = await importRefused('a.csv', csvFile('1,"P1,Chỉ số,1,1,,Indicator'));
    expect(syntax.details).toMatchObject({ code: 'CSV_SYNTAX' });
  });

  it('refuses an Excel file naming the row of the sheet and the column', async () => {
    const e = await editionWithFramework(bo);
    const { file } = await exportOf(bo, e.id, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.worksheets[0]!.getRow(10).getCell(4).value = 2;
    const direction = await importRefused('khung.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(direction.details).toMatchObject({
      row: 10,
      column: 'Direction',
      code: 'INVALID_VALUE',
    });

    const broken = await importRefused('khung.xlsx', Buffer.from('PK\u0003\u0004 hỏng'));
    expect(broken.details).toMatchObject({ code: 'UNREADABLE' });
  });

  it('answers 401, 400, 403 to a province officer, 404 for an unknown edition', async () => {
    const e = await editionWithFramework(bo);
    const file = csvFile(...SMALL_CSV_LINES);
    expect((await importFile(t.anonymous, e.id, 'a.csv', file)).status).toBe(401);
    expect((await importFile(officer, e.id, 'a.csv', file)).status).toBe(403);
    expect((await importFile(bo, MISSING, 'a.csv', file)).status).toBe(404);
    const empty = await importFile(bo, e.id, 'a.csv', Buffer.alloc(0));
    expect([empty.status, empty.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const json = await bo.post(`${EDITIONS}/${e.id}/import`, { file: 'a.csv' });
    expect(json.status).toBe(415);

    expect((await t.anonymous.get(`${EDITIONS}/${e.id}/export`)).status).toBe(401);
    const pdf = await bo.get(`${EDITIONS}/${e.id}/export?format=pdf`);
    expect([pdf.status, pdf.body.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect((await bo.get(`${EDITIONS}/${MISSING}/export`)).status).toBe(404);
    expect((await bo.get(`${EDITIONS}/${e.id}`)).body.nodes).toEqual(smallFramework());
  });
});

describe('a database without editions', () => {
  it('receives the illustrative editions on the next reference synchronisation', async () => {
    await t.database.db.delete(piiRuns);
    await t.database.db.delete(piiEditions);
    expect((await bo.get(EDITIONS)).body.items).toEqual([]);
    const result = await syncReferenceData(systemCtx(t.database));
    expect(result.pii.editions.created).toEqual([2024, 2025, 2026]);
    const years = ((await bo.get(EDITIONS)).body.items as PiiEditionSummary[]).map((e) => e.year);
    expect(years).toEqual([2026, 2025, 2024]);
  });
});
