import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PiiProfile, PiiRun } from '@caunoi/shared';
import {
  browserTestsEnabled,
  launchBrowser,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from './support/app.js';

/**
 * The Ministry coordinator computes PII 2026 from the accepted statistics of the full demo (the
 * newest edition, its data year 2025, today's 34 provinces), reads the ranking, opens Hải Phòng's
 * profile (strengths, weaknesses, rank interval) and downloads the run's Excel file; a province
 * officer reads the runs but cannot compute one.
 */
const HAI_PHONG = '31@2025-07-01';

describe.runIf(browserTestsEnabled)('the innovation index in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let runId = '';
  const consoleErrors: string[] = [];

  /** A GET of the API with the signed-in page's session. */
  const apiGet = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`${app.url}/api/v1${path}`);
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  };

  const freshPage = async () => {
    await context?.close();
    context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  };

  beforeAll(async () => {
    app = await startApp({ demo: 'all' });
    browser = await launchBrowser();
    await freshPage();
    await signIn(page, app.url, 'bo.dieuphoi');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  const rankingRows = () => page.getByTestId('pii-ranking').locator('tbody tr.ant-table-row');

  it('computes PII 2026 from the accepted data and ranks the 34 provinces', async () => {
    await page.getByRole('menuitem', { name: 'Kết quả tính toán' }).click();
    await page.waitForURL(/\/pii\/runs$/);
    await page.getByRole('button', { name: 'Tính toán' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tính toán Chỉ số ĐMST' });
    await dialog.waitFor();
    // The newest edition and its data year are chosen.
    expect(await dialog.locator('.ant-select').first().textContent()).toMatch(/^PII 2026\b/);
    expect(await dialog.getByLabel('Năm số liệu').inputValue()).toBe('2025');
    await dialog.getByRole('button', { name: 'Tính toán' }).click();
    await page.waitForURL(/\/pii\/runs\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    runId = new URL(page.url()).pathname.split('/').at(-1)!;

    await expect.poll(() => page.locator('h3').first().textContent()).toMatch(/^PII 2026\b/);
    expect(await page.getByText('Khung minh họa', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Số liệu năm 2025').count()).toBe(1);
    await expect.poll(() => rankingRows().count(), { timeout: 30_000 }).toBe(34);

    // The table is the run's ranking: the first row is rank 1, ranks never go down.
    const run = await apiGet<PiiRun>(`/pii/runs/${runId}`);
    expect(run.unitCount).toBe(34);
    const ranks = (await rankingRows().locator('td:nth-child(2)').allTextContents()).map(Number);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const names = await rankingRows().locator('td:nth-child(3)').allTextContents();
    expect(names[0]).toBe(run.ranking[0]!.unitName);
    await screenshot(page, 'pii-ranking');
  });

  it('finds Hải Phòng without tones and opens its profile: rank, interval, strengths and weaknesses', async () => {
    await page.getByTestId('pii-search').locator('input').fill('hai phong');
    await expect.poll(() => rankingRows().count()).toBe(1);
    await rankingRows().getByRole('link', { name: 'Hải Phòng' }).click();
    await page.waitForURL(new RegExp(`/pii/runs/${runId}/units/`));
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('Hải Phòng');

    const profile = await apiGet<PiiProfile>(
      `/pii/runs/${runId}/units/${encodeURIComponent(HAI_PHONG)}`,
    );
    expect(profile.unitCount).toBe(34);
    expect(profile.rankInterval?.q5).not.toBeNull();
    const rankCard = page.getByTestId('pii-profile-rank');
    await expect.poll(() => rankCard.textContent()).toContain(`${profile.rank}/ 34`);
    const q5 = Math.round(profile.rankInterval!.q5!);
    const q95 = Math.round(profile.rankInterval!.q95!);
    const range = q5 === q95 ? `${q5}` : `${q5}–${q95}`;
    expect(await page.getByTestId('pii-profile-interval').textContent()).toContain(
      `Khoảng hạng 90%: ${range}`,
    );

    // The counts, the coloured tags of the indicator table and the filters agree.
    expect(profile.strengths).toBeGreaterThan(0);
    expect(profile.weaknesses).toBeGreaterThan(0);
    expect(await page.getByTestId('pii-profile-strengths').textContent()).toBe(
      `Điểm mạnh${profile.strengths}`,
    );
    expect(await page.getByTestId('pii-profile-weaknesses').textContent()).toBe(
      `Điểm yếu${profile.weaknesses}`,
    );
    const table = page.getByTestId('pii-indicators');
    const tags = (text: string) => table.locator('.ant-tag', { hasText: text }).count();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(profile.indicators.length);
    expect(await tags('Điểm mạnh')).toBe(profile.strengths);
    expect(await tags('Điểm yếu')).toBe(profile.weaknesses);
    await page.getByText(`Điểm yếu (${profile.weaknesses})`).click();
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').count())
      .toBe(profile.weaknesses);
    expect(await tags('Điểm mạnh')).toBe(0);

    // The radar of the 7 pillars against the median is drawn.
    const radar = page.getByTestId('pii-radar');
    await expect
      .poll(() => radar.locator('canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await radar.getAttribute('aria-label')).toContain('Hải Phòng');
    await screenshot(page, 'pii-profile');
  });

  it('compares Hải Phòng with the first province, draws the map and keeps published results apart', async () => {
    await page.goto(`${app.url}/pii/runs/${runId}`);
    await expect.poll(() => rankingRows().count(), { timeout: 20_000 }).toBe(34);
    const first = (await rankingRows().first().locator('td:nth-child(3)').textContent())!;
    await rankingRows().first().locator('input[type="checkbox"]').check();
    await rankingRows()
      .filter({ has: page.getByRole('link', { name: 'Hải Phòng', exact: true }) })
      .locator('input[type="checkbox"]')
      .check();
    await page.getByTestId('pii-compare').click();
    await page.waitForURL(/\/compare\?units=/);
    const header = page.getByTestId('pii-compare-aggregates').locator('thead th');
    await expect
      .poll(() => header.allTextContents(), { timeout: 20_000 })
      .toEqual(['Thành phần', first, 'Hải Phòng']);
    const radar = page.getByTestId('pii-radar');
    await expect
      .poll(() => radar.locator('canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await radar.getAttribute('aria-label')).toContain(`${first}, Hải Phòng`);
    await screenshot(page, 'pii-compare');

    await page.goto(`${app.url}/pii/runs/${runId}?tab=map`);
    const map = page.getByTestId('pii-map');
    await expect.poll(() => map.locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Kết quả công bố' }).click();
    await expect
      .poll(() =>
        page
          .getByText('Kết quả PII 2026 đã công bố chính thức — không phải kết quả tính toán')
          .count(),
      )
      .toBe(1);
  });

  it('downloads the Excel file of the run with the 34 provinces ranked', async () => {
    await page.goto(`${app.url}/pii/runs/${runId}`);
    await page.getByTestId('pii-export').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('pii-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^PII-2026-du-lieu-2025-[0-9a-f]{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Xếp hạng');
    expect(sheet).toBeDefined();
    const provinces: string[] = [];
    sheet!.eachRow((row, n) => {
      if (n > 1) provinces.push(String(row.getCell(3).value));
    });
    expect(provinces).toHaveLength(34);
    expect(provinces).toContain('Hải Phòng');
  });

  it('computes the run again from its stored inputs and finds the same results', async () => {
    await page.getByRole('menuitem', { name: 'Kết quả tính toán' }).click();
    await page.waitForURL(/\/pii\/runs$/);
    const row = page
      .getByTestId('pii-runs')
      .locator('tbody tr.ant-table-row', { has: page.locator(`a[href="/pii/runs/${runId}"]`) });
    await row.getByRole('button', { name: 'Kiểm tra tái lập' }).click();
    const result = page.getByTestId('pii-verification');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain(
      'Tính lại từ dữ liệu đầu vào đã lưu cho đúng các kết quả đã lưu.',
    );
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await result.waitFor({ state: 'hidden' });
  });

  it('shows a province officer the runs, without the button to compute one', async () => {
    await freshPage();
    await signIn(page, app.url, 'hp.chuyenvien');
    await page.goto(`${app.url}/pii/runs`);
    const runs = page.getByTestId('pii-runs').locator('tbody tr.ant-table-row');
    await expect.poll(() => runs.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await runs.first().textContent()).toContain('PII 2026');
    expect(await page.getByRole('button', { name: 'Tính toán' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kiểm tra tái lập' }).count()).toBe(0);
    await runs.first().getByRole('link').click();
    await expect.poll(() => rankingRows().count(), { timeout: 20_000 }).toBe(34);
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
