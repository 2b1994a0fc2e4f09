import { and, eq, inArray } from 'drizzle-orm';
import {
  shiftPeriod,
  timelinessOf,
  type Period,
  type PeriodSchedule,
  type ReportStatus,
  type CompletenessSummary,
  type CompletenessUnit,
} from '@caunoi/shared';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { statReports } from '../../db/schema.js';
import { notFound, validationError } from '../../http/errors.js';
import { scopeOf } from '../../policy/policy.js';
import { notify } from '../notifications/notifications.service.js';
import { withSuccessors } from '../programmes/lineage.js';
import * as formsRepo from './forms.repo.js';
import {
  periodOfForm,
  periodView,
  reportersOf,
  scheduleFor,
  type StatisticsEnv,
} from './forms.service.js';
import { provinceRecipients } from './reports.service.js';

/** Periods one trend may span. */
export const MAX_TREND_PERIODS = 60;

/** Statuses that count as reported: the province has sent its figures. */
const REPORTED: ReadonlySet<ReportStatus> = new Set(['submitted', 'approved', 'accepted']);

async function loadForm(q: Queryable, formId: string) {
  const form = await formsRepo.findForm(q, formId);
  if (!form) throw notFound('Không tìm thấy biểu mẫu.');
  return form;
}

/** The reporters of a period the caller may see (a province: its own unit and its former ones). */
function visibleReporters(ctx: Ctx, env: StatisticsEnv, assigned: string[], period: Period) {
  const reporters = reportersOf(env.registry, assigned, period);
  const scope = scopeOf(ctx.actor, 'statistics.read');
  if (scope.everywhere) return reporters;
  const mine = new Set(scope.unitIds);
  return reporters.filter((id) => withSuccessors(env.registry, [id]).some((u) => mine.has(u)));
}

async function reportsOf(q: Queryable, formId: string, periodCodes: string[], unitIds: string[]) {
  if (periodCodes.length === 0 || unitIds.length === 0) return [];
  return q
    .select()
    .from(statReports)
    .where(
      and(
        eq(statReports.formId, formId),
        inArray(statReports.periodCode, periodCodes),
        inArray(statReports.unitId, unitIds),
      ),
    );
}

function rowsFor(
  env: StatisticsEnv,
  period: Period,
  schedule: PeriodSchedule,
  reporters: string[],
  reports: Array<typeof statReports.$inferSelect>,
): CompletenessUnit[] {
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  return reporters.map((unitId) => {
    const report = byUnit.get(unitId);
    const unit = env.registry.snapshot(env.registry.require(unitId), period.end);
    return {
      unitId,
      code: unit.code,
      nameVi: unit.nameVi,
      nameEn: unit.nameEn,
      regionVi: unit.regionVi,
      status: report?.status ?? 'not_started',
      timeliness: timelinessOf(schedule.deadline, report?.firstSubmittedOn ?? null, env.today),
      firstSubmittedOn: report?.firstSubmittedOn ?? null,
      reportId: report?.id ?? null,
    };
  });
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

export function summarise(rows: readonly CompletenessUnit[]): CompletenessSummary {
  const count = (f: (r: CompletenessUnit) => boolean) => rows.filter(f).length;
  const reported = count((r) => REPORTED.has(r.status));
  const timely = count((r) => REPORTED.has(r.status) && r.timeliness === 'on_time');
  return {
    expected: rows.length,
    notStarted: count((r) => r.status === 'not_started'),
    draft: count((r) => r.status === 'draft'),
    submitted: count((r) => r.status === 'submitted'),
    approved: count((r) => r.status === 'approved'),
    accepted: count((r) => r.status === 'accepted'),
    onTime: count((r) => r.timeliness === 'on_time'),
    late: count((r) => r.timeliness === 'late'),
    pending: count((r) => r.timeliness === 'pending'),
    overdue: count((r) => r.timeliness === 'overdue'),
    reportingRate: percent(reported, rows.length),
    timelyRate: percent(timely, rows.length),
  };
}

/** Who has not started, is drafting, submitted, approved, accepted; on time or late. */
export async function completeness(
  ctx: Ctx,
  env: StatisticsEnv,
  formId: string,
  periodCode: string,
) {
  const q = ctx.database.db;
  const form = await loadForm(q, formId);
  const period = periodOfForm(form, periodCode);
  const schedule = await scheduleFor(q, form, period);
  const reporters = visibleReporters(ctx, env, await formsRepo.unitsOf(q, form.id), period);
  const rows = rowsFor(
    env,
    period,
    schedule,
    reporters,
    await reportsOf(q, form.id, [period.code], reporters),
  );
  return {
    form: { id: form.id, code: form.code, nameVi: form.nameVi, nameEn: form.nameEn },
    period: periodView(form, period, schedule),
    summary: summarise(rows),
    units: rows,
  };
}

/** The reporting rate of each period between two periods of the form. */
export async function completenessTrend(
  ctx: Ctx,
  env: StatisticsEnv,
  formId: string,
  fromCode: string,
  toCode: string,
) {
  const q = ctx.database.db;
  const form = await loadForm(q, formId);
  const from = periodOfForm(form, fromCode);
  const to = periodOfForm(form, toCode);
  if (to.start < from.start) {
    throw validationError('Kỳ cuối phải sau kỳ đầu.', { field: 'to' });
  }
  const periods: Period[] = [];
  for (let p: Period | null = from; p && p.start <= to.start;) {
    periods.push(p);
    if (periods.length > MAX_TREND_PERIODS) {
      throw validationError(`Tối đa ${MAX_TREND_PERIODS} kỳ mỗi lần xem.`, { field: 'to' });
    }
    p = shiftPeriod(p, 1);
  }
  const assigned = await formsRepo.unitsOf(q, form.id);
  const reportersByPeriod = periods.map((p) => visibleReporters(ctx, env, assigned, p));
  const reports = await reportsOf(
    q,
    form.id,
    periods.map((p) => p.code),
    [...new Set(reportersByPeriod.flat())],
  );
  const items = [];
  for (const [i, period] of periods.entries()) {
    const schedule = await scheduleFor(q, form, period);
    const rows = rowsFor(
      env,
      period,
      schedule,
      reportersByPeriod[i]!,
      reports.filter((r) => r.periodCode === period.code),
    );
    const s = summarise(rows);
    const view = periodView(form, period, schedule);
    items.push({
      periodCode: period.code,
      labelVi: view.labelVi,
      labelEn: view.labelEn,
      expected: s.expected,
      reported: s.submitted + s.approved + s.accepted,
      onTime: s.onTime,
      reportingRate: s.reportingRate,
      timelyRate: s.timelyRate,
    });
  }
  return { items };
}

/**
 * Reminds the provinces that have not sent their report (all of them, or the ones chosen): one
 * notification to each officer and approver, at most once a day per province and period.
 */
export async function remind(
  ctx: Ctx,
  env: StatisticsEnv,
  input: { formId: string; periodCode: string; unitIds?: string[] | undefined },
) {
  const view = await completeness(ctx, env, input.formId, input.periodCode);
  const chosen = input.unitIds ? new Set(input.unitIds) : null;
  if (chosen) {
    const unknown = [...chosen].filter((id) => !view.units.some((u) => u.unitId === id));
    if (unknown.length > 0) {
      throw validationError(`Không phải đơn vị báo cáo của kỳ này: ${unknown.join(', ')}.`, {
        field: 'unitIds',
        unknown,
      });
    }
  }
  const laggards = view.units.filter(
    (u) => !REPORTED.has(u.status) && (!chosen || chosen.has(u.unitId)),
  );
  return writeTransaction(ctx, async ({ tx, audit }) => {
    let notifications = 0;
    for (const u of laggards) {
      notifications += await notify(
        tx,
        { now: env.now, publicUrl: env.publicUrl },
        await provinceRecipients(tx, env, u.unitId, ['province_officer', 'province_approver']),
        {
          kind: 'report_reminder',
          entityType: 'stat_form',
          entityId: view.form.id,
          title: `Nhắc nộp báo cáo: ${view.form.nameVi} — ${view.period.labelVi}`,
          body: `${u.nameVi} chưa gửi báo cáo. Hạn nộp: ${view.period.deadline.split('-').reverse().join('/')}.`,
          dedupeKey: `stat_remind:${view.form.id}:${view.period.code}:${u.unitId}:${env.today}`,
        },
        ctx.actor.userId,
      );
    }
    await audit({
      entityType: 'stat_form',
      entityId: view.form.id,
      action: 'remind',
      after: {
        periodCode: view.period.code,
        unitIds: laggards.map((u) => u.unitId),
        notifications,
      },
    });
    return { units: laggards.length, notifications };
  });
}
