import { hostname } from 'node:os';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { AppDeps } from '../../core/deps.js';
import { sendDailyReminders } from '../tasks/tasks.reminders.js';
import { taskEnv } from '../tasks/tasks.service.js';
import * as repo from './notifications.repo.js';

export const DAILY_REMINDERS = 'daily-reminders';

/** Who ran a job, as recorded in `job_runs` (several instances may share one database). */
export const INSTANCE = `${hostname()}#${process.pid}`;

/**
 * Runs the daily reminders once per day (Vietnam date) across every instance sharing the
 * database. The run is claimed by inserting (job, date) into `job_runs` with ON CONFLICT DO NOTHING
 * in the same transaction as the work: a second instance waits on the first one's row, then finds
 * it taken and does nothing (null); if the work fails, the claim rolls back with it and the day
 * stays free for the next attempt, while the failure is recorded under a key of its own.
 *
 * A manual run (an administrator's "run now") takes the day's key when it is free, or else a key
 * of its own: it runs again, and the reminders' dedupe keys keep it from repeating any.
 */
export async function runDailyReminders(
  deps: AppDeps,
  ctx: Ctx,
  manual: boolean,
): Promise<repo.JobRunRow | null> {
  const env = taskEnv(deps);
  const row = (runKey: string) => ({
    job: DAILY_REMINDERS,
    runKey,
    instance: INSTANCE,
    startedAt: env.now,
  });
  try {
    return await writeTransaction(ctx, async ({ tx, audit }) => {
      const claimed =
        (await repo.claimJobRun(tx, row(env.today))) ??
        (manual
          ? await repo.claimJobRun(tx, row(`${env.today}+manual@${env.now.toISOString()}`))
          : undefined);
      if (!claimed) return null;
      const result = await sendDailyReminders(tx, env);
      const finished = await repo.finishJobRun(tx, DAILY_REMINDERS, claimed.runKey, {
        finishedAt: deps.now(),
        result,
      });
      await audit({
        entityType: 'job_run',
        entityId: `${DAILY_REMINDERS}:${claimed.runKey}`,
        action: 'run',
        after: finished,
      });
      return finished;
    });
  } catch (error) {
    await repo.claimJobRun(deps.database.db, {
      ...row(`${env.today}+failed@${env.now.toISOString()}`),
      finishedAt: deps.now(),
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
