import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserTestsEnabled,
  launchBrowser,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from './support/app.js';

/**
 * The Ministry coordinator analyses the number of overdue S&T tasks over 2019–2025: the pivot as
 * reported (63 provinces until 2024, 34 in 2025), then on today's boundaries, where a merged
 * province's figure is the sum of its former provinces'; a regional total with a province
 * missing says which; the map of the 34 provinces; the Excel export of the same query.
 *
 * The figures are written by an administrator's bulk import: every province every year, the
 * former Nam Định (code 36) left out of 2023. The app starts with the demo accounts but without
 * the demo records, whose accepted reports would lock those figures.
 */
const INDICATOR = 'TASK_OVERDUE';
const TODAY = '2025-11-15T09:00:00+07:00';
const MISSING_CODE = '36';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

interface UnitItem {
  id: string;
  code: string;
  nameVi: string;
}
interface View {
  rows: Array<{ level: string; unitId: string | null; nameVi: string }>;
  periods: Array<{ code: string }>;
  size: [number, number, number];
  values: Array<number | null>;
}

/** A province's figure for a year: distinct, so that a sum shows which provinces it took. */
const figure = (code: string, year: number) => Number(code) * 10 + (year - 2018);

describe.runIf(browserTestsEnabled)('analytics in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cookie = '';
  const consoleErrors: string[] = [];

  const apiGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${app.url}/api/v1${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    app = await startApp({ testClock: true, demo: 'accounts' });
    await app.setClock(TODAY);
    // The figures, through the bulk import of an administrator.
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const lines = ['indicator,unit,period,value'];
    for (const year of YEARS) {
      const units = await apiGet<{ items: UnitItem[] }>(`/units?asOf=${year}-12-31`);
      for (const u of units.items) {
        if (year === 2023 && u.code === MISSING_CODE) continue;
        lines.push(`${INDICATOR},${u.code},${year},${figure(u.code, year)}`);
      }
    }
    const res = await fetch(`${app.url}/api/v1/statistics/imports`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' },
      body: lines.join('\n'),
    });
    const summary = (await res.json()) as { committed: boolean };
    expect(res.status, JSON.stringify(summary).slice(0, 500)).toBe(200);
    expect(summary.committed, JSON.stringify(summary).slice(0, 1500)).toBe(true);

    browser = await launchBrowser();
    context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await signIn(page, app.url, 'bo.dieuphoi');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  const pivot = () => page.getByTestId('analytics-pivot');
  /** The body rows of the pivot whose unit header is `name`. */
  const rowOf = (name: string) =>
    pivot()
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  it('opens analytics from the statistics menu, picks an indicator and 2019–2025, and shows the pivot as reported', async () => {
    await page.getByRole('menuitem', { name: 'Phân tích số liệu' }).click();
    await page.waitForURL(/\/statistics\/analytics/);
    await expect
      .poll(() => page.getByText('Chọn ít nhất một chỉ tiêu').count(), { timeout: 30_000 })
      .toBe(1);

    // The indicator, found by typing part of its Vietnamese name.
    const picker = page.getByTestId('analytics-indicators');
    await picker.click();
    await page.keyboard.type('cham tien do');
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: 'chậm tiến độ' })
      .first()
      .click();
    await page.keyboard.press('Escape');

    for (const [testId, year] of [
      ['analytics-from', '2019'],
      ['analytics-to', '2025'],
    ] as const) {
      await page.getByTestId(testId).click();
      await page.keyboard.type(year);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => pivot().count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => pivot().locator('thead th').allTextContents(), { timeout: 30_000 })
      .toEqual(['Chỉ tiêu', 'Đơn vị', ...YEARS.map((y) => `Năm ${y}`)]);
    const url = new URL(page.url());
    expect(url.searchParams.get('ind')).toBe(INDICATOR);
    expect(url.searchParams.get('from')).toBe('2019');
    expect(url.searchParams.get('to')).toBe('2025');

    // As reported: the former Nam Định has figures until 2024 and none in 2025.
    const namDinh = rowOf('Nam Định (đến 30/06/2025)');
    await expect.poll(() => namDinh.count(), { timeout: 30_000 }).toBe(1);
    const cells = await namDinh.locator('td').allTextContents();
    expect(cells[0]).toBe(String(figure('36', 2019)));
    expect(cells[4]).toBe(''); // 2023: not reported
    expect(cells[6]).toBe(''); // 2025: the province no longer exists
    // 63 former provinces and the 34 of today (11 kept their code), regions and the nation.
    const unitRows = await pivot().locator('tbody th[scope="row"]').count();
    expect(unitRows).toBeGreaterThan(63);
    await screenshot(page, 'analytics-as-reported');
  });

  it('restates on current boundaries: 34 provinces, a merged one the sum of its former ones', async () => {
    await page
      .getByTestId('analytics-boundaries')
      .getByText('Theo địa giới hiện nay (34 tỉnh)')
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('b')).toBe('current');
    // The restated table has replaced the one as reported: no former province is left.
    await expect
      .poll(() => rowOf('Nam Định (đến 30/06/2025)').count(), { timeout: 30_000 })
      .toBe(0);
    expect(
      await pivot().locator('tbody tr:not(:has(td.aggregate)) th[scope="row"]').count(),
    ).toBeGreaterThanOrEqual(34);

    const view = await apiGet<View>(
      `/analytics?indicators=${INDICATOR}&periods=2019..2025&boundaries=current&levels=unit`,
    );
    expect(view.rows).toHaveLength(34);
    const screenRows = await pivot().locator('tbody th[scope="row"]').allTextContents();
    for (const row of view.rows) expect(screenRows).toContain(row.nameVi);

    // Today's Hải Phòng (31) is the former Hải Phòng (31) and Hải Dương (30).
    const r = view.rows.findIndex((x) => x.unitId === '31@2025-07-01');
    const hp2024 = view.values[r * view.size[2] + 5];
    expect(hp2024).toBe(figure('31', 2024) + figure('30', 2024));
    await expect
      .poll(() => rowOf(view.rows[r]!.nameVi).locator('td').nth(5).textContent())
      .toBe(new Intl.NumberFormat('vi-VN').format(hp2024!));
    await screenshot(page, 'analytics-current');
  });

  it('explains a flagged cell in Vietnamese, naming the province that did not report', async () => {
    // Today's Ninh Bình in 2023 lacks the former Nam Định.
    const flagged = rowOf('Ninh Bình').locator('td[data-flagged] [tabindex="0"]').first();
    await flagged.hover();
    const note = page.getByTestId('analytics-cell-note').last();
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain('Thiếu số liệu');
    expect(await note.textContent()).toContain('Chưa có số liệu của: Nam Định');
    // The Red River Delta's total of 2023 is shown, with the province it lacks and its coverage.
    const region = pivot().locator('tbody tr[data-aggregate]', {
      has: page.getByRole('rowheader', { name: 'Đồng bằng sông Hồng', exact: true }),
    });
    await region.locator('td').nth(4).locator('[tabindex="0"]').hover();
    await expect
      .poll(() => page.getByTestId('analytics-cell-note').last().textContent())
      .toMatch(/Có số liệu: \d+\/\d+ tỉnh/);
    await screenshot(page, 'analytics-flag');
  });

  it('draws the chart and the map of the 34 provinces', async () => {
    await page.getByRole('tab', { name: 'Biểu đồ' }).click();
    await expect
      .poll(() => page.getByTestId('analytics-chart').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.getByTestId('analytics-chart').getAttribute('aria-label')).toContain(
      'Số nhiệm vụ',
    );
    await page.getByRole('tab', { name: 'Bản đồ' }).click();
    await expect
      .poll(() => page.getByTestId('analytics-map').locator('canvas').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByText('luôn được quy đổi theo địa giới hiện nay').count()).toBe(1);
    await screenshot(page, 'analytics-map');
  });

  it('downloads the Excel export of the same query', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('analytics-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.values?.toString() ?? ''));
    expect(texts.join('\n')).toContain('Quy đổi theo địa giới hiện nay');
    expect(texts.join('\n')).toContain(INDICATOR);
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
