import type { FastifyBaseLogger } from 'fastify';
import { todayInVietnam } from '@caunoi/shared';
import { systemCtx } from '../../core/context.js';
import type { AppDeps } from '../../core/deps.js';
import { DAILY_REMINDERS, runDailyReminders } from './jobs.js';
import { deliverOutbox, smtpTransport, type MailTransport } from './mailer.js';

/** How often the scheduler looks at the clock and the outbox. */
const TICK_MS = 30_000;
/** After a failed daily run, wait this long before trying again. */
const RETRY_MS = 15 * 60_000;

/** HH:MM in Vietnam time (UTC+7). */
const vietnamTime = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);

export interface Scheduler {
  /** One look at the clock and the outbox (the timer calls it; exposed for start-up and tests). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Started by the server (not by the tests): runs the daily reminders at `JOBS_DAILY_AT` Vietnam
 * time, and at start-up when today's run is missing and that time has passed; when `SMTP_URL` is
 * set, delivers the outbox. Every instance may run one: the job claims its day in the database.
 */
export function startScheduler(
  deps: AppDeps,
  log: FastifyBaseLogger,
  transport: MailTransport | null = deps.config.smtp ? smtpTransport(deps.config.smtp.url) : null,
): Scheduler {
  const ctx = systemCtx(deps.database, 'lich-tu-dong');
  let doneFor: string | null = null;
  let retryAt = 0;
  let current: Promise<void> | null = null;
  const work = async () => {
    try {
      const now = deps.now();
      const today = todayInVietnam(now);
      if (
        doneFor !== today &&
        now.getTime() >= retryAt &&
        vietnamTime(now) >= deps.config.jobsDailyAt
      ) {
        try {
          const run = await runDailyReminders(deps, ctx, false);
          doneFor = today;
          if (run) log.info({ job: DAILY_REMINDERS, result: run.result }, 'daily reminders sent');
        } catch (error) {
          retryAt = now.getTime() + RETRY_MS;
          log.error({ err: error, job: DAILY_REMINDERS }, 'daily reminders failed');
        }
      }
      if (transport && deps.config.smtp) {
        const { sent, failed } = await deliverOutbox(
          deps.database,
          transport,
          deps.config.smtp.from,
          deps.now,
        );
        if (sent + failed > 0) log.info({ sent, failed }, 'outbox delivered');
      }
    } catch (error) {
      log.error({ err: error }, 'scheduler tick failed');
    }
  };
  // One tick at a time: a tick asked for while one runs is that one.
  const tick = () =>
    (current ??= work().finally(() => {
      current = null;
    }));
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  void tick();
  return { tick, stop: () => clearInterval(timer) };
}
