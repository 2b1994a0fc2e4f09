import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config.js';
import { SYSTEM_ACTOR, type Ctx } from '../core/context.js';
import type { Database } from '../db/database.js';
import { MIGRATIONS_DIR } from '../db/migrate.js';
import type { Actor } from '../policy/policy.js';
import { CliError } from './io.js';

/** How to run a command the way the server would: its configuration and its database. */
export interface CliRuntime {
  loadConfig: () => AppConfig;
  openDatabase: (config: AppConfig) => Promise<Database>;
}

/** Where the data lives, for messages. */
export function describeDatabase(database: Database, config: AppConfig): string {
  return database.kind === 'postgres'
    ? 'máy chủ PostgreSQL (DATABASE_URL)'
    : `cơ sở dữ liệu nhúng tại ${config.dataDir}`;
}

function migrationsShipped(): number {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

async function migrationsApplied(database: Database): Promise<number> {
  const exists = await database.pool.query<{ ok: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok",
  );
  if (!exists.rows[0]?.ok) return 0;
  const count = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
  );
  return count.rows[0]?.n ?? 0;
}

/** Refuses to work on a database that `db migrate` (or a server start) has not brought up to date. */
export async function assertMigrated(database: Database): Promise<void> {
  const total = migrationsShipped();
  const applied = await migrationsApplied(database);
  if (applied < total) {
    throw new CliError(
      `Cơ sở dữ liệu chưa được khởi tạo hoặc chưa cập nhật (đã áp dụng ${applied}/${total} bản chuyển đổi cấu trúc). ` +
        'Hãy chạy trước: npm run caunoi -- db migrate',
    );
  }
}

/** Opens the configured database, runs `fn` and closes the database, whatever happens. */
export async function withDatabase<T>(
  runtime: CliRuntime,
  fn: (database: Database, config: AppConfig) => Promise<T>,
  options: { requireMigrated?: boolean; config?: AppConfig } = {},
): Promise<T> {
  const config = options.config ?? runtime.loadConfig();
  const database = await runtime.openDatabase(config);
  try {
    if (options.requireMigrated ?? true) await assertMigrated(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** The actor of writes made from the command line: `cli:<account>` on the `cli` channel. */
export function cliActor(osUser: string): Actor {
  return {
    userId: SYSTEM_ACTOR.userId,
    username: `cli:${osUser}`,
    displayName: 'Dòng lệnh',
    channel: 'cli',
    assignments: [],
  };
}

export function cliCtx(database: Database, osUser: string): Ctx {
  return { database, actor: cliActor(osUser), requestId: null, ip: null };
}
