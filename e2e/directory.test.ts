import { gzipSync } from 'node:zlib';
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

describe.runIf(browserTestsEnabled)('in a browser', () => {
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

  const freshPage = async () => {
    await context?.close();
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  };

  it('opens on a Vietnamese sign-in page', async () => {
    await freshPage();
    await page.goto(app.url);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Đăng nhập');
    expect(await page.getByText('Tên đăng nhập').count()).toBeGreaterThan(0);
    await screenshot(page, 'login');
  });

  it('loads the sign-in page with less than 200 KB of compressed JavaScript (production build)', async () => {
    const html = await (await fetch(app.url)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const src of scripts) {
      const body = Buffer.from(await (await fetch(app.url + src)).arrayBuffer());
      total += gzipSync(body, { level: 9 }).length;
    }
    expect(total).toBeLessThan(200 * 1024);
  });

  it('refuses a wrong password with the server message in Vietnamese', async () => {
    await page.locator('input[name="username"]').fill('hp.chuyenvien');
    await page.locator('input[name="password"]').fill('sai-mat-khau');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    consoleErrors.length = 0; // the browser logs the 401 of a refused sign-in
  });

  it('signs in, shows the 34 provinces of today, then the 63 of 31/12/2024', async () => {
    await signIn(page, app.url, 'hp.chuyenvien');
    await page.goto(`${app.url}/units`);
    const count = page.getByTestId('units-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/\b34\b/);
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(34);
    const ninhBinh = page.getByTestId('unit-row').filter({ hasText: 'Ninh Bình' });
    await expect
      .poll(() => ninhBinh.first().textContent())
      .toMatch(/Hà Nam.*Nam Định|Nam Định.*Hà Nam/);

    const date = page.getByTestId('units-date');
    await date.click();
    await date.fill('31/12/2024');
    await date.press('Enter');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/\b63\b/);
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(63);
    const names = await page.getByTestId('unit-row').locator('td:nth-child(2)').allTextContents();
    expect(names.join('|')).toContain('Thừa Thiên Huế');
    // Vietnamese order: Bạc Liêu before Bắc Giang, every D before Đ.
    const flat = names.map((n) => n.trim());
    expect(flat.findIndex((n) => n.startsWith('Bạc Liêu'))).toBeLessThan(
      flat.findIndex((n) => n.startsWith('Bắc Giang')),
    );
    expect(flat.findIndex((n) => n.startsWith('Đ'))).toBeGreaterThan(
      flat.findLastIndex((n) => n.startsWith('D')),
    );
    await screenshot(page, 'units-2024-12-31');
  });

  it('hides administration from a province officer and shows it to an administrator', async () => {
    expect(await page.getByRole('menuitem', { name: /Người dùng/ }).count()).toBe(0);
    await freshPage();
    await signIn(page, app.url, 'admin');
    await expect
      .poll(() => page.getByRole('menuitem', { name: /Người dùng/ }).count())
      .toBeGreaterThan(0);
    await page.goto(`${app.url}/users`);
    await expect
      .poll(() => page.getByTestId('rescope-panel').textContent(), { timeout: 20_000 })
      .toContain('nd.chuyenvien');
    await screenshot(page, 'users');
    await page.goto(`${app.url}/audit`);
    await expect
      .poll(() => page.locator('table').first().textContent(), { timeout: 20_000 })
      .toContain('admin');
    await screenshot(page, 'audit');
  });

  it('keeps the English choice in the user preferences', async () => {
    await freshPage();
    await signIn(page, app.url, 'hue.chuyenvien');
    // The choice is saved to the account as the page switches.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/auth/me/preferences') && r.ok()),
      page.getByText('EN', { exact: true }).first().click(),
    ]);
    await page.goto(`${app.url}/units`);
    await expect
      .poll(() => page.getByTestId('units-count').textContent(), { timeout: 20_000 })
      .toMatch(/34 province-level units/);
    await freshPage();
    await signIn(page, app.url, 'hue.chuyenvien');
    await page.goto(`${app.url}/units`);
    await expect
      .poll(() => page.getByTestId('units-count').textContent(), { timeout: 20_000 })
      .toMatch(/34 province-level units/);
    await screenshot(page, 'units-english');
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
