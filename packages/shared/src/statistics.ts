/**
 * Reporting statistics: a form (biểu mẫu) groups indicators for a period type; a report is one
 * form filled by one province for one period and moves through the approval workflow.
 */

import { addDays } from './dates.js';
import type { Period } from './periods.js';

/**
 * A report's place in the workflow. `not_started` is never stored: it is the state of a report no
 * one has opened yet. Approved and accepted reports are locked.
 */
export const REPORT_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'approved',
  'accepted',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa nhập', en: 'Not started' },
  draft: { vi: 'Đang nhập', en: 'Drafting' },
  submitted: { vi: 'Đã gửi lãnh đạo Sở', en: 'Submitted' },
  approved: { vi: 'Sở đã phê duyệt', en: 'Approved' },
  accepted: { vi: 'Bộ đã tiếp nhận', en: 'Accepted' },
};

/** Workflow steps; `return` sends a report back to drafting with a comment, `reopen` unlocks it. */
export const REPORT_ACTIONS = ['submit', 'approve', 'accept', 'return', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_ACTION_LABELS: Record<ReportAction | 'remind', { vi: string; en: string }> = {
  submit: { vi: 'Gửi phê duyệt', en: 'Submit' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  accept: { vi: 'Tiếp nhận', en: 'Accept' },
  return: { vi: 'Trả lại kèm ý kiến', en: 'Return with comments' },
  reopen: { vi: 'Mở lại để sửa', en: 'Reopen' },
  remind: { vi: 'Nhắc nộp báo cáo', en: 'Reminder' },
};

/** Statuses from which each step may be taken. */
export const REPORT_TRANSITIONS: Record<ReportAction, readonly ReportStatus[]> = {
  submit: ['not_started', 'draft'],
  approve: ['submitted'],
  accept: ['approved'],
  return: ['submitted', 'approved'],
  reopen: ['approved', 'accepted', 'draft', 'not_started'],
};

/** Statuses in which values can no longer change (until the report is reopened or returned). */
export const LOCKED_REPORT_STATUSES: readonly ReportStatus[] = [
  'submitted',
  'approved',
  'accepted',
];

/** How a value reached the database, as shown in its history. */
export const VALUE_CHANNELS = ['grid', 'excel', 'api', 'import'] as const;
export type ValueChannel = (typeof VALUE_CHANNELS)[number];

export const VALUE_CHANNEL_LABELS: Record<ValueChannel, { vi: string; en: string }> = {
  grid: { vi: 'Nhập trên web', en: 'Web grid' },
  excel: { vi: 'Tải lên Excel', en: 'Excel upload' },
  api: { vi: 'API', en: 'API' },
  import: { vi: 'Nhập dữ liệu hàng loạt', en: 'Bulk import' },
};

/** When a form's period opens, is due and locks, in days after the period's last day. */
export interface FormCalendar {
  opensAfterDays: number;
  deadlineAfterDays: number;
  locksAfterDays: number;
}

export interface PeriodSchedule {
  opensOn: string;
  deadline: string;
  locksOn: string;
}

/** The dates of one period of a form: offsets from the day after the period ends. */
export function scheduleOf(period: Period, calendar: FormCalendar): PeriodSchedule {
  return {
    opensOn: addDays(period.end, calendar.opensAfterDays),
    deadline: addDays(period.end, calendar.deadlineAfterDays),
    locksOn: addDays(period.end, calendar.locksAfterDays),
  };
}

/** Where a report stands against its deadline on a given day. */
export type ReportTimeliness = 'on_time' | 'late' | 'pending' | 'overdue';

export const REPORT_TIMELINESS_LABELS: Record<ReportTimeliness, { vi: string; en: string }> = {
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Nộp muộn', en: 'Late' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  overdue: { vi: 'Quá hạn chưa nộp', en: 'Overdue' },
};

/**
 * On time when submitted on or before the deadline (the day of submission, Vietnamese time);
 * a report not yet submitted is `pending` until the deadline has passed, then `overdue`.
 */
export function timelinessOf(
  deadline: string,
  submittedOn: string | null,
  today: string,
): ReportTimeliness {
  if (submittedOn) return submittedOn <= deadline ? 'on_time' : 'late';
  return today <= deadline ? 'pending' : 'overdue';
}

/** Largest batch of values one save or one upload may carry. */
export const MAX_VALUES_PER_SAVE = 20_000;

/** A reporter of a form's period, as the reporting status lists it. */
export interface CompletenessUnit {
  unitId: string;
  code: string;
  nameVi: string;
  nameEn: string;
  regionVi: string;
  status: ReportStatus;
  timeliness: ReportTimeliness;
  firstSubmittedOn: string | null;
  reportId: string | null;
}

/** The counts of the reporting status of a form's period. */
export interface CompletenessSummary {
  expected: number;
  notStarted: number;
  draft: number;
  submitted: number;
  approved: number;
  accepted: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  /** Reported (submitted or further) ÷ expected × 100; null when no province is expected. */
  reportingRate: number | null;
  /** Reported on time ÷ expected × 100. */
  timelyRate: number | null;
}

/** A cell of a report's view, as the view holds it per indicator. */
interface ViewCell<Value> {
  optionCode: string;
  value: Value | null;
}

/** The part of a report's view that a save's state updates. */
interface ViewWithCells<Value> {
  indicators: ReadonlyArray<{ code: string; derived: number | null; cells: ViewCell<Value>[] }>;
}

/**
 * What a save answers (`PUT /statistics/reports/values`): the report's status fields, rules,
 * blockers and outliers as they now are, the cells it wrote and every derived figure.
 */
export interface SavedState<Value> {
  cells: ReadonlyArray<{ indicatorCode: string; optionCode: string; value: Value }>;
  derived: ReadonlyArray<{ indicatorCode: string; value: number | null }>;
}

/**
 * The report's view after a save: the view read before it with the save's state laid over. Equal
 * to the view read again after the save (the API tests check it), without sending the form, its
 * definitions and its other cells again.
 */
export function withSavedState<Value, V extends ViewWithCells<Value>>(
  view: V,
  state: SavedState<Value> & Omit<Partial<V>, 'indicators'>,
): V {
  const { cells, derived, ...rest } = state;
  const written = new Map(cells.map((c) => [`${c.indicatorCode}\u0001${c.optionCode}`, c.value]));
  const derivedOf = new Map(derived.map((d) => [d.indicatorCode, d.value]));
  return {
    ...view,
    ...rest,
    indicators: view.indicators.map((indicator) => ({
      ...indicator,
      derived:
        derivedOf.get(indicator.code) ?? (derivedOf.has(indicator.code) ? null : indicator.derived),
      cells: indicator.cells.map((cell) => {
        const value = written.get(`${indicator.code}\u0001${cell.optionCode}`);
        return value === undefined ? cell : { ...cell, value };
      }),
    })),
  };
}
