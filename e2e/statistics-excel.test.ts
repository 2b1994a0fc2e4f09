import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  browserTestsEnabled,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
} from './support/app.js';
import { reportSession, type ReportSession } from './support/report.js';

/**
 * The acceptance walk of the statistics module, through Excel: Hải Phòng's officer downloads the
 * 2025 annual template of her province, fills it as civil servants do (Vietnamese and English
 * number notation, a formula, a zero that is not a blank, a comment), uploads it and is shown two
 * errors by cell, with nothing written; she corrects the workbook, uploads it again, checks the
 * preview, writes it and submits the report. The department's approver approves it, the Ministry
 * accepts it, and the reporting status and the analytics show it, as reported and on today's
 * boundaries (Hải Phòng absorbed Hải Dương on 1 July 2025).
 */
const FORM = 'BM-KHCN-NAM';
const HAI_PHONG = '31@2025-07-01';
const EXPLANATION = 'Theo báo cáo của Chi cục Tiêu chuẩn Đo lường Chất lượng';

/** What the officer types into the value column (E), by indicator code and option. */
const FILLED: Record<string, ExcelJS.CellValue> = {
  SMQ_GROUP2_LOTS_INSPECTED: '1.050',
  SMQ_GROUP2_LOTS_NONCONFORMING: 12,
  SMQ_INSTRUMENTS_VERIFIED: '6,000.0',
  'SMQ_METERS_VERIFIED.CONG_TO_DIEN': { formula: '8000+5000', result: 13000 },
  'SMQ_METERS_VERIFIED.DONG_HO_NUOC': 0,
  SMQ_LOCAL_REGULATIONS: 2,
  IP_DOSSIERS_SUPPORTED: 120,
  TECH_PROCESSES_APPLIED: 45,
  TECH_MODELS_BUILT: 'mười lăm',
  INSPECTIONS: '2,5',
};
/** The two cells the server refuses, and what the officer writes instead. */
const CORRECTIONS: Record<string, ExcelJS.CellValue> = {
  TECH_MODELS_BUILT: 15,
  INSPECTIONS: 3,
};

interface ApiView {
  rows: Array<{ unitId: string | null; nameVi: string }>;
  size: [number, number, number];
  values: Array<number | null>;
}

describe.runIf(browserTestsEnabled)('a report filled in Excel, from download to analytics', () => {
  let app: RunningApp;
  let browser: Browser;
  let s: ReportSession;
  let page: Page;
  let template: Buffer;
  const rowOfCode = new Map<string, number>();

  beforeAll(async () => {
    app = await startApp({ testClock: true });
    await app.setClock('2026-01-20T09:00:00+07:00');
    browser = await launchBrowser();
    s = reportSession(browser, app.url);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await app?.stop();
  });

  /** The workbook as the officer saves it from Excel: the template with `cells` typed in. */
  const filled = async (cells: Record<string, ExcelJS.CellValue>, comment?: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.name !== 'Hướng dẫn');
    if (!sheet) throw new Error('the template has no data sheet');
    for (const [key, value] of Object.entries(cells)) {
      const row = rowOfCode.get(key);
      if (!row) throw new Error(`no row for ${key} in the template`);
      sheet.getCell(`E${row}`).value = value;
    }
    if (comment) sheet.getCell(`F${rowOfCode.get('SMQ_GROUP2_LOTS_INSPECTED')}`).value = comment;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const upload = async (buffer: Buffer, name: string) => {
    await page.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await expect
      .poll(() => s.dialog().textContent(), { timeout: 30_000 })
      .toContain(`Xem trước tệp ${name}`);
  };
  /** The pivot's cells of the row headed `name`. */
  const pivotRow = (name: string) =>
    page
      .getByTestId('analytics-pivot')
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      .locator('td');

  it('downloads the template of Hải Phòng for 2025 from the entry page', async () => {
    page = await s.as('hp.chuyenvien');
    await page.getByRole('navigation').getByRole('link', { name: 'Nhập số liệu' }).click();
    const form = page.getByRole('combobox', { name: 'Biểu mẫu' });
    await form.click();
    await form.fill('nam');
    await page.locator('.ant-select-item-option:visible').filter({ hasText: FORM }).first().click();
    await expect
      .poll(() => page.getByTestId('report-header').textContent(), { timeout: 30_000 })
      .toContain('Hải Phòng · Năm 2025');
    s.reportUrl = page.url();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tải mẫu Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    template = readFileSync(await download.path());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Hướng dẫn')).toBeDefined();
    const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.name !== 'Hướng dẫn')!;
    // The structure is protected; the codes are in hidden columns H and I.
    expect(sheet.getColumn(8).hidden).toBe(true);
    expect(sheet.getColumn(9).hidden).toBe(true);
    sheet.eachRow((row, n) => {
      const code = row.getCell(8).text;
      if (/^[A-Z][A-Z0-9_]+$/.test(code)) {
        const option = row.getCell(9).text;
        rowOfCode.set(option ? `${code}.${option}` : code, n);
      }
    });
    for (const key of Object.keys(FILLED)) expect(rowOfCode.has(key), key).toBe(true);
    // Nothing of this yet on the system.
    expect(await s.cell('INSPECTIONS').inputValue()).toBe('');
  });

  it('shows the errors of the uploaded workbook by cell, and writes nothing', async () => {
    await upload(await filled(FILLED), 'bao-cao-hai-phong-2025.xlsx');
    const errors = s.dialog().getByRole('table', { name: 'Lỗi theo ô' });
    await expect.poll(() => errors.locator('tbody tr').count()).toBe(2);
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain(`E${rowOfCode.get('INSPECTIONS')}`);
    expect(text).toContain('phải là số nguyên');
    expect(text).toContain(`E${rowOfCode.get('TECH_MODELS_BUILT')}`);
    expect(await s.dialog().textContent()).toContain('Chưa có số liệu nào được ghi');
    expect(await s.dialog().getByRole('button', { name: 'Ghi số liệu' }).isDisabled()).toBe(true);
    await screenshot(page, 'statistics-excel-errors');
    await s.dialog().getByRole('button', { name: 'Đóng' }).last().click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    // Nothing was written, not even the cells without error.
    await s.openReport();
    expect(await s.cell('SMQ_GROUP2_LOTS_INSPECTED').inputValue()).toBe('');
    expect(await s.cell('INSPECTIONS').inputValue()).toBe('');
  });

  it('previews the corrected workbook and writes it at once', async () => {
    await upload(
      await filled({ ...FILLED, ...CORRECTIONS }, EXPLANATION),
      'bao-cao-hai-phong-2025-da-sua.xlsx',
    );
    const preview = s.dialog();
    await expect.poll(() => preview.textContent()).toContain('0 lỗi');
    expect(await preview.textContent()).toContain(`${Object.keys(FILLED).length} ô mới`);
    await screenshot(page, 'statistics-excel-preview');
    const changes = preview.getByRole('table', { name: 'Các thay đổi sẽ ghi' });
    // The demo's synthetic figures of the draft become the department's own: listed as updates.
    const inspected = changes
      .locator('tbody tr')
      .filter({ hasText: `E${rowOfCode.get('SMQ_GROUP2_LOTS_INSPECTED')}` });
    while ((await inspected.count()) === 0) {
      await preview.locator('li[title="Trang Kế"]').last().click();
    }
    expect(await inspected.textContent()).toContain('1.050');
    await preview.getByRole('button', { name: 'Ghi số liệu' }).click();
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 20_000 })
      .toContain(`Đã ghi số liệu từ Excel: ${Object.keys(FILLED).length} ô mới`);

    // The grid shows the figures in Vietnamese notation; blank and zero stay distinct.
    await expect
      .poll(() => s.cell('SMQ_GROUP2_LOTS_INSPECTED').inputValue(), { timeout: 20_000 })
      .toBe('1.050');
    expect(await s.cell('SMQ_INSTRUMENTS_VERIFIED').inputValue()).toBe('6.000');
    expect(await s.cell('SMQ_METERS_VERIFIED.CONG_TO_DIEN').inputValue()).toBe('13.000');
    expect(await s.cell('SMQ_METERS_VERIFIED.DONG_HO_NUOC').inputValue()).toBe('0');
    expect(await s.cell('INSPECTIONS').inputValue()).toBe('3');
    expect(await s.cell('TECH_MODELS_BUILT').inputValue()).toBe('15');
    expect(await s.cell('TECH_TRANSFERS_REGISTERED').inputValue()).toBe('');
    const meters = page.getByTestId('stat-total').filter({ hasText: 'SMQ_METERS_VERIFIED' });
    expect(await meters.textContent()).toContain('13.000');

    // Each value's history says it came from Excel.
    await page
      .getByRole('button', { name: /^Lịch sử của ô Số lô hàng hóa nhóm 2/ })
      .first()
      .click();
    const history = s.dialog().getByTestId('cell-history');
    await expect.poll(() => history.textContent(), { timeout: 20_000 }).toContain('hp.chuyenvien');
    expect(await history.textContent()).toContain('Tải lên Excel');
    // The comment typed in column F is the cell's comment.
    expect(await s.dialog().textContent()).toContain(EXPLANATION);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('submits the report', async () => {
    await s.step('Gửi phê duyệt');
    await expect.poll(s.status, { timeout: 20_000 }).toBe('Đã gửi lãnh đạo Sở');
    // A submitted report is locked: the upload is no longer offered.
    expect(await page.getByRole('button', { name: /Tải lên Excel/ }).count()).toBe(0);
  });

  it('is approved by the department and accepted by the Ministry', async () => {
    page = await s.as('hp.lanhdao');
    await s.openReport();
    await s.step('Phê duyệt');
    await expect.poll(s.status, { timeout: 20_000 }).toBe('Sở đã phê duyệt');

    page = await s.as('bo.dieuphoi');
    await s.openReport();
    await expect.poll(s.status, { timeout: 30_000 }).toBe('Sở đã phê duyệt');
    await s.step('Tiếp nhận');
    await expect.poll(s.status, { timeout: 20_000 }).toBe('Bộ đã tiếp nhận');
  });

  it('shows Hải Phòng accepted and on time in the reporting status', async () => {
    await page.goto(s.reportUrl.replace('/statistics/entry', '/statistics/completeness'));
    const row = page.getByTestId('completeness-row').filter({ hasText: 'Hải Phòng' });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Bộ đã tiếp nhận');
    expect(await row.textContent()).toContain('Đúng hạn');
    await screenshot(page, 'statistics-excel-completeness');
  });

  it('shows the figure in the analytics as reported and on today’s boundaries', async () => {
    await page.goto(
      `${app.url}/statistics/analytics?ind=SMQ_GROUP2_LOTS_INSPECTED&pt=year&from=2024&to=2025`,
    );
    // As reported: today's Hải Phòng in 2025, the former Hải Phòng and Hải Dương in 2024.
    await expect
      .poll(() => pivotRow('Hải Phòng').allTextContents(), { timeout: 30_000 })
      .toEqual(['', '1.050']);
    const formerRow = await pivotRow('Hải Phòng (đến 30/06/2025)').allTextContents();
    expect(formerRow[0]).not.toBe('');
    expect(formerRow[1]).toBe('');
    await screenshot(page, 'statistics-excel-analytics-as-reported');

    // Today's boundaries: 2024 is restated as the sum of the two former provinces (the demo's
    // synthetic figures, marked *), 2025 is the department's own figure.
    const units = await page.request.get(`${app.url}/api/v1/units?asOf=2024-12-31`);
    const former = ((await units.json()) as { items: Array<{ id: string; code: string }> }).items
      .filter((u) => u.code === '30' || u.code === '31')
      .map((u) => u.id);
    expect(former).toHaveLength(2);
    const res = await page.request.get(
      `${app.url}/api/v1/analytics?indicators=SMQ_GROUP2_LOTS_INSPECTED&periods=2024&levels=unit&units=${former.join(',')}`,
    );
    expect(res.status(), await res.text()).toBe(200);
    const reported = (await res.json()) as ApiView;
    expect(reported.values).toHaveLength(2);
    const sum = reported.values.reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(reported.values.every((v) => v !== null)).toBe(true);

    await page
      .getByTestId('analytics-boundaries')
      .getByText('Theo địa giới hiện nay (34 tỉnh)')
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('b')).toBe('current');
    await expect
      .poll(() => pivotRow('Hải Phòng').allTextContents(), { timeout: 30_000 })
      .toEqual([`${new Intl.NumberFormat('vi-VN').format(sum)}*`, '1.050']);
    expect(await pivotRow('Hải Phòng (đến 30/06/2025)').count()).toBe(0);
    await screenshot(page, 'statistics-excel-analytics-current');
    expect(HAI_PHONG).toBe(new URL(s.reportUrl).searchParams.get('unitId'));
  });

  it('logged no errors in the browser console', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
