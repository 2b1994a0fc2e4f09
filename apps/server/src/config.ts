import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DUE_SOON_DAYS } from '@caunoi/shared';

/** The repository root (apps/server/src|dist → ../../..). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The server package root. */
export const SERVER_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface AppConfig {
  /** HTTP port. */
  port: number;
  host: string;
  /** `postgres://…` selects a PostgreSQL server; otherwise the embedded database under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  production: boolean;
  /**
   * What an empty database is filled with on first start (never in production): everything, the
   * demo accounts and organisations only (a training installation whose records users make
   * themselves), or nothing.
   */
  demoSeed: DemoSeed;
  demoPassword: string;
  /** Trust X-Forwarded-* headers (the app runs behind an HTTPS reverse proxy). */
  trustProxy: boolean;
  /** A clock the browser tests can move (PUT /api/test/clock); never in production. */
  testClock: boolean;
  webDist: string;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number };
  /** Days before a deadline when a task counts as "sắp đến hạn" (TASK_DUE_SOON_DAYS). */
  taskDueSoonDays: number;
  /** Vietnam time of the daily reminder job, HH:MM (JOBS_DAILY_AT). */
  jobsDailyAt: string;
  /** The address users reach the app at, for links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  /** Outgoing mail server (SMTP_URL, SMTP_FROM); null keeps e-mails in the outbox. */
  smtp: { url: string; from: string } | null;
  login: {
    /** Attempts allowed per client address per window. */
    rateLimitMax: number;
    rateLimitWindowMs: number;
    /** Consecutive failures that lock an account, and for how long. */
    lockoutThreshold: number;
    lockoutMinutes: number;
  };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} phải là số nguyên không âm (nhận "${value}").`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export type DemoSeed = 'all' | 'accounts' | 'none';

function demoSeedOf(value: string | undefined): DemoSeed {
  if (value?.toLowerCase() === 'accounts') return 'accounts';
  return bool(value, true) ? 'all' : 'none';
}

function timeOfDay(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value === '') return fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    throw new Error(`${name} phải có dạng HH:MM, ví dụ 07:00 (nhận "${value}").`);
  return value;
}

function testClockAllowed(production: boolean, wanted: boolean): boolean {
  if (wanted && production) {
    throw new Error('CAUNOI_TEST_CLOCK không được bật khi NODE_ENV=production.');
  }
  return wanted;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL phải có dạng postgres://người_dùng:mật_khẩu@máy_chủ:cổng/tên_csdl',
    );
  }
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || path.join(REPO_ROOT, '.data')),
    production,
    demoSeed: production ? 'none' : demoSeedOf(env.CAUNOI_DEMO_SEED),
    demoPassword: env.CAUNOI_DEMO_PASSWORD || 'demo1234',
    trustProxy: bool(env.TRUST_PROXY, false),
    testClock: testClockAllowed(production, bool(env.CAUNOI_TEST_CLOCK, false)),
    webDist: path.resolve(env.WEB_DIST || path.join(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
    taskDueSoonDays: int(env.TASK_DUE_SOON_DAYS, DEFAULT_DUE_SOON_DAYS, 'TASK_DUE_SOON_DAYS'),
    jobsDailyAt: timeOfDay(env.JOBS_DAILY_AT, '07:00', 'JOBS_DAILY_AT'),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(
      /\/+$/,
      '',
    ),
    smtp: env.SMTP_URL?.trim()
      ? { url: env.SMTP_URL.trim(), from: env.SMTP_FROM?.trim() || 'Cầu Nối <no-reply@localhost>' }
      : null,
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 120, 'SESSION_IDLE_MINUTES'),
      absoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    },
    login: {
      rateLimitMax: int(env.LOGIN_RATE_LIMIT_MAX, 20, 'LOGIN_RATE_LIMIT_MAX'),
      rateLimitWindowMs: int(env.LOGIN_RATE_LIMIT_WINDOW_MS, 60_000, 'LOGIN_RATE_LIMIT_WINDOW_MS'),
      lockoutThreshold: int(env.LOGIN_LOCKOUT_THRESHOLD, 5, 'LOGIN_LOCKOUT_THRESHOLD'),
      lockoutMinutes: int(env.LOGIN_LOCKOUT_MINUTES, 15, 'LOGIN_LOCKOUT_MINUTES'),
    },
  };
}
