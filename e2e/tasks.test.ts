import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { todayInVietnam } from '@caunoi/shared';
import {
  browserTestsEnabled,
  launchBrowser,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from './support/app.js';

/**
 * The follow-up of a conclusion notice, as its users do it: the Ministry records the notice and
 * assigns two tasks, Hải Phòng's department reports progress and asks for more time, the
 * Ministry agrees, and once the new deadline has passed the task shows as overdue. The server's
 * clock is moved forward by the test.
 */
const ENGAGEMENT = 'Làm việc với thành phố Hải Phòng về triển khai chương trình phối hợp';
const NOTICE = '215/TB-BKHCN';
const TASK_HP = 'Xây dựng đề án phát triển mạng lưới đổi mới sáng tạo thành phố';
const TASK_BO = 'Hướng dẫn thành phố xây dựng nhiệm vụ KH&CN cấp quốc gia về cảng biển';

/** ISO date `days` after `iso`. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** DD/MM/YYYY, as a Vietnamese user types a date. */
const vn = (iso: string) => iso.split('-').reverse().join('/');

const today = todayInVietnam(new Date());
const firstDeadline = addDays(today, 20);
const newDeadline = addDays(today, 40);

describe.runIf(browserTestsEnabled)('following up a conclusion notice in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let taskUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ testClock: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const as = async (username: string) => {
    await context?.close();
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await signIn(page, app.url, username);
  };

  const dialog = () => page.getByRole('dialog').last();

  const typeDate = async (field: Locator, iso: string) => {
    await field.click();
    await field.fill(vn(iso));
    await field.press('Tab');
  };

  /** Opens an Ant Design select, types into its search box and picks the matching option. */
  const choose = async (field: Locator, search: string, option: RegExp) => {
    await field.click();
    await field.fill(search);
    const item = page.locator('.ant-select-item-option:visible').filter({ hasText: option });
    await item.first().click();
  };

  it('lets the Ministry record a conclusion notice and assign two tasks from it', async () => {
    await as('bo.dieuphoi');
    await page.goto(`${app.url}/engagements`);
    await page.getByRole('link', { name: ENGAGEMENT }).click();
    await page.getByRole('button', { name: 'Thêm thông báo kết luận' }).click();
    await dialog().getByLabel('Số thông báo').fill(NOTICE);
    await typeDate(dialog().getByLabel('Ngày ban hành'), today);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    const notice = page.getByRole('region', {
      name: `Thông báo kết luận số ${NOTICE} ngày ${vn(today)}`,
    });
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    // Opening a notice to edit it, then a new one, shows a blank form, not the notice's values.
    await notice.getByRole('button', { name: 'Sửa', exact: true }).click();
    await expect.poll(() => dialog().getByLabel('Số thông báo').inputValue()).toBe(NOTICE);
    await dialog().getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('button', { name: 'Thêm thông báo kết luận' }).click();
    await expect.poll(() => dialog().getByLabel('Số thông báo').inputValue()).toBe('');
    await dialog().getByRole('button', { name: 'Hủy' }).click();

    await notice.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const rows = dialog().locator('.ant-card');
    await rows.nth(0).getByLabel('Nội dung nhiệm vụ').fill(TASK_HP);
    await choose(rows.nth(0).getByLabel('Đơn vị chủ trì'), 'hai phong', /Sở Khoa học và Công nghệ/);
    await typeDate(rows.nth(0).getByLabel('Hạn hoàn thành'), firstDeadline);
    await dialog().getByRole('button', { name: 'Thêm một nhiệm vụ' }).click();
    await rows.nth(1).getByLabel('Nội dung nhiệm vụ').fill(TASK_BO);
    await choose(rows.nth(1).getByLabel('Đơn vị chủ trì'), 'phat trien khoa hoc', /Vụ Phát triển/);
    await typeDate(rows.nth(1).getByLabel('Hạn hoàn thành'), firstDeadline);
    await dialog().getByRole('button', { name: 'Giao nhiệm vụ' }).click();

    const panel = notice.locator('table');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(TASK_BO);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(TASK_HP);
    expect(text).toContain(vn(firstDeadline));
    expect(text).toContain('Chưa hoàn thành');
    expect(text).toContain('Trong hạn');
    await screenshot(page, 'tasks-notice-with-two-tasks');
    taskUrl = new URL(
      (await panel.getByRole('link', { name: TASK_HP }).getAttribute('href')) ?? '',
      app.url,
    ).href;
  });

  it('lets Hải Phòng’s department report progress on the task it leads', async () => {
    await as('hp.chuyenvien');
    await page.goto(taskUrl);
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await dialog()
      .getByLabel('Kết quả thực hiện')
      .fill('Đã lập tổ soạn thảo, hoàn thành đề cương.');
    await dialog().getByLabel('Tỷ lệ hoàn thành').fill('30');
    await dialog()
      .getByRole('button', { name: /Gửi|Lưu/ })
      .click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Đã lập tổ soạn thảo, hoàn thành đề cương.');
    expect(await page.locator('main').textContent()).toContain('30%');
    await screenshot(page, 'tasks-progress-reported');
  });

  it('keeps both deadlines visible once the Ministry grants an extension', async () => {
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await typeDate(dialog().getByLabel('Hạn đề nghị'), newDeadline);
    await dialog().getByLabel('Lý do').fill('Chờ ý kiến góp ý của các sở, ngành.');
    await dialog()
      .getByRole('button', { name: /Gửi|Lưu/ })
      .click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain(`Đề nghị gia hạn từ ${vn(firstDeadline)} đến ${vn(newDeadline)}`);

    await as('bo.dieuphoi');
    await page.goto(taskUrl);
    await page.getByRole('button', { name: 'Quyết định gia hạn' }).click();
    await dialog().getByText('Đồng ý gia hạn').click();
    await dialog()
      .getByRole('button', { name: /Gửi|Lưu|Đồng ý/ })
      .last()
      .click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain(`gia hạn từ ${vn(firstDeadline)}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(vn(newDeadline));
    await screenshot(page, 'tasks-extension-granted');
  });

  it('shows the task as overdue once the server’s clock passes the new deadline', async () => {
    await page.goto(`${app.url}/tasks?timeliness=overdue&q=${encodeURIComponent('mang luoi')}`);
    await expect
      .poll(() => page.locator('main table').textContent(), { timeout: 20_000 })
      .not.toContain(TASK_HP);

    await app.setClock(`${addDays(newDeadline, 3)}T09:00:00+07:00`);
    // Weeks later the session has expired: the officer signs in again.
    await as('bo.dieuphoi');
    await page.goto(`${app.url}/tasks?timeliness=overdue&q=${encodeURIComponent('mang luoi')}`);
    const row = page.locator('main table tr').filter({ hasText: TASK_HP });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.textContent()).toMatch(/Quá hạn\s*·\s*3 ngày/);
    await screenshot(page, 'tasks-overdue');
    await page.goto(taskUrl);
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toMatch(/Quá hạn/);
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
