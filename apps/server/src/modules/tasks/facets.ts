import type { CompletionFacet, Recurrence, TimelinessFacet } from '@caunoi/shared';

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

const MONTHS_PER_CYCLE: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

const CYCLE_PATTERN: Record<Recurrence, RegExp> = {
  monthly: /^(\d{4})M(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})Q([1-4])$/,
  half_yearly: /^(\d{4})H([12])$/,
  yearly: /^(\d{4})()$/,
};

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

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function cycleAt(year: number, index: number, recurrence: Recurrence): Cycle {
  const span = MONTHS_PER_CYCLE[recurrence];
  const firstMonth = (index - 1) * span + 1;
  const code =
    recurrence === 'monthly'
      ? `${year}M${pad(index)}`
      : recurrence === 'quarterly'
        ? `${year}Q${index}`
        : recurrence === 'half_yearly'
          ? `${year}H${index}`
          : `${year}`;
  return {
    code,
    startsOn: `${year}-${pad(firstMonth)}-01`,
    endsOn: lastDayOfMonth(year, firstMonth + span - 1),
  };
}

/** The reporting cycle containing `date`. */
export function cycleOf(date: string, recurrence: Recurrence): Cycle {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return cycleAt(year, Math.floor((month - 1) / MONTHS_PER_CYCLE[recurrence]) + 1, recurrence);
}

/** The cycle a code names, or undefined when the code is not one of this recurrence. */
export function parseCycle(code: string, recurrence: Recurrence): Cycle | undefined {
  const match = CYCLE_PATTERN[recurrence].exec(code);
  if (!match) return undefined;
  return cycleAt(Number(match[1]), Number(match[2] || 1), recurrence);
}

/** The cycle after the one ending on `endsOn`. */
function cycleAfter(endsOn: string, recurrence: Recurrence): Cycle {
  const next = new Date(`${endsOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return cycleOf(next.toISOString().slice(0, 10), recurrence);
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
