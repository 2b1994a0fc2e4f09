import {
  addDays,
  parsePeriod,
  periodContaining,
  type CompletionFacet,
  type Period,
  type PeriodType,
  type Recurrence,
  type TimelinessFacet,
} from '@caunoi/shared';

/**
 * The status of a task as Vietnamese government reports count it, computed — never stored — from
 * its schedule, its reports and today's date (Vietnam time):
 *
 * - completion: `open` (chưa hoàn thành) or `done` (đã hoàn thành);
 * - timeliness: `within_deadline` (trong hạn) or `overdue` (quá hạn) while open, `on_time` (đúng hạn)
 *   or `late` (quá hạn) once done; done on or before the due date in force is on time;
 * - dueSoon (sắp đến hạn): open, not overdue, due within `dueSoonDays` days (today included).
 *
 * A one-off task has one obligation, due on its deadline in force and closed by its completion.
 * A periodic task ("thường xuyên") has one obligation per reporting cycle, from the cycle of the
 * assignment date to the cycle of the recurrence end, of the completion date, or of today, whichever
 * comes first (cycles not begun are not yet owed). Each is due on the cycle's last day and closed by
 * the first report naming the cycle, or else by the task's completion. The task is done when it was
 * completed, or when its recurrence has ended and every cycle is closed; it is overdue while any
 * cycle is, and done late when any cycle was closed late.
 */

export interface TaskSchedule {
  assignedOn: string;
  /** The deadline in force (one-off tasks). */
  deadline: string | null;
  recurrence: Recurrence | null;
  recurrenceEndsOn: string | null;
  completedOn: string | null;
}

export interface ReportFact {
  cycle: string | null;
  reportedOn: string;
}

export interface Facets {
  completion: CompletionFacet;
  timeliness: TimelinessFacet;
  dueSoon: boolean;
  /** Days past the due date: while overdue, until today; once done late, until the closing day. */
  daysLate: number;
}

export interface Obligation extends Facets {
  /** The reporting cycle (periodic tasks), e.g. 2025Q3; null for a one-off task. */
  cycle: string | null;
  startsOn: string;
  dueOn: string;
  /** The day the obligation was met (first report of the cycle, or the task's completion). */
  closedOn: string | null;
}

export interface TaskEvaluation extends Facets {
  /** The date the task answers to now: its deadline, or the next open cycle's last day. */
  dueOn: string | null;
  /** The day the task was done (for a periodic task done by reporting every cycle, the last report). */
  doneOn: string | null;
  obligations: Obligation[];
}

export interface Cycle {
  code: string;
  startsOn: string;
  endsOn: string;
}

/** Each recurrence reports per calendar period of this type (see `periods.ts`). */
const PERIOD_OF: Record<Recurrence, PeriodType> = {
  monthly: 'month',
  quarterly: 'quarter',
  half_yearly: 'half',
  yearly: 'year',
};

const asCycle = (p: Period): Cycle => ({ code: p.code, startsOn: p.start, endsOn: p.end });

/** How a cycle code is written, for messages: 2025M07, 2025Q3, 2025H1, 2025. */
export const CYCLE_EXAMPLES: Record<Recurrence, string> = {
  monthly: '2025M07',
  quarterly: '2025Q3',
  half_yearly: '2025H1',
  yearly: '2025',
};

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The reporting cycle containing `date`. */
export function cycleOf(date: string, recurrence: Recurrence): Cycle {
  return asCycle(periodContaining(PERIOD_OF[recurrence], 'statistical', date));
}

/** The cycle a code names, or undefined when the code is not one of this recurrence. */
export function parseCycle(code: string, recurrence: Recurrence): Cycle | undefined {
  const p = parsePeriod(code);
  // Written exactly as the cycle's code, of this recurrence's calendar periods.
  return p && p.code === code && p.form === 'statistical' && p.type === PERIOD_OF[recurrence]
    ? asCycle(p)
    : undefined;
}

/** The cycle after the one ending on `endsOn`. */
function cycleAfter(endsOn: string, recurrence: Recurrence): Cycle {
  return cycleOf(addDays(endsOn, 1), recurrence);
}

const earliest = (...dates: (string | null)[]) =>
  dates.filter((d): d is string => d !== null).reduce((a, b) => (a < b ? a : b));

/** The facets of one obligation due on `dueOn`, closed on `closedOn` (null: not yet). */
export function judge(
  dueOn: string,
  closedOn: string | null,
  today: string,
  dueSoonDays: number,
): Facets {
  if (closedOn !== null) {
    const late = closedOn > dueOn;
    return {
      completion: 'done',
      timeliness: late ? 'late' : 'on_time',
      dueSoon: false,
      daysLate: late ? daysBetween(dueOn, closedOn) : 0,
    };
  }
  const overdue = today > dueOn;
  return {
    completion: 'open',
    timeliness: overdue ? 'overdue' : 'within_deadline',
    dueSoon: !overdue && daysBetween(today, dueOn) <= dueSoonDays,
    daysLate: overdue ? daysBetween(dueOn, today) : 0,
  };
}

/** The periodic task's obligations: one per cycle owed so far. */
function cycleObligations(
  task: TaskSchedule,
  recurrence: Recurrence,
  reports: readonly ReportFact[],
  today: string,
  dueSoonDays: number,
): Obligation[] {
  const lastDay = earliest(task.recurrenceEndsOn, task.completedOn ?? today, today);
  if (task.assignedOn > lastDay) return [];
  const firstReport = new Map<string, string>();
  for (const r of reports) {
    if (r.cycle === null) continue;
    const prior = firstReport.get(r.cycle);
    if (prior === undefined || r.reportedOn < prior) firstReport.set(r.cycle, r.reportedOn);
  }
  const last = cycleOf(lastDay, recurrence).code;
  const obligations: Obligation[] = [];
  for (let c = cycleOf(task.assignedOn, recurrence); ; c = cycleAfter(c.endsOn, recurrence)) {
    const closedOn = firstReport.get(c.code) ?? task.completedOn;
    obligations.push({
      cycle: c.code,
      startsOn: c.startsOn,
      dueOn: c.endsOn,
      closedOn,
      ...judge(c.endsOn, closedOn, today, dueSoonDays),
    });
    if (c.code === last) return obligations;
  }
}

const mostDaysLate = (list: readonly Obligation[]) =>
  list.reduce((m, o) => Math.max(m, o.daysLate), 0);

/** The task's facets and its obligations with theirs. */
export function evaluateTask(
  task: TaskSchedule,
  reports: readonly ReportFact[],
  today: string,
  dueSoonDays: number,
): TaskEvaluation {
  if (task.recurrence === null) {
    if (task.deadline === null) {
      // Neither a deadline nor cycles: nothing can be late.
      const done = task.completedOn !== null;
      return {
        completion: done ? 'done' : 'open',
        timeliness: done ? 'on_time' : 'within_deadline',
        dueSoon: false,
        daysLate: 0,
        dueOn: null,
        doneOn: task.completedOn,
        obligations: [],
      };
    }
    const facets = judge(task.deadline, task.completedOn, today, dueSoonDays);
    return {
      ...facets,
      dueOn: task.deadline,
      doneOn: task.completedOn,
      obligations: [
        {
          cycle: null,
          startsOn: task.assignedOn,
          dueOn: task.deadline,
          closedOn: task.completedOn,
          ...facets,
        },
      ],
    };
  }

  const recurrence = task.recurrence;
  const obligations = cycleObligations(task, recurrence, reports, today, dueSoonDays);
  const open = obligations.filter((o) => o.completion === 'open');
  const ended = task.recurrenceEndsOn !== null && task.recurrenceEndsOn <= today;
  if (task.completedOn !== null || (ended && obligations.length > 0 && open.length === 0)) {
    const late = obligations.filter((o) => o.timeliness === 'late');
    return {
      completion: 'done',
      timeliness: late.length > 0 ? 'late' : 'on_time',
      dueSoon: false,
      daysLate: mostDaysLate(late),
      dueOn: null,
      doneOn:
        task.completedOn ??
        obligations.reduce((m, o) => (o.closedOn! > m ? o.closedOn! : m), task.assignedOn),
      obligations,
    };
  }
  const overdue = open.filter((o) => o.timeliness === 'overdue');
  let dueOn = open[0]?.dueOn ?? null;
  const lastOwed = obligations.at(-1);
  if (!lastOwed) {
    // Assigned in the future: the first cycle is due at its end.
    dueOn = cycleOf(task.assignedOn, recurrence).endsOn;
  } else if (dueOn === null) {
    // Every cycle owed so far is reported: the next one is due at its end, if the task runs on.
    const next = cycleAfter(lastOwed.dueOn, recurrence);
    if (task.recurrenceEndsOn === null || next.startsOn <= task.recurrenceEndsOn) {
      dueOn = next.endsOn;
    }
  }
  return {
    completion: 'open',
    timeliness: overdue.length > 0 ? 'overdue' : 'within_deadline',
    dueSoon: overdue.length === 0 && open.some((o) => o.dueSoon),
    daysLate: mostDaysLate(overdue),
    dueOn,
    doneOn: null,
    obligations,
  };
}
