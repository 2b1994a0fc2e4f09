import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/cli/format.js';
import { REPO_ROOT } from '../../src/config.js';
import { startEmbedded } from '../../src/db/embedded.js';

// The command-line tool as a user runs it: a real process on an embedded data folder.

function csvRows(text: string): Record<string, string>[] {
  expect(text.startsWith(BOM)).toBe(true);
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/* ───── the real process ───── */

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'apps/server/src/cli/main.ts', ...args],
      { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the caunoi process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'caunoi-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints its Vietnamese help with exit code 0', async () => {
    const r = await spawnCli(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng (usage): caunoi');
    expect(r.stdout).toContain('Lệnh (commands):');
    const bad = await spawnCli(['khong-co-lenh'], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Lỗi: không có lệnh "khong-co-lenh"');
  }, 60_000);

  it('works on an embedded data folder: refuses before migration, seeds, lists, refuses a bad date', async () => {
    const env = { DATA_DIR: dataDir, NODE_ENV: 'development', CAUNOI_DEMO_PASSWORD: 'demo1234' };
    const early = await spawnCli(['units', 'list'], env);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/chưa được khởi tạo.*db migrate/);

    const seed = await spawnCli(['db', 'seed', '--demo'], env);
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/vừa áp dụng: [1-9]/);
    expect(seed.stdout).toMatch(/Đã nạp dữ liệu mẫu: 9 tài khoản/);
    expect(seed.stdout).toMatch(
      /Số liệu thống kê 2019–2025: \d+ giá trị \(minh họa, trừ 5 số liệu/,
    );
    // Every province's inputs of the index, accepted: 63 former provinces twice, the 34 once.
    expect(seed.stdout).toMatch(
      /Số liệu đầu vào Bộ chỉ số ĐMST cấp địa phương 2023–2025: \d+ giá trị \(minh họa\), 160 báo cáo/,
    );

    const csv = await spawnCli(['units', 'list', '--as-of', '2024-12-31', '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout)).toHaveLength(63);

    const bad = await spawnCli(['units', 'list', '--as-of', '2025-02-30'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe(
      'Ngày không hợp lệ: "2025-02-30". Ghi ngày có thật theo dạng YYYY-MM-DD, ví dụ 2025-07-01.',
    );

    const prod = await spawnCli(['db', 'seed', '--demo'], { ...env, NODE_ENV: 'production' });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toMatch(/NODE_ENV=production/);
  }, 180_000);

  it('refuses a data folder held by another process, with the Vietnamese message', async () => {
    const held = await startEmbedded({ dataDir });
    try {
      const r = await spawnCli(['units', 'list'], { DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `Thư mục dữ liệu ${dataDir} đang được một tiến trình Cầu Nối khác sử dụng`,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await held.close();
    }
    const free = await spawnCli(['units', 'list', '--as-of', '2025-07-01', '--format', 'json'], {
      DATA_DIR: dataDir,
    });
    expect(free.code).toBe(0);
    expect(JSON.parse(free.stdout)).toHaveLength(34);
  }, 120_000);
});
