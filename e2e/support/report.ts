import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { signIn } from './app.js';

/**
 * A statistics report walked through by several users in turn: each `as` signs a user in, in a
 * browser context of their own, at the screen size of a department's office computer.
 */
export interface ReportSession {
  /** The page of the user signed in last. */
  readonly page: Page;
  /** Errors the browser logged, for every user. */
  readonly consoleErrors: string[];
  /** The address of the report, once a test has opened it. */
  reportUrl: string;
  as(username: string): Promise<Page>;
  /** The grid's input of a cell (`CODE` or `CODE.OPTION`). */
  cell(code: string): Locator;
  /** The dialog opened last. */
  dialog(): Locator;
  status(): Promise<string | null>;
  /** Opens `reportUrl` and waits for the grid. */
  openReport(): Promise<void>;
  /** A workflow step: its button, then the same button in its confirmation. */
  step(button: string): Promise<void>;
  close(): Promise<void>;
}

/** `expect.poll`-like waiting, without depending on the test runner. */
async function until(check: () => Promise<boolean>, timeout: number, what: string) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function reportSession(browser: Browser, baseUrl: string): ReportSession {
  let context: BrowserContext | undefined;
  let current: Page | undefined;
  const consoleErrors: string[] = [];
  const page = () => {
    if (!current) throw new Error('no user is signed in');
    return current;
  };
  const session: ReportSession = {
    get page() {
      return page();
    },
    consoleErrors,
    reportUrl: '',
    async as(username) {
      await context?.close();
      context = await browser.newContext({
        locale: 'vi-VN',
        viewport: { width: 1366, height: 768 },
        acceptDownloads: true,
      });
      const p = await context.newPage();
      p.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      p.on('pageerror', (e) => consoleErrors.push(e.message));
      await signIn(p, baseUrl, username);
      current = p;
      return p;
    },
    cell: (code) => page().getByTestId(`cell-${code}`),
    dialog: () => page().getByRole('dialog').last(),
    status: () => page().getByTestId('report-status').textContent(),
    async openReport() {
      await page().goto(session.reportUrl);
      await until(
        async () => (await page().getByTestId('stat-row').count()) > 50,
        30_000,
        'the report grid',
      );
    },
    async step(button) {
      await page().getByRole('button', { name: button }).first().click();
      await session.dialog().getByRole('button', { name: button }).click();
      await until(
        async () => (await page().locator('.ant-modal-confirm').count()) === 0,
        10_000,
        `the confirmation of "${button}" to close`,
      );
    },
    async close() {
      await context?.close();
    },
  };
  return session;
}
