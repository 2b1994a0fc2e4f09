import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TINY_PDF } from '../support/factories/coordination.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import {
  CLEAN_CELLS,
  createForm,
  HAI_PHONG,
  IN_WINDOW,
  keys,
  NINH_BINH,
  reportUrl,
  saveCells,
  TEST_INDICATORS,
} from '../support/factories/statistics.js';

const HUE = '46@2025-07-01';
/** The test indicators and a percentage typed directly (its denominator is not on the form). */
const INDICATORS = [...TEST_INDICATORS, 'SPEND_GRDP_SHARE'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let ministry: Client;
let officer: Client;
let approver: Client;
let otherProvince: Client;
let viewer: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ now: () => IN_WINDOW });
  [ministry, officer, approver, otherProvince, viewer, admin] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('hp.chuyenvien'),
    t.login('hp.lanhdao'),
    t.login('nb.chuyenvien'),
    t.login('xem'),
    t.login('admin'),
  ]);
});
afterAll(() => t.close());

/**
 * Values are kept by indicator, unit and period whatever the form: each test that writes uses a
 * unit and period of its own (the annual, quarterly and monthly periods open on IN_WINDOW).
 */
const newForm = (
  periodType: 'year' | 'quarter' | 'month' = 'year',
  units = [HAI_PHONG, NINH_BINH, HUE],
) =>
  createForm(ministry, {
    indicators: INDICATORS,
    units,
    periodType,
    firstPeriod: { year: '2019', quarter: '2019Q1', month: '2019M01' }[periodType],
  });

function templateUrl(formId: string, periodCode = '2025', unitIds: string[] | null = [HAI_PHONG]) {
  const units = unitIds ? `&unitIds=${unitIds.map(encodeURIComponent).join(',')}` : '';
  return `/api/v1/statistics/templates?formId=${formId}&periodCode=${periodCode}${units}`;
}

/** Downloads a template and expects it. */
async function download(client: Client, url: string): Promise<Buffer> {
  const res = await client.get(url);
  expect(res.status, res.raw.body.slice(0, 300)).toBe(200);
  return res.raw.rawPayload;
}

async function open(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(
  client: Client,
  file: Buffer,
  query: Record<string, string | boolean> = {},
  name = 'Bieu-da-dien.xlsx',
) {
  const body = multipart({}, { name, type: XLSX, content: file });
  const qs = new URLSearchParams(
    Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  ).toString();
  return client.request('POST', `/api/v1/statistics/uploads?${qs}`, body.payload, {
    'content-type': body.contentType,
  });
}

/** The row of a cell in a data sheet, found by its hidden codes (the nth such row). */
function rowOf(sheet: ExcelJS.Worksheet, indicatorCode: string, optionCode = '', nth = 1): number {
  let seen = 0;
  for (let r = 7; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (
      row.getCell(8).value === indicatorCode &&
      String(row.getCell(9).value ?? '') === optionCode &&
      ++seen === nth
    ) {
      return r;
    }
  }
  throw new Error(`no row for ${indicatorCode}.${optionCode}`);
}

/** Sets a value cell of the sheet. */
function fill(
  sheet: ExcelJS.Worksheet,
  indicatorCode: string,
  optionCode: string,
  value: ExcelJS.CellValue,
) {
  const cell = sheet.getCell(`E${rowOf(sheet, indicatorCode, optionCode)}`);
  cell.value = value;
  return cell;
}

/** What Excel does to a number cell when a date is typed into it: a date format. */
function dated(cell: ExcelJS.Cell) {
  cell.numFmt = 'dd/mm/yyyy';
  return cell;
}

const cellOf = (report: any, indicatorCode: string, optionCode = '') =>
  report.indicators
    .find((i: any) => i.code === indicatorCode)
    .cells.find((c: any) => c.optionCode === optionCode);

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const r = await t.database.pool.query<{ n: string }>(sql, params);
  return Number(r.rows[0]!.n);
}

describe('the template', () => {
  it('carries hidden codes, protection, validation, the stored values and Vietnamese instructions', async () => {
    const form = await newForm();
    await saveCells(officer, keys(form.id), [
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '40' },
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'CO_SO', value: '28' },
      { indicatorCode: 'SPEND_TOTAL', optionCode: 'NGOAI_NSNN', value: '0', comment: 'Chưa có' },
      { indicatorCode: 'TFP_INCREASE', value: '4,1' },
      { indicatorCode: 'GRDP_INCREASE', value: '10' },
      { indicatorCode: 'RAD_RESPONSE_PLAN', value: 'Có' },
    ]);
    const res = await officer.get(templateUrl(form.id));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(
      `filename="${form.code}_2025_Hai-Phong.xlsx"`,
    );

    const wb = await open(res.raw.rawPayload);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Hải Phòng', 'visible'],
      ['caunoi_meta', 'veryHidden'],
    ]);
    const meta = wb.getWorksheet('caunoi_meta')!;
    expect(meta.getCell('A1').value).toBe('CAUNOI-STAT-TEMPLATE');
    const metaFields = Object.fromEntries(
      meta.getSheetValues().flatMap((row: any) => (row ? [[row[1], row[2]]] : [])),
    );
    expect(metaFields).toMatchObject({ formId: form.id, formCode: form.code, periodCode: '2025' });

    const sheet = wb.getWorksheet('Hải Phòng')!;
    expect(sheet.getCell('A1').value).toBe(form.nameVi.toLocaleUpperCase('vi'));
    expect(String(sheet.getCell('A4').value)).toContain('Hạn nộp: 14/02/2026');
    expect(sheet.getColumn(8).hidden).toBe(true);
    expect(sheet.getColumn(9).hidden).toBe(true);
    expect(sheet.getCell('I1').value).toBe(HAI_PHONG);
    // Protected without a password (ExcelJS reads the protection back without typing it).
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue');

    // Stored values are filled in; a blank stays blank, a zero is a zero.
    const tinh = sheet.getCell(`E${rowOf(sheet, 'TASK_IMPLEMENTED', 'TINH')}`);
    expect(tinh.value).toBe(40);
    expect(tinh.protection?.locked).toBe(false);
    expect(tinh.numFmt).toBe('#,##0');
    expect(tinh.dataValidation).toMatchObject({ type: 'whole', showInputMessage: true });
    expect(tinh.dataValidation.prompt).toMatch(/Để trống nếu chưa có số liệu/);
    expect(sheet.getCell(`E${rowOf(sheet, 'TASK_IMPLEMENTED', 'QUOC_GIA')}`).value).toBeNull();
    const zero = rowOf(sheet, 'SPEND_TOTAL', 'NGOAI_NSNN');
    expect(sheet.getCell(`E${zero}`).value).toBe(0);
    expect(sheet.getCell(`F${zero}`).value).toBe('Chưa có');
    expect(sheet.getCell(`F${zero}`).protection?.locked).toBe(false);
    expect(sheet.getCell(`E${zero}`).dataValidation.type).toBe('decimal');

    // Totals and ratios whose components are on the form are formulas, locked.
    const totalRow = rowOf(sheet, 'TASK_IMPLEMENTED', '');
    const total = sheet.getCell(`E${totalRow}`);
    expect(total.value).toMatchObject({ result: 68 });
    expect((total.value as ExcelJS.CellFormulaValue).formula).toContain(
      `SUM(E${totalRow + 1}:E${totalRow + 4})`,
    );
    expect(total.protection?.locked).not.toBe(false);
    expect(sheet.getCell(`C${totalRow}`).value).toBe('Tổng số');
    expect(sheet.getCell(`B${totalRow}`).value).toBe(
      'Số nhiệm vụ KH&CN triển khai thực hiện trong kỳ',
    );
    const ratio = sheet.getCell(`E${rowOf(sheet, 'TFP_SHARE_GRDP_GROWTH')}`);
    expect((ratio.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(41, 6);
    expect(ratio.protection?.locked).not.toBe(false);

    // A percentage typed directly: 0–100; yes/no from a list; evidence marked.
    const share = sheet.getCell(`E${rowOf(sheet, 'SPEND_GRDP_SHARE')}`);
    expect(share.dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    const plan = rowOf(sheet, 'RAD_RESPONSE_PLAN');
    expect(sheet.getCell(`E${plan}`).value).toBe('Có');
    expect(sheet.getCell(`E${plan}`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
    expect(sheet.getCell(`G${plan}`).value).toBe('Cần minh chứng');

    const guide = wb.getWorksheet('Hướng dẫn')!;
    const text = guide
      .getSheetValues()
      .flatMap((row: any) => (row ? row.filter((v: unknown) => typeof v === 'string') : []))
      .join('\n');
    expect(text).toContain('Để trống khác số 0');
    expect(text).toContain('1.234,5');
    expect(text).toContain('14/02/2026');
    expect(text).toContain('31/03/2026');
    expect(text).toMatch(/Không thêm, xóa hoặc đổi thứ tự dòng/);
    expect(text).toMatch(/Tải lên/);
  });

  it('gives the Ministry one sheet per province and every reporting province by default', async () => {
    const form = await newForm();
    const three = await open(
      await download(ministry, templateUrl(form.id, '2025', [HAI_PHONG, NINH_BINH, HUE])),
    );
    expect(three.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      'Hướng dẫn',
      'Hải Phòng',
      'Ninh Bình',
      'Huế',
    ]);
    const all = await ministry.get(templateUrl(form.id, '2025', null));
    expect(all.status).toBe(200);
    expect(all.headers['content-disposition']).toContain(`${form.code}_2025_3-don-vi.xlsx`);
    // A province's own officer gets only her province when she names none.
    const own = await open(await download(officer, templateUrl(form.id, '2025', null)));
    expect(own.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      'Hướng dẫn',
      'Hải Phòng',
    ]);
  });

  it('answers 401, 400 and 404 for the anonymous, a bad period and units outside scope or not reporting', async () => {
    const form = await newForm();
    expect((await t.anonymous.get(templateUrl(form.id))).status).toBe(401);
    expect((await officer.get(templateUrl(form.id, '2025Q1'))).status).toBe(400);
    expect((await officer.get(templateUrl(form.id, '2025', [NINH_BINH]))).status).toBe(404);
    expect((await officer.get(templateUrl(form.id, '2025', [HAI_PHONG, NINH_BINH]))).status).toBe(
      404,
    );
    // The former Hải Phòng does not report 2025; today's Hải Phòng does not report 2024.
    expect((await ministry.get(templateUrl(form.id, '2025', ['31@2008-08-01']))).status).toBe(404);
    expect((await officer.get(templateUrl(form.id, '2024'))).status).toBe(404);
    expect(
      (await officer.get(templateUrl('00000000-0000-4000-8000-000000000000', '2025'))).status,
    ).toBe(404);
    expect((await viewer.get(templateUrl(form.id))).status).toBe(200);
  });
});

describe('uploading a filled template', () => {
  it('previews every change by cell and writes nothing, then commits on the excel channel', async () => {
    const form = await newForm('month');
    const k = keys(form.id, HAI_PHONG, '2025M11');
    await saveCells(officer, k, [
      { indicatorCode: 'TASK_STARTED', optionCode: 'TINH', value: '12' },
      { indicatorCode: 'FUND_DISBURSED', value: '15' },
    ]);
    const wb = await open(await download(officer, templateUrl(form.id, '2025M11')));
    const sheet = wb.getWorksheet('Hải Phòng')!;
    fill(sheet, 'TASK_IMPLEMENTED', 'TINH', '1.234'); // integer: thousands
    fill(sheet, 'TASK_IMPLEMENTED', 'CO_SO', { formula: '20+8', result: 28 });
    fill(sheet, 'TASK_IMPLEMENTED', 'QUOC_GIA', 0); // zero, not blank
    fill(sheet, 'SPEND_TOTAL', 'NSNN', '1.234,5'); // Vietnamese
    fill(sheet, 'SPEND_TOTAL', 'NGOAI_NSNN', '1,234.5'); // English
    fill(sheet, 'SPEND_GRDP_SHARE', '', 0.4043).numFmt = '0.00%'; // Excel's 40,43%
    fill(sheet, 'TFP_INCREASE', '', '4,1');
    fill(sheet, 'GRDP_INCREASE', '', '10');
    fill(sheet, 'RAD_RESPONSE_PLAN', '', 'có');
    fill(sheet, 'FUND_DISBURSED', '', { richText: [{ text: '1' }, { text: '5' }] });
    sheet.getCell(`F${rowOf(sheet, 'FUND_DISBURSED')}`).value = 'Gồm vốn năm trước chuyển sang';
    // Two option rows merged: both take the master's value.
    const started = rowOf(sheet, 'TASK_STARTED', 'TINH');
    sheet.unprotect();
    sheet.getCell(`E${started}`).value = 5;
    sheet.mergeCells(`E${started}:E${started + 1}`);
    // A value typed over a total is set aside; a row and a sheet added are ignored.
    const totalRow = rowOf(sheet, 'SPEND_TOTAL', '');
    sheet.getCell(`E${totalRow}`).value = 999;
    const below = sheet.rowCount + 2;
    sheet.getCell(`B${below}`).value = 'Người lập biểu: Nguyễn Văn A';
    wb.addWorksheet('Ghi chép').getCell('A1').value = 'nháp';
    const file = await save(wb);

    const preview = await upload(officer, file, {
      dryRun: true,
      formId: form.id,
      periodCode: '2025M11',
      unitId: HAI_PHONG,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const body = preview.body;
    expect(body).toMatchObject({
      dryRun: true,
      committed: false,
      uploadId: null,
      workbook: {
        formId: form.id,
        formCode: form.code,
        periodCode: '2025M11',
        units: [{ unitId: HAI_PHONG, nameVi: 'Hải Phòng', sheet: 'Hải Phòng' }],
      },
      errors: [],
    });
    const change = (code: string, option = '') =>
      body.changes.find((c: any) => c.indicatorCode === code && c.optionCode === option);
    expect(change('TASK_IMPLEMENTED', 'TINH')).toEqual({
      sheet: 'Hải Phòng',
      cell: `E${rowOf(sheet, 'TASK_IMPLEMENTED', 'TINH')}`,
      unitId: HAI_PHONG,
      indicatorCode: 'TASK_IMPLEMENTED',
      optionCode: 'TINH',
      old: null,
      new: { num: 1234, txt: null },
    });
    expect(change('TASK_IMPLEMENTED', 'CO_SO').new.num).toBe(28);
    expect(change('TASK_IMPLEMENTED', 'QUOC_GIA').new.num).toBe(0);
    expect(change('TASK_IMPLEMENTED', 'BO')).toBeUndefined(); // blank stays blank
    expect(change('SPEND_TOTAL', 'NSNN').new.num).toBe(1234.5);
    expect(change('SPEND_TOTAL', 'NGOAI_NSNN').new.num).toBe(1234.5);
    expect(change('SPEND_GRDP_SHARE').new.num).toBe(40.43);
    expect(change('RAD_RESPONSE_PLAN').new.num).toBe(1);
    expect(change('TASK_STARTED', 'TINH')).toMatchObject({ old: { num: 12 }, new: { num: 5 } });
    expect(change('TASK_STARTED', 'CO_SO')).toMatchObject({ old: null, new: { num: 5 } });
    // Same value, new comment.
    expect(change('FUND_DISBURSED')).toMatchObject({
      old: { num: 15, txt: null },
      new: { num: 15, txt: null },
      comment: 'Gồm vốn năm trước chuyển sang',
    });
    expect(
      body.changes.some((c: any) => c.optionCode === '' && c.indicatorCode === 'SPEND_TOTAL'),
    ).toBe(false);
    expect(body.summary).toMatchObject({ created: 10, updated: 2, errors: 0, warnings: 4 });
    expect(body.warnings.map((w: any) => [w.code, w.cell])).toEqual(
      expect.arrayContaining([
        ['EXTRA_SHEET', null],
        ['EXTRA_ROW', `B${below}`],
        ['MERGED_CELL', `E${started + 1}`],
        ['DERIVED_TOTAL', `E${totalRow}`],
      ]),
    );
    // Nothing written by the preview.
    const before = await officer.get(reportUrl(k));
    expect(cellOf(before.body, 'TASK_IMPLEMENTED', 'TINH').value).toBeNull();
    expect(cellOf(before.body, 'TASK_STARTED', 'TINH').value.num).toBe(12);

    const commit = await upload(officer, file, {
      dryRun: false,
      formId: form.id,
      periodCode: '2025M11',
      unitId: HAI_PHONG,
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body).toMatchObject({ dryRun: false, committed: true });
    expect(commit.body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(commit.body.summary).toMatchObject({ created: 10, updated: 2 });
    const report = (await officer.get(reportUrl(k))).body;
    expect(report.status).toBe('draft');
    expect(cellOf(report, 'TASK_IMPLEMENTED', 'TINH').value).toMatchObject({
      num: 1234,
      channel: 'excel',
      updatedBy: 'hp.chuyenvien',
    });
    expect(cellOf(report, 'TASK_IMPLEMENTED', 'BO').value).toBeNull();
    expect(cellOf(report, 'TASK_IMPLEMENTED', 'QUOC_GIA').value.num).toBe(0);
    expect(cellOf(report, 'FUND_DISBURSED').value.comment).toBe('Gồm vốn năm trước chuyển sang');
    const history = await officer.get(
      `/api/v1/statistics/reports/history?formId=${form.id}&unitId=${encodeURIComponent(HAI_PHONG)}&periodCode=2025M11&indicatorCode=TASK_STARTED&optionCode=TINH`,
    );
    expect(history.body.items[0]).toMatchObject({
      oldNum: 12,
      newNum: 5,
      channel: 'excel',
      batchId: commit.body.uploadId,
      actorUsername: 'hp.chuyenvien',
    });
    const imports = await t.database.pool.query(
      `SELECT channel, file_name, summary, actor_username FROM stat_imports WHERE id = $1`,
      [commit.body.uploadId],
    );
    expect(imports.rows[0]).toMatchObject({
      channel: 'excel',
      file_name: 'Bieu-da-dien.xlsx',
      actor_username: 'hp.chuyenvien',
      summary: { created: 10, updated: 2, formCode: form.code, units: [HAI_PHONG] },
    });
    const audit = await t.database.pool.query(
      `SELECT action, after FROM audit_log WHERE entity_type = 'stat_report' AND entity_id = $1 ORDER BY id`,
      [report.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['values_save', 'values_upload']);
    expect(audit.rows[1].after).toMatchObject({
      uploadId: commit.body.uploadId,
      channel: 'excel',
      created: 10,
      updated: 2,
    });

    // The same file again changes nothing.
    const again = await upload(officer, file, { dryRun: true });
    expect(again.body.changes).toEqual([]);
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, errors: 0 });
  });
});

describe('refusing what cannot be written', () => {
  it('names every wrong cell by reference and refuses the commit without writing anything', async () => {
    const form = await newForm('month');
    const k = keys(form.id, HAI_PHONG, '2025M12');
    const wb = await open(await download(officer, templateUrl(form.id, '2025M12')));
    const sheet = wb.getWorksheet('Hải Phòng')!;
    fill(sheet, 'TASK_IMPLEMENTED', 'TINH', '40'); // fine
    const wrong = {
      notNumber: fill(sheet, 'TASK_IMPLEMENTED', 'CO_SO', 'nhiều').address,
      notInteger: fill(sheet, 'TASK_IMPLEMENTED', 'BO', '2,5').address,
      ambiguous: fill(sheet, 'SPEND_TOTAL', 'NSNN', '1.234').address,
      percent: fill(sheet, 'FUND_DISBURSED', '', '40,43%').address,
      date: dated(fill(sheet, 'TFP_INCREASE', '', new Date(Date.UTC(2025, 1, 1)))).address,
      errorValue: fill(sheet, 'GRDP_INCREASE', '', { error: '#DIV/0!' }).address,
      noResult: fill(sheet, 'TASK_ACCEPTED', 'TINH', {
        formula: 'E1+1',
      } as ExcelJS.CellFormulaValue).address,
      yesNo: fill(sheet, 'RAD_RESPONSE_PLAN', '', 'có thể').address,
    };
    // A row whose hidden codes were changed: to a cell already in the sheet, to an unknown one.
    sheet.unprotect();
    const duplicate = rowOf(sheet, 'TASK_STARTED', 'BO');
    sheet.getCell(`I${duplicate}`).value = 'TINH';
    sheet.getCell(`E${duplicate}`).value = 3;
    const unknown = rowOf(sheet, 'TASK_STARTED', 'QUOC_GIA');
    sheet.getCell(`H${unknown}`).value = 'KHONG_CO';
    sheet.getCell(`E${unknown}`).value = 1;
    const file = await save(wb);

    const preview = await upload(officer, file, { dryRun: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const byCell = Object.fromEntries(preview.body.errors.map((e: any) => [e.cell, e.code]));
    expect(byCell).toEqual({
      [wrong.notNumber]: 'NOT_A_NUMBER',
      [wrong.notInteger]: 'NOT_AN_INTEGER',
      [wrong.ambiguous]: 'AMBIGUOUS_SEPARATOR',
      [wrong.percent]: 'PERCENT_NOT_ALLOWED',
      [wrong.date]: 'DATE_NOT_ALLOWED',
      [wrong.errorValue]: 'CELL_ERROR',
      [wrong.noResult]: 'FORMULA_NOT_CALCULATED',
      [wrong.yesNo]: 'NOT_YES_NO',
      [`E${rowOf(sheet, 'TASK_STARTED', 'TINH', 2)}`]: 'DUPLICATE_CELL',
      [`E${unknown}`]: 'UNKNOWN_INDICATOR',
    });
    expect(preview.body.errors.every((e: any) => e.sheet === 'Hải Phòng')).toBe(true);
    const ambiguous = preview.body.errors.find((e: any) => e.code === 'AMBIGUOUS_SEPARATOR');
    expect(ambiguous.message).toMatch(/1234 .* 1,234/);
    expect(preview.body.errors.find((e: any) => e.code === 'DUPLICATE_CELL').message).toContain(
      `với dòng ${duplicate}`,
    );
    expect(
      preview.body.errors.find((e: any) => e.code === 'FORMULA_NOT_CALCULATED').message,
    ).toMatch(/lưu/);
    // Sorted by row within the sheet.
    const rows = preview.body.errors.map((e: any) => Number(e.cell.slice(1)));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(preview.body.summary.errors).toBe(10);

    const commit = await upload(officer, file, { dryRun: false });
    expect(commit.status).toBe(400);
    expect(commit.body.error.code).toBe('UPLOAD_INVALID');
    expect(commit.body.error.message).toMatch(/10 lỗi/);
    expect(commit.body.error.details).toMatchObject({ committed: false, uploadId: null });
    expect(commit.body.error.details.errors).toEqual(preview.body.errors);
    expect((await officer.get(reportUrl(k))).body.status).toBe('not_started');
    expect(
      await countRows(
        `SELECT count(*) AS n FROM stat_values WHERE unit_id = $1 AND period_code = $2`,
        [HAI_PHONG, '2025M12'],
      ),
    ).toBe(0);
  });

  it('refuses a workbook of another form, period or unit, a file that is not a workbook and a workbook that is not a template', async () => {
    const form = await newForm();
    const other = await newForm();
    const file = await download(officer, templateUrl(form.id));
    const base = { dryRun: false, formId: form.id, periodCode: '2025', unitId: HAI_PHONG };
    const wrongForm = await upload(officer, file, { ...base, formId: other.id });
    expect(wrongForm.status).toBe(400);
    expect(wrongForm.body.error.code).toBe('WORKBOOK_MISMATCH');
    expect(wrongForm.body.error.message).toContain(`biểu ${form.code}`);
    expect(wrongForm.body.error.message).toContain(`cần biểu ${other.code}`);
    expect(wrongForm.body.error.details.mismatch).toEqual(['form']);
    const wrongPeriod = await upload(officer, file, { ...base, periodCode: '2024' });
    expect(wrongPeriod.body.error.code).toBe('WORKBOOK_MISMATCH');
    expect(wrongPeriod.body.error.message).toMatch(/kỳ Năm 2025.*cần .*kỳ Năm 2024/);
    const wrongUnit = await upload(otherProvince, file, { ...base, unitId: NINH_BINH });
    expect(wrongUnit.body.error.code).toBe('WORKBOOK_MISMATCH');
    expect(wrongUnit.body.error.message).toMatch(/đơn vị Hải Phòng.*cần .*đơn vị Ninh Bình/);

    const pdf = await upload(officer, TINY_PDF, {}, 'bao-cao.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.code).toBe('WORKBOOK_UNREADABLE');
    // A file whose zip directory announces gigabytes is refused before it is unpacked.
    const bomb = Buffer.from(file);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(0xf0000000, bomb.readUInt32LE(eocd + 16) + 24);
    const huge = await upload(officer, bomb);
    expect(huge.status).toBe(400);
    expect(huge.body.error).toMatchObject({
      code: 'WORKBOOK_UNREADABLE',
      message: expect.stringMatching(/quá lớn/),
    });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'Số liệu';
    const notTemplate = await upload(officer, await save(plain));
    expect(notTemplate.status).toBe(400);
    expect(notTemplate.body.error.code).toBe('WORKBOOK_NOT_TEMPLATE');
    expect(notTemplate.body.error.message).toMatch(/không phải mẫu nhập liệu/);

    // No file part; not multipart at all.
    const boundary = '----caunoi-test';
    const noFile = await officer.request(
      'POST',
      '/api/v1/statistics/uploads?dryRun=true',
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
      ),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toBe('Chưa chọn tệp Excel.');
    const json = await officer.post('/api/v1/statistics/uploads?dryRun=true', { file: 'x' });
    expect(json.status).toBe(415);
    const badFlag = await upload(officer, file, { dryRun: 'co' });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.error.code).toBe('VALIDATION_ERROR');
    expect((await t.anonymous.post('/api/v1/statistics/uploads?dryRun=true', {})).status).toBe(401);
    expect((await upload(viewer, file)).status).toBe(403);
    expect((await officer.get(reportUrl(keys(form.id)))).body.id).toBeNull();
  });

  it('refuses the sheet of a province outside scope without showing its values, and a submitted report', async () => {
    const form = await newForm();
    const nb = keys(form.id, NINH_BINH);
    const { id } = await saveCells(otherProvince, nb, CLEAN_CELLS);
    const file = await download(ministry, templateUrl(form.id, '2025', [NINH_BINH]));
    const foreign = await upload(officer, file, { dryRun: true });
    expect(foreign.status).toBe(200);
    expect(foreign.body.errors).toEqual([
      {
        sheet: 'Ninh Bình',
        cell: null,
        code: 'NOT_FOUND',
        message: expect.stringMatching(/Không tìm thấy báo cáo/),
      },
    ]);
    expect(foreign.body.changes).toEqual([]);

    const submitted = await otherProvince.post(`/api/v1/statistics/reports/${id}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const wb = await open(file);
    fill(wb.getWorksheet('Ninh Bình')!, 'TASK_STARTED', 'TINH', 13);
    const changed = await save(wb);
    const locked = await upload(otherProvince, changed, { dryRun: true });
    expect(locked.body.errors).toEqual([
      {
        sheet: 'Ninh Bình',
        cell: null,
        code: 'REPORT_LOCKED',
        message: expect.stringMatching(/đã gửi/),
      },
    ]);
    expect(locked.body.changes).toHaveLength(1);
    const refused = await upload(otherProvince, changed, { dryRun: false });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('UPLOAD_INVALID');
    const report = (await otherProvince.get(reportUrl(nb))).body;
    expect(cellOf(report, 'TASK_STARTED', 'TINH').value).toMatchObject({
      num: 12,
      channel: 'grid',
    });
  });
  it('tolerates the blank rows of an indicator removed from the form since the download, not its values', async () => {
    const form = await newForm('month');
    const wb = await open(
      await download(otherProvince, templateUrl(form.id, '2025M12', [NINH_BINH])),
    );
    const sheet = wb.getWorksheet('Ninh Bình')!;
    const removed = await ministry.patch(`/api/v1/statistics/forms/${form.id}`, {
      indicators: INDICATORS.filter((c) => c !== 'FUND_DISBURSED' && c !== 'SPEND_TOTAL'),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
    fill(sheet, 'TASK_IMPLEMENTED', 'TINH', 7);
    fill(sheet, 'SPEND_TOTAL', 'NSNN', 5);
    const res = await upload(otherProvince, await save(wb), { dryRun: true });
    expect(res.body.errors.map((e: any) => [e.cell, e.code])).toEqual([
      [`E${rowOf(sheet, 'SPEND_TOTAL', 'NSNN')}`, 'UNKNOWN_INDICATOR'],
    ]);
    expect(res.body.changes.map((c: any) => c.indicatorCode)).toEqual(['TASK_IMPLEMENTED']);
  });
});

describe('a workbook of several provinces', () => {
  it('is refused for entry to the Ministry coordinator and written by the administrator, one report each', async () => {
    const form = await newForm('quarter');
    const units = [HAI_PHONG, NINH_BINH, HUE];
    const wb = await open(await download(ministry, templateUrl(form.id, '2025Q4', units)));
    for (const [i, name] of ['Hải Phòng', 'Ninh Bình', 'Huế'].entries()) {
      const sheet = wb.getWorksheet(name)!;
      fill(sheet, 'TASK_IMPLEMENTED', 'TINH', 10 + i);
      fill(sheet, 'TASK_IMPLEMENTED', 'CO_SO', String(i)); // typed as text; 0 is a value
    }
    const file = await save(wb);
    const coordinator = await upload(ministry, file, { dryRun: true });
    expect(coordinator.status).toBe(403);
    const accepted = await upload(admin, file, {
      dryRun: false,
      formId: form.id,
      periodCode: '2025Q4',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.workbook.units.map((u: any) => u.sheet)).toEqual([
      'Hải Phòng',
      'Ninh Bình',
      'Huế',
    ]);
    expect(accepted.body.summary).toMatchObject({ created: 6, updated: 0, errors: 0 });
    const reports = await t.database.pool.query(
      `SELECT unit_id, status FROM stat_reports WHERE form_id = $1 AND period_code = '2025Q4' ORDER BY unit_id`,
      [form.id],
    );
    expect(reports.rows).toEqual(units.sort().map((unit_id) => ({ unit_id, status: 'draft' })));
    expect(
      await countRows(
        `SELECT count(*) AS n FROM audit_log a JOIN stat_reports r ON r.id::text = a.entity_id
         WHERE a.action = 'values_upload' AND r.form_id = $1`,
        [form.id],
      ),
    ).toBe(3);
    const hue = (await ministry.get(reportUrl(keys(form.id, HUE, '2025Q4')))).body;
    expect(cellOf(hue, 'TASK_IMPLEMENTED', 'TINH').value).toMatchObject({
      num: 12,
      channel: 'excel',
      updatedBy: 'admin',
    });
  });
});

describe('from download to submission', () => {
  it('lets an officer fix the errors she is shown, commit, and submit', async () => {
    const form = await newForm('month');
    const k = keys(form.id, HAI_PHONG, '2025M10');
    const wb = await open(await download(officer, templateUrl(form.id, '2025M10')));
    const sheet = wb.getWorksheet('Hải Phòng')!;
    for (const cell of CLEAN_CELLS)
      fill(sheet, cell.indicatorCode, cell.optionCode ?? '', cell.value!);
    fill(sheet, 'TASK_STARTED', 'CO_SO', '1.5'); // not an integer
    const first = await upload(officer, await save(wb), { dryRun: true });
    expect(first.body.errors.map((e: any) => [e.cell, e.code])).toEqual([
      [`E${rowOf(sheet, 'TASK_STARTED', 'CO_SO')}`, 'NOT_AN_INTEGER'],
    ]);
    fill(sheet, 'TASK_STARTED', 'CO_SO', '15');
    const fixed = await save(wb);
    const commit = await upload(officer, fixed, {
      dryRun: false,
      formId: form.id,
      periodCode: '2025M10',
      unitId: HAI_PHONG,
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    const report = (await officer.get(reportUrl(k))).body;
    expect(report.blockers).toEqual([]);
    const submitted = await officer.post(`/api/v1/statistics/reports/${report.id}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    // Approval is the next step; the workbook can no longer change the report.
    expect((await upload(officer, fixed, { dryRun: false })).status).toBe(400);
    expect(
      (await approver.post(`/api/v1/statistics/reports/${report.id}/approve`, {})).status,
    ).toBe(200);
  });

  it('warns of a value changed on the system after the template was downloaded', async () => {
    const form = await newForm('month');
    const k = keys(form.id, NINH_BINH, '2025M11');
    await saveCells(otherProvince, k, [
      { indicatorCode: 'TASK_STARTED', optionCode: 'TINH', value: 1 },
    ]);
    const wb = await open(
      await download(otherProvince, templateUrl(form.id, '2025M11', [NINH_BINH])),
    );
    await saveCells(otherProvince, k, [
      { indicatorCode: 'TASK_STARTED', optionCode: 'TINH', value: 2 },
    ]);
    const sheet = wb.getWorksheet('Ninh Bình')!;
    fill(sheet, 'TASK_STARTED', 'TINH', 3);
    const preview = await upload(otherProvince, await save(wb), { dryRun: true });
    expect(preview.body.changes).toEqual([
      expect.objectContaining({ old: { num: 2, txt: null }, new: { num: 3, txt: null } }),
    ]);
    expect(preview.body.warnings).toEqual([
      expect.objectContaining({
        code: 'CHANGED_SINCE_DOWNLOAD',
        cell: `E${rowOf(sheet, 'TASK_STARTED', 'TINH')}`,
        message: expect.stringContaining('nb.chuyenvien'),
      }),
    ]);
  });
});
