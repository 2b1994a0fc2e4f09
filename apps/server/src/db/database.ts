import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { startEmbedded, type EmbeddedServer, type EmbeddedSource } from './embedded.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: repos accept both. */
export type Queryable = Db | Tx;

export interface Database {
  kind: 'embedded' | 'postgres';
  pool: pg.Pool;
  db: Db;
  /** The embedded server, when kind = embedded. */
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

export type DatabaseSource = { url: string; poolMax?: number } | { embedded: EmbeddedSource };

/**
 * Opens the database: a PostgreSQL server from a URL, or the embedded engine. Both are reached
 * through the same `pg` pool and Drizzle driver.
 */
export async function openDatabase(source: DatabaseSource): Promise<Database> {
  if ('url' in source) {
    const pool = new pg.Pool({
      connectionString: source.url,
      max: source.poolMax ?? 10,
      connectionTimeoutMillis: 30_000,
      idleTimeoutMillis: 30_000,
      application_name: 'caunoi',
    });
    pool.on('error', () => undefined);
    await checkConnection(pool);
    return {
      kind: 'postgres',
      pool,
      db: drizzle(pool, { schema }),
      close: () => pool.end(),
    };
  }
  const embedded = await startEmbedded(source.embedded);
  // The embedded engine runs one query at a time: one pooled connection, so a transaction holds
  // it and other requests wait their turn instead of interleaving on the wire.
  const pool = new pg.Pool({
    ...embedded.connection,
    max: 1,
    connectionTimeoutMillis: 60_000,
    idleTimeoutMillis: 0,
  });
  pool.on('error', () => undefined);
  try {
    await checkConnection(pool);
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return {
    kind: 'embedded',
    pool,
    db: drizzle(pool, { schema }),
    embedded,
    async close() {
      await pool.end();
      await embedded.close();
    },
  };
}

async function checkConnection(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    client.release();
  }
}
