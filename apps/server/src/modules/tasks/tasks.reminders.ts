import { isNull } from 'drizzle-orm';
import { todayInVietnam } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { tasks } from '../../db/schema.js';
import { recipients } from '../notifications/notifications.repo.js';
import { notify } from '../notifications/notifications.service.js';
import * as messages from './tasks.messages.js';
import * as repo from './tasks.repo.js';
import { evaluatedTasks, leadSideOf, type TaskEnv } from './tasks.service.js';

export interface ReminderCounts {
  /** Tasks (or cycles) coming due within the window. */
  dueSoon: number;
  overdue: number;
  /** Extension requests the assigning side has not decided since an earlier day. */
  extensionsWaiting: number;
  /** Notifications created (a reminder already sent is never sent again). */
  notifications: number;
}

/**
 * The daily reminders: for each open task, its nearest obligation coming due and its latest
 * overdue one (to the lead unit; overdue ones to the Ministry's coordinators too), and the
 * extension requests still waiting for a decision (to the coordinators). Every reminder carries
 * a dedupe key per obligation or request, so repeated runs add nothing.
 */
export async function sendDailyReminders(tx: Queryable, env: TaskEnv): Promise<ReminderCounts> {
  const counts: ReminderCounts = { dueSoon: 0, overdue: 0, extensionsWaiting: 0, notifications: 0 };
  const coordinators = await recipients(tx, ['ministry_coordinator']);
  const leadSide = leadSideOf(tx);

  for (const { view, evaluation } of await evaluatedTasks(tx, env, isNull(tasks.completedOn))) {
    if (evaluation.completion === 'done') continue;
    const soon = evaluation.obligations.find((o) => o.dueSoon);
    if (soon) {
      counts.dueSoon += 1;
      counts.notifications += await notify(
        tx,
        env,
        await leadSide(view),
        messages.dueSoonReminder(view, soon.dueOn, soon.cycle),
      );
    }
    const overdue = evaluation.obligations.findLast((o) => o.timeliness === 'overdue');
    if (overdue) {
      counts.overdue += 1;
      counts.notifications += await notify(
        tx,
        env,
        [...(await leadSide(view)), ...coordinators],
        messages.overdueReminder(view, overdue.dueOn, overdue.cycle),
      );
    }
  }

  for (const { extension, title } of await repo.allPendingExtensions(tx)) {
    if (todayInVietnam(extension.requestedAt) >= env.today) continue;
    counts.extensionsWaiting += 1;
    counts.notifications += await notify(
      tx,
      env,
      coordinators,
      messages.extensionWaiting({ id: extension.taskId, title }, extension),
    );
  }
  return counts;
}
