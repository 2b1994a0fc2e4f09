import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/database.js';

/**
 * Runs `fn` on a database of its own, created on the PostgreSQL server at `url` and dropped
 * afterwards: each benchmark starts from an empty database and leaves nothing behind.
 */
export async function withPostgres(
  url: string,
  suffix: string,
  fn: (database: Database) => Promise<void>,
  poolMax?: number,
): Promise<void> {
  const name = `caunoi_bench_${suffix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolMax });
  try {
    await fn(database);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
