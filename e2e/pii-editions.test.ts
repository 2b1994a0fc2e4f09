import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PiiEdition } from '@caunoi/shared';
import {
  browserTestsEnabled,
  launchBrowser,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from './support/app.js';

/**
 * The Ministry coordinator looks after the index's framework: she opens PII 2026's framework,
 * reads that it is illustrative and sees its 7 pillars, exports it as CSV and imports the same
 * file back (the edition is unchanged), then imports a file with an unknown parent and is told
 * which row and column are wrong, with nothing changed; last, she reads the published results
 * of PII 2023.
 */
const IMETA_HEADER = 'Level,iCode,iName,Direction,Weight,Parent,Type,Denominator';
const ILLUSTRATIVE_NOTICE =
  'Khung minh họa: danh mục chính thức tại phụ lục Quyết định 1705/QĐ-BKHCN và 989/QĐ-BKHCN';

/** One CSV field as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe.runIf(browserTestsEnabled)('the PII framework editions in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let edition: PiiEdition;
  let exported: Buffer;
  const pageErrors: string[] = [];

  /** The edition as the API answers it, through the signed-in browser's session. */
  const editionNow = async (): Promise<PiiEdition> => {
    const res = await page.request.get(`${app.url}/api/v1/pii/editions/${edition.id}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as PiiEdition;
  };
  /** What an import may not change: the rows, their order, the configuration, the header. */
  const content = (e: PiiEdition) => ({
    nodes: e.nodes,
    config: e.config,
    title: e.title,
    dataYear: e.dataYear,
    notes: e.notes,
  });
  const importFile = async (name: string, buffer: Buffer) => {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain(name);
    return result;
  };

  beforeAll(async () => {
    app = await startApp({ demo: 'accounts' });
    browser = await launchBrowser();
    context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, app.url, 'bo.dieuphoi');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it("opens PII 2026's framework: illustrative, 7 pillars", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Khung chỉ số' }).click();
    await page.getByRole('link', { name: 'PII 2026', exact: true }).click();
    await page.waitForURL(/\/pii\/editions\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    edition = { id } as PiiEdition;
    edition = await editionNow();
    expect(edition.year).toBe(2026);
    expect(edition.illustrative).toBe(true);

    await expect
      .poll(() => page.getByTestId('illustrative-notice').textContent(), { timeout: 30_000 })
      .toContain(ILLUSTRATIVE_NOTICE);
    const tree = page.getByTestId('framework-tree');
    await expect.poll(() => tree.locator('tr[data-level="3"]').count()).toBe(7);
    expect(await tree.locator('tr[data-level="3"]').first().textContent()).toContain('Thể chế');
    expect(await page.getByTestId('structure').textContent()).toMatch(/^7 trụ cột/);
    // Every indicator of the edition is a row of the tree.
    const indicators = edition.nodes.filter((n) => n.type === 'Indicator').length;
    expect(indicators).toBeGreaterThan(0);
    expect(await tree.locator('tr[data-level="1"]').count()).toBe(indicators);
    await screenshot(page, 'pii-edition-2026');
  });

  it('exports the framework as CSV in the iMeta layout', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Xuất CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    exported = readFileSync(await download.path());
    const text = exported.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toMatch(new RegExp(`^${IMETA_HEADER}`));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.iCode)).toEqual(edition.nodes.map((n) => n.code));
  });

  it('imports the exported file back, and the edition is unchanged', async () => {
    const before = content(edition);
    const result = await importFile('pii-2026.csv', exported);
    expect(await result.textContent()).toContain('Đã nhập tệp pii-2026.csv');
    expect(content(await editionNow())).toEqual(before);
    await expect
      .poll(() => page.getByTestId('framework-tree').locator('tr[data-level="3"]').count())
      .toBe(7);
  });

  it('refuses a file with an unknown parent, naming its row and column', async () => {
    const text = exported.toString('utf8').replace(/^\uFEFF/, '');
    const records = parse(text) as string[][];
    const header = records[0]!;
    const parentAt = header.indexOf('Parent');
    const typeAt = header.indexOf('Type');
    const index = records.findIndex((r, i) => i > 0 && r[typeAt] === 'Indicator');
    expect(index).toBeGreaterThan(0);
    records[index]![parentAt] = 'KHONG_CO';
    const broken = Buffer.from(
      `${records.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`,
      'utf8',
    );
    const before = content(await editionNow());

    const result = await importFile('khung-sai.csv', broken);
    // The header is row 1 of the file, so the record at `index` is row index + 1.
    const row = index + 1;
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('Không nhập được tệp khung-sai.csv');
    expect(shown).toContain(`dòng ${row}, cột Parent`);
    expect(shown).toContain('KHONG_CO');
    await screenshot(page, 'pii-edition-import-refused');
    expect(content(await editionNow())).toEqual(before);
  });

  it('shows the published results of PII 2023, apart from computed ones', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kết quả công bố' }).click();
    await page.waitForURL(/\/pii\/published/);
    await expect
      .poll(() => page.getByTestId('published-notice').textContent(), { timeout: 30_000 })
      .toContain('không phải kết quả do nền tảng tính toán');
    await page.getByRole('radiogroup', { name: 'Năm' }).getByText('2023', { exact: true }).click();
    const haNoi = page
      .getByTestId('published-table')
      .locator('tbody tr')
      .filter({ hasText: 'Hà Nội' })
      .first();
    await expect.poll(() => haNoi.textContent(), { timeout: 30_000 }).toContain('62,86');
    expect(await haNoi.textContent()).toContain('1/63');
    await screenshot(page, 'pii-published-2023');
    expect(pageErrors).toEqual([]);
  });
});
