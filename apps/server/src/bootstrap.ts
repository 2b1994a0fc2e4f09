import type { AppConfig } from './config.js';
import { systemClock, testClock, type Clock } from './core/clock.js';
import { systemCtx } from './core/context.js';
import type { AppDeps } from './core/deps.js';
import { openDatabase, type Database } from './db/database.js';
import { runMigrations, type MigrationResult } from './db/migrate.js';
import { UnitsCache } from './modules/units/units.service.js';
import { countUsers } from './modules/users/users.repo.js';
import { seedDemo, type DemoSeedResult } from './seed/demo.js';
import { syncReferenceData, type ReferenceSyncResult } from './seed/reference.js';

/** Opens the configured database: DATABASE_URL, or the embedded engine under DATA_DIR. */
export function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl })
    : openDatabase({ embedded: { dataDir: config.dataDir } });
}

export interface PrepareResult {
  migrations: MigrationResult;
  reference: ReferenceSyncResult;
  demo: DemoSeedResult | null;
}

/**
 * Brings a database to the current version: migrations, reference data, and, on an empty
 * database outside production, the demo data.
 */
export async function prepareDatabase(
  database: Database,
  config: AppConfig,
  options: { demo?: boolean; coordinationDemo?: boolean } = {},
): Promise<PrepareResult> {
  const migrations = await runMigrations(database);
  const reference = await syncReferenceData(systemCtx(database));
  let demo: DemoSeedResult | null = null;
  const wantDemo = options.demo ?? config.demoSeed !== 'none';
  if (wantDemo && !config.production && (await countUsers(database.db)) === 0) {
    demo = await seedDemo(systemCtx(database, 'demo-seed'), {
      password: config.demoPassword,
      coordination: options.coordinationDemo ?? config.demoSeed === 'all',
    });
  }
  return { migrations, reference, demo };
}

export async function createDeps(
  config: AppConfig,
  database: Database,
  now?: () => Date,
): Promise<AppDeps> {
  const units = new UnitsCache(database);
  await units.reload();
  const clock: Clock = now ? { now } : config.testClock ? testClock() : systemClock;
  return { config, database, units, now: () => clock.now(), clock };
}
