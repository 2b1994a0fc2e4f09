import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer, buildWeb, ROOT } from '../../scripts/lib.mjs';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';
/** Browser tests run when Chromium is installed, and always in CI (where its absence fails them). */
export const browserTestsEnabled = existsSync(CHROMIUM) || ci;
if (!browserTestsEnabled) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH).`,
  );
}

export const RESULTS_DIR = path.join(ROOT, 'test-results');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningApp {
  url: string;
  /** Sets the server's clock (only when started with `testClock`). */
  setClock(iso: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Lets the test move the server's clock through `PUT /api/test/clock`. */
  testClock?: boolean;
  /** `accounts`: the demo accounts and organisations only, without the demo records. */
  demo?: 'all' | 'accounts';
}

/** Builds what is out of date and starts the real server (as `npm start` does) on a fresh data folder. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  buildServer();
  buildWeb();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'caunoi-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'apps/server/dist/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        CAUNOI_DEMO_PASSWORD: 'demo1234',
        LOG_LEVEL: 'warn',
        CAUNOI_TEST_CLOCK: options.testClock ? 'true' : '',
        CAUNOI_DEMO_SEED: options.demo === 'accounts' ? 'accounts' : 'true',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async setClock(iso: string) {
      const res = await fetch(`${url}/api/test/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: iso }),
      });
      if (!res.ok) throw new Error(`setting the clock failed: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = 'demo1234',
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
