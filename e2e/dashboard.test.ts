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

describe.runIf(browserTestsEnabled)('the dashboard in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const freshPage = async (viewport = { width: 1440, height: 900 }) => {
    await context?.close();
    context = await browser.newContext({ locale: 'vi-VN', viewport });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  };

  /** The number a facet card shows. */
  const facet = async (key: string) =>
    Number((await page.getByTestId(`facet-${key}`).textContent())?.match(/\d+/)?.[0]);

  it('opens the Ministry coordinator on the national dashboard, with the map and the overdue tasks', async () => {
    await freshPage();
    await signIn(page, app.url, 'bo.dieuphoi');
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/dashboard$/);
    await expect
      .poll(() => page.locator('h3').first().textContent(), { timeout: 20_000 })
      .toBe('Tổng quan');
    await page.getByTestId('facet-overdue').waitFor({ timeout: 20_000 });
    expect(await facet('overdue')).toBeGreaterThan(0);
    // The overdue table lists them, the most days late first.
    const late = await page
      .locator('tr', { has: page.locator('a[href^="/tasks/"]') })
      .locator('td:last-child')
      .allTextContents();
    const days = late.map((s) => Number(s.match(/\d+/)?.[0]));
    expect(days.length).toBeGreaterThan(0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // The map of the 34 provinces is drawn (ECharts draws on a canvas), with the archipelagos.
    const map = page.getByTestId('dashboard-map');
    await expect
      .poll(() => map.locator('canvas, svg').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await map.getByRole('img').getAttribute('aria-label')).toBeTruthy();
    await screenshot(page, 'dashboard-ministry');
  });

  it('opens the tasks list filtered by the facet of a card, with the same count', async () => {
    const overdue = await facet('overdue');
    await page.getByTestId('facet-overdue').click();
    await page.waitForURL(/\/tasks\?timeliness=overdue/);
    await expect
      .poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 })
      .toBe(overdue);
  });

  it("shows a province officer its own province, with Hải Phòng's programme of 29/07/2022", async () => {
    await freshPage();
    await signIn(page, app.url, 'hp.chuyenvien');
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/dashboard$/);
    await expect
      .poll(() => page.locator('h3').first().textContent(), { timeout: 20_000 })
      .toBe('Tổng quan: Hải Phòng');
    const programme = page
      .locator('li', { hasText: 'ký 29/07/2022' })
      .locator('a[href^="/programmes/"]');
    await expect.poll(() => programme.count(), { timeout: 20_000 }).toBe(1);
    expect(await programme.textContent()).toMatch(/Hải Phòng giai đoạn 2022–2025/);
    // A province sees no national map and no province picker.
    expect(await page.getByTestId('dashboard-map').count()).toBe(0);
    expect(await page.getByLabel('Xem tổng quan của một tỉnh, thành phố').count()).toBe(0);
    await screenshot(page, 'dashboard-province');
  });

  it('fits a phone screen', async () => {
    await freshPage({ width: 390, height: 844 });
    await signIn(page, app.url, 'bo.dieuphoi');
    await page.goto(`${app.url}/dashboard`);
    await page.getByTestId('facet-total').waitFor({ timeout: 20_000 });
    await page.getByTestId('dashboard-map').locator('canvas').first().waitFor({ timeout: 20_000 });
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await screenshot(page, 'dashboard-phone');
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
