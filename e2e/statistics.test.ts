import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  browserTestsEnabled,
  launchBrowser,
  RESULTS_DIR,
  startApp,
  type RunningApp,
} from './support/app.js';
import { reportSession, type ReportSession } from './support/report.js';

/**
 * A year's statistics report of Hải Phòng, as its users make it: the department's officer types
 * the figures in the grid with the keyboard, meets a validation rule, corrects it, explains a
 * warning and submits; the department's approver returns it with a comment, then approves the
 * corrected report; the Ministry accepts it and sees it on the reporting status of the period.
 * The server's clock is inside the 2025 window of the annual form (opens 16/12/2025, due
 * 14/02/2026). The demo data may already hold Hải Phòng's draft (tasks, budget, capacity, as of
 * the day it was loaded): the officer works on the other groups, which a draft leaves blank.
 */
const FORM = 'BM-KHCN-NAM';
const RETURN_COMMENT = 'Đề nghị kiểm tra lại số đơn đăng ký sở hữu công nghiệp';
const EXPLANATION = 'Số liệu GRDP tạm tính của Cục Thống kê; TFP theo báo cáo của Sở Kế hoạch';

describe.runIf(browserTestsEnabled)('a statistics report from entry to acceptance', () => {
  let app: RunningApp;
  let browser: Browser;
  let s: ReportSession;
  let page: Page;

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

  /** What the user sees at 1366×768 (the screen of a department's office computer). */
  const shot = async (name: string) => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
  };
  /** The side navigation (breadcrumbs are navigation landmarks too). */
  const nav = () => page.getByRole('navigation', { name: /Điều hướng chính|Main navigation/ });
  const cell = (code: string): Locator => s.cell(code);
  const dialog = () => s.dialog();
  const status = () => s.status();
  /** Types into a cell as a user does: select it, type, press Enter. */
  const typeInto = async (code: string, text: string) => {
    await cell(code).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  it('opens the annual form for Hải Phòng 2025 from the statistics menu', async () => {
    page = await s.as('hp.chuyenvien');
    await nav().getByRole('link', { name: 'Nhập số liệu' }).click();
    const form = page.getByRole('combobox', { name: 'Biểu mẫu' });
    await form.click();
    await form.fill('nam');
    await page.locator('.ant-select-item-option:visible').filter({ hasText: FORM }).first().click();
    await expect
      .poll(() => page.getByTestId('report-header').textContent(), { timeout: 30_000 })
      .toContain('Hải Phòng · Năm 2025');
    const header = (await page.getByTestId('report-header').textContent()) ?? '';
    // Not started, or the draft of the demo data.
    expect(header).toMatch(/Chưa nhập|Đang nhập/);
    expect(header).toContain('Hạn nộp: 14/02/2026');
    expect(header).toContain('Khóa số liệu: 31/03/2026');
    expect(await page.getByRole('grid').count()).toBe(1);
    s.reportUrl = page.url();
    expect(s.reportUrl).toContain('periodCode=2025');
  });

  it('takes figures from the keyboard in Vietnamese notation and marks a broken rule before saving', async () => {
    await typeInto('ADMIN_PROCEDURES', '80');
    // Enter moved down one cell: the procedures offered fully online.
    await page.keyboard.type('95');
    await page.keyboard.press('Enter');
    expect(await cell('ADMIN_PROCEDURES').inputValue()).toBe('80');
    expect(await cell('ADMIN_PROCEDURES_ONLINE').inputValue()).toBe('95');
    // The ratio is computed from its components, next to the cell where it could be typed.
    expect(await page.getByTestId('computed-ADMIN_ONLINE_SHARE').textContent()).toContain('118,75');

    // 95 procedures online out of 80: the rule marks the cells at once.
    await expect
      .poll(() => cell('ADMIN_PROCEDURES_ONLINE').getAttribute('data-mark'))
      .toBe('error');
    expect(await cell('ADMIN_PROCEDURES_ONLINE').getAttribute('aria-invalid')).toBe('true');
    const problems = page.getByTestId('problems');
    expect(await problems.textContent()).toContain(
      'Số thủ tục hành chính trực tuyến toàn trình không được lớn hơn tổng số thủ tục hành chính lĩnh vực KH&CN',
    );
    await shot('statistics-entry-rule-error');

    // The problem's link takes the officer to the cell; typing replaces its value.
    await problems.getByRole('button', { name: /Đến ô/ }).first().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toMatch(/^cell-ADMIN_PROCEDURES/);
    await cell('ADMIN_ONLINE_SHARE').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('60');
    await page.keyboard.press('Tab');
    await expect.poll(() => cell('ADMIN_PROCEDURES_ONLINE').getAttribute('data-mark')).toBeNull();
    expect(await page.getByTestId('computed-ADMIN_ONLINE_SHARE').textContent()).toContain('75');

    // Thousands and decimals as Vietnamese write them; a total computed from its options.
    await typeInto('SMQ_METERS_VERIFIED.CONG_TO_DIEN', '1.200');
    await page.keyboard.type('850');
    await page.keyboard.press('Tab');
    expect(await cell('SMQ_METERS_VERIFIED.CONG_TO_DIEN').inputValue()).toBe('1.200');
    const meters = page.getByTestId('stat-total').filter({ hasText: 'SMQ_METERS_VERIFIED' });
    expect(await meters.textContent()).toContain('2.050');
    await typeInto('PROV_GRDP', '365.123,45');
    expect(await cell('PROV_GRDP').inputValue()).toBe('365.123,45');

    // Escape gives up an edit; Delete blanks a cell (blank is not zero).
    await cell('TECH_MODELS_BUILT').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Escape');
    expect(await cell('TECH_MODELS_BUILT').inputValue()).toBe('');
    await typeInto('INNOV_EVENTS', '0');
    expect(await cell('INNOV_EVENTS').inputValue()).toBe('0');
    await cell('INNOV_EVENTS').click();
    await page.keyboard.press('Delete');
    expect(await cell('INNOV_EVENTS').inputValue()).toBe('');

    // TFP said to bring more than all of the growth: a warning, to be explained.
    await typeInto('TFP_INCREASE', '12,5');
    await typeInto('GRDP_INCREASE', '10');
    expect(await page.getByTestId('computed-TFP_SHARE_GRDP_GROWTH').textContent()).toContain('125');
    await expect
      .poll(() => cell('TFP_SHARE_GRDP_GROWTH').getAttribute('data-mark'))
      .toBe('warning');

    // Yes/no in Vietnamese; this indicator needs an evidence file.
    await typeInto('RAD_RESPONSE_PLAN', 'có');
    expect(await cell('RAD_RESPONSE_PLAN').inputValue()).toBe('Có');

    // A column copied from a spreadsheet fills the cells downwards.
    await cell('IP_APPLICATIONS.SANG_CHE').click();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, '12\r\n30\r\n5\r\n1.210\r\n1\r\n');
    expect(await cell('IP_APPLICATIONS.NHAN_HIEU').inputValue()).toBe('1.210');
    expect(await cell('IP_APPLICATIONS.CHI_DAN_DIA_LY').inputValue()).toBe('1');
    const applications = page.getByTestId('stat-total').filter({ hasText: 'IP_APPLICATIONS' });
    expect(await applications.textContent()).toContain('1.258');
    // A decimal in a count of inspections is marked at once.
    await typeInto('INSPECTIONS', '2,5');
    await expect.poll(() => cell('INSPECTIONS').getAttribute('data-mark')).toBe('invalid');
    expect(await page.locator('[data-pending="true"]').count()).toBe(14);
    await shot('statistics-entry-pending');
  });

  it('saves the batch with Ctrl+S, all or nothing, and keeps the warning until it is explained', async () => {
    const before = await status();
    // The server refuses the whole batch and names the cell; nothing is lost.
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 20_000 })
      .toContain('phải là số nguyên');
    expect(await page.locator('[data-pending="true"]').count()).toBe(14);
    expect(await status()).toBe(before);
    expect(await cell('INSPECTIONS').getAttribute('data-mark')).toBe('invalid');
    // The browser logs the refused request itself.
    const refused = s.consoleErrors.findIndex((e) => e.includes('status of 400'));
    expect(refused).toBeGreaterThanOrEqual(0);
    s.consoleErrors.splice(refused, 1);
    await cell('INSPECTIONS').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 20_000 })
      .toContain('Đã lưu 13 ô số liệu');
    await expect.poll(() => page.locator('[data-pending="true"]').count()).toBe(0);
    expect(await status()).toBe('Đang nhập');
    const problems = page.getByTestId('problems');
    expect(await problems.textContent()).toContain('Ghi chú giải thích');
    expect(await problems.textContent()).toContain('cần tệp minh chứng');
    expect(await cell('RAD_RESPONSE_PLAN').getAttribute('data-mark')).toBe('evidence');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('statistics-entry-saved');

    // Shift+F2 opens the cell's comment, which goes into the next save.
    await cell('TFP_SHARE_GRDP_GROWTH').click();
    await page.keyboard.press('Shift+F2');
    await dialog().getByLabel('Ghi chú, giải trình của ô').fill(EXPLANATION);
    await dialog().getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByTestId('save-values').click();
    await expect
      .poll(() => problems.textContent(), { timeout: 20_000 })
      .not.toContain('Ghi chú giải thích');
    expect(await cell('TFP_SHARE_GRDP_GROWTH').getAttribute('data-mark')).toBe('warning');
  });

  it('takes an evidence file on a saved value, which clears the last problem', async () => {
    await cell('RAD_RESPONSE_PLAN').click();
    await page.getByRole('button', { name: /Minh chứng$/ }).click();
    await dialog()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'ke-hoach-ung-pho-su-co-buc-xa.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%minh chứng\n'),
      });
    await expect
      .poll(() => dialog().textContent(), { timeout: 20_000 })
      .toContain('ke-hoach-ung-pho-su-co-buc-xa.pdf');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('problems').count(), { timeout: 20_000 }).toBe(0);
    expect(await cell('RAD_RESPONSE_PLAN').getAttribute('data-mark')).toBeNull();
  });

  it('submits the report, which locks its figures', async () => {
    await s.step('Gửi phê duyệt');
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã gửi lãnh đạo Sở');
    expect(await cell('TASK_IMPLEMENTED.TINH').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('lock-message').textContent()).toContain('số liệu bị khóa');
    expect(await page.getByTestId('report-timeliness').textContent()).toBe('Đúng hạn');
  });

  it('lets the approver return it with a comment, and the officer resubmit', async () => {
    page = await s.as('hp.lanhdao');
    // The notification of the submission opens the report.
    await page.goto(`${app.url}/notifications`);
    await page
      .locator('.ant-list-item')
      .filter({ hasText: 'Báo cáo số liệu chờ duyệt' })
      .first()
      .getByRole('button', { name: 'Mở' })
      .click();
    await page.waitForURL(/\/statistics\/entry\?/, { timeout: 20_000 });
    await expect.poll(status, { timeout: 30_000 }).toBe('Đã gửi lãnh đạo Sở');
    await page.getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
    // A return needs its comment.
    await dialog().getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Ghi ý kiến để tỉnh biết cần sửa gì');
    await dialog().getByLabel('Ý kiến trả lại').fill(RETURN_COMMENT);
    await dialog().getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Đang nhập');

    page = await s.as('hp.chuyenvien');
    await s.openReport();
    expect(await page.getByTestId('return-comment').textContent()).toContain(RETURN_COMMENT);
    await typeInto('IP_APPLICATIONS.NHAN_HIEU', '121');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.locator('[data-pending="true"]').count(), { timeout: 20_000 })
      .toBe(0);
    await s.step('Gửi phê duyệt');
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã gửi lãnh đạo Sở');
  });

  it('lets the approver approve and the Ministry accept from the reporting status page', async () => {
    page = await s.as('hp.lanhdao');
    await s.openReport();
    await s.step('Phê duyệt');
    await expect.poll(status, { timeout: 20_000 }).toBe('Sở đã phê duyệt');

    page = await s.as('bo.dieuphoi');
    await page.goto(s.reportUrl.replace('/statistics/entry', '/statistics/completeness'));
    const row = page.getByTestId('completeness-row').filter({ hasText: 'Hải Phòng' });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Sở đã phê duyệt');
    await row.getByRole('link', { name: 'Mở báo cáo của Hải Phòng' }).click();
    await expect.poll(status, { timeout: 30_000 }).toBe('Sở đã phê duyệt');
    await s.step('Tiếp nhận');
    await expect.poll(status, { timeout: 20_000 }).toBe('Bộ đã tiếp nhận');
    const events = (await page.getByTestId('report-events').textContent()) ?? '';
    expect(events).toContain(RETURN_COMMENT);
    expect(events).toMatch(/Tiếp nhận.*Gửi phê duyệt.*Trả lại kèm ý kiến.*Gửi phê duyệt/s);
    await shot('statistics-entry-accepted');
  });

  it('shows Hải Phòng accepted and on time, and reminds the provinces that have not sent', async () => {
    await nav().getByRole('link', { name: 'Tình hình nộp báo cáo' }).click();
    const row = page.getByTestId('completeness-row').filter({ hasText: 'Hải Phòng' });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Bộ đã tiếp nhận');
    expect(await row.textContent()).toContain('Đúng hạn');
    expect(await row.textContent()).toContain('20/01/2026');
    expect(await page.getByTestId('completeness-row').count()).toBe(34);
    const summary = page.getByTestId('completeness-summary');
    expect(await summary.textContent()).toMatch(/Phải báo cáo\s*34/);
    // Other provinces' reports come from the demo data, when it was loaded after the period opened.
    const accepted = Number(/Bộ đã nhận\s*(\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(accepted).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => page.getByTestId('completeness-chart').getAttribute('aria-label'))
      .toMatch(/Năm 2025: \d+(,\d)?%/);
    await shot('statistics-completeness');

    await page.getByRole('button', { name: /Nhắc nộp báo cáo/ }).click();
    await dialog().getByRole('button', { name: 'Nhắc nộp báo cáo' }).click();
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 20_000 })
      .toMatch(/Đã nhắc \d+ tỉnh, thành phố \(\d+ thông báo\)/);
  });

  it('shows a value’s history from its cell, with the channel it came through', async () => {
    await page.goto(s.reportUrl);
    await page
      .getByRole('button', { name: 'Lịch sử của ô Số đơn đăng ký sở hữu công nghiệp — Nhãn hiệu' })
      .click();
    const history = dialog().getByTestId('cell-history');
    await expect.poll(() => history.textContent(), { timeout: 20_000 }).toContain('1.210 → 121');
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Nhập trên web');
    expect(text).toContain('hp.chuyenvien');
    expect(text).toContain('(để trống) → 1.210');
    await shot('statistics-history');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('shows the forms and the indicator catalogue', async () => {
    await nav().getByRole('link', { name: 'Biểu mẫu' }).click();
    await page
      .getByRole('link', { name: 'Báo cáo thống kê KH,CN&ĐMST năm của địa phương' })
      .click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Các kỳ đã mở');
    expect(await page.locator('main').textContent()).toContain('14/02/2026');
    await shot('statistics-form');

    // The Ministry sets up a quarterly form of the tasks indicators for today's provinces.
    await nav().getByRole('link', { name: 'Biểu mẫu' }).click();
    await page.getByRole('button', { name: 'Tạo biểu mẫu' }).click();
    await dialog().getByLabel('Mã biểu mẫu').fill('bm-nv-quy');
    await dialog().getByLabel('Tên biểu mẫu').fill('Báo cáo nhanh nhiệm vụ KH&CN hằng quý');
    await dialog().getByLabel('Tên tiếng Anh').fill('Quarterly S&T tasks report');
    await dialog().getByLabel('Loại kỳ').click();
    await page.locator('.ant-select-item-option:visible').filter({ hasText: 'Quý' }).click();
    await dialog().getByLabel('Kỳ đầu tiên').fill('2025Q3');
    await dialog().getByLabel('Chỉ tiêu của biểu mẫu').click();
    await page
      .locator('.ant-select-tree-treenode:visible')
      .filter({ hasText: 'Nhiệm vụ khoa học và công nghệ' })
      .locator('.ant-select-tree-checkbox')
      .click();
    await dialog().getByRole('button', { name: 'Thêm 34 tỉnh hiện nay' }).click();
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await page
      .waitForURL(/\/statistics\/forms\/[0-9a-f-]{36}$/, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        // Say what the dialog shows (a refused field, a server error) rather than only a timeout.
        throw new Error(`the form was not created: ${await dialog().textContent()}`, {
          cause: error,
        });
      });
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('Đơn vị báo cáo (34)');
    const detail = (await page.locator('main').textContent()) ?? '';
    expect(detail).toContain('BM-NV-QUY');
    expect(detail).toContain('Chỉ tiêu (5)');
    // The third quarter of 2025 opened 15 days before it ended.
    expect(detail).toContain('Quý III/2025');
    await shot('statistics-form-created');
    await nav().getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await page.waitForURL(/\/statistics\/catalogue/);
    await expect
      .poll(() => page.getByRole('tab', { name: /Quy tắc kiểm tra/ }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await page.locator('main').textContent()).toContain(
      'Số nhiệm vụ KH&CN triển khai thực hiện trong kỳ',
    );
    await shot('statistics-catalogue');
  });

  it('speaks English when asked', async () => {
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/auth/me/preferences') && r.ok()),
      page.getByText('EN', { exact: true }).first().click(),
    ]);
    await expect.poll(() => nav().textContent(), { timeout: 10_000 }).toContain('Data entry');
    await shot('statistics-catalogue-english');
    await page.goto(s.reportUrl);
    await expect
      .poll(() => page.getByRole('grid').getAttribute('aria-label'), { timeout: 30_000 })
      .toContain('Hai Phong');
    expect(await page.getByRole('columnheader', { name: 'Indicator' }).count()).toBe(1);
    expect(await page.getByTestId('report-status').textContent()).toBe('Accepted');
    expect(await nav().textContent()).toContain('Statistics');
  });

  it('logged no errors in the browser console', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
