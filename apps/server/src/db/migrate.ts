import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.js';
import { SERVER_ROOT } from '../config.js';

export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations');
/** Arbitrary constant key of the advisory lock that serialises migrations across app instances. */
const MIGRATION_LOCK_KEY = 7_274_901_238;

export interface MigrationResult {
  /** True when the database had no migration applied before (a brand-new database). */
  fresh: boolean;
  applied: number;
  total: number;
}

/**
 * Applies pending SQL migrations under an advisory lock, so that two instances starting on one
 * PostgreSQL server never migrate at once.
 */
export async function runMigrations(database: Database): Promise<MigrationResult> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const before = await countApplied(client);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
      const after = await countApplied(client);
      return { fresh: before === 0, applied: after - before, total: after };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function countApplied(client: {
  query: (q: string) => Promise<{ rows: Array<{ n: number }> }>;
}) {
  const exists = await client.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations'",
  );
  if (exists.rows[0]?.n === 0) return 0;
  const r = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return r.rows[0]?.n ?? 0;
}
