import { buildApp, type App } from './app.js';
import { createDeps, openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { startScheduler, type Scheduler } from './modules/notifications/scheduler.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const running: { app?: App; closing?: boolean; scheduler?: Scheduler } = {};
  const shutdown = async (signal: string) => {
    if (running.closing) return;
    running.closing = true;
    running.app?.log.info(`${signal}: shutting down`);
    running.scheduler?.stop();
    try {
      await running.app?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const prepared = await prepareDatabase(database, config);
  const deps = await createDeps(config, database);
  const app = await buildApp(deps);
  running.app = app;
  await app.listen({ port: config.port, host: config.host });
  running.scheduler = startScheduler(deps, app.log);
  const where =
    database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  app.log.info(
    {
      migrationsApplied: prepared.migrations.applied,
      referenceUnitsChanged: prepared.reference.unitsChanged,
      demoSeeded: prepared.demo !== null,
      startupMs: Date.now() - started,
    },
    `Cầu Nối ready on http://localhost:${config.port} (${where})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && !('code' in error)) console.error(error.stack);
  process.exit(1);
});
