import {
  addDays,
  makePeriod,
  todayInVietnam,
  type ReportAction,
  type ReportStatus,
} from '@caunoi/shared';
import { UnitRegistry } from '@caunoi/units';
import { writeTransaction, type Ctx, type WriteScope } from '../core/context.js';
import type { Tx } from '../db/database.js';
import { statImports, statReportEvents, statReports } from '../db/schema.js';
import type { Catalogue } from '../modules/statistics/catalogue.js';
import { loadCatalogue } from '../modules/statistics/catalogue.repo.js';
import * as formsRepo from '../modules/statistics/forms.repo.js';
import { reportersOf, scheduleFor } from '../modules/statistics/forms.service.js';
import { writeValues, type ValueWrite } from '../modules/statistics/values.store.js';
import { loadUnits } from '../modules/units/units.repo.js';
import {
  DEMO_ACTOR,
  DEMO_FIRST_YEAR,
  DEMO_FORM_CODE,
  DEMO_LAST_YEAR,
  DRAFT_GROUPS,
  LATE_SHARE,
  REOPEN_COMMENT,
  RETURN_COMMENTS,
  REOPENED_2025,
  RETURNED_SHARE,
  STATUS_2025,
} from './demo-statistics-data.js';
import { generateStatistics, inDraft, uniform } from './demo-statistics-values.js';

export interface StatisticsDemoResult {
  /** Values written: synthetic ones and those the articles state. */
  statisticsValues: number;
  /** Of which reported in the source articles (not synthetic). */
  statisticsRealValues: number;
  /** Reports of the annual form, in every status but "not started". */
  statisticsReports: number;
}

export const NO_STATISTICS: StatisticsDemoResult = {
  statisticsValues: 0,
  statisticsRealValues: 0,
  statisticsReports: 0,
};

type StoredStatus = Exclude<ReportStatus, 'not_started'>;

interface PlannedEvent {
  action: ReportAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  comment: string | null;
  at: Date;
}

export interface PlannedReport {
  unitId: string;
  periodCode: string;
  status: StoredStatus;
  reopened: boolean;
  returnComment: string | null;
  createdAt: Date;
  events: PlannedEvent[];
}

/** A moment of a working day in Vietnam, drawn from the key. */
function workingTime(date: string, ...key: Array<string | number>): Date {
  const minutes = 8 * 60 + Math.floor(uniform(...key, 'time') * 8.5 * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+07:00`);
}

const days = (u: number, from: number, to: number) => from + Math.floor(u * (to - from + 1));

/**
 * A report's steps up to its target status, at plausible dates: most sent before the deadline,
 * a few late, a few returned once by the department's approver. Steps that would fall after
 * today are not taken.
 */
export function planReport(
  unitId: string,
  year: number,
  schedule: { opensOn: string; deadline: string; locksOn: string },
  target: Exclude<ReportStatus, 'not_started'>,
  today: string,
  reopen: boolean,
  /** Tells apart the reports of several forms of the same unit and year ('' for the annual one). */
  form = '',
): PlannedReport {
  const key = form === '' ? [] : [form];
  const u = (...k: Array<string | number>) => uniform('report', ...key, unitId, year, ...k);
  const at = (date: string, step: string) =>
    workingTime(date, 'report', ...key, unitId, year, step);
  const opened = addDays(schedule.opensOn, days(u('opened'), 0, 20));
  const events: PlannedEvent[] = [];
  const step = (
    action: ReportAction,
    fromStatus: ReportStatus,
    toStatus: ReportStatus,
    date: string,
    comment: string | null = null,
  ) =>
    events.push({
      action,
      fromStatus,
      toStatus,
      comment,
      at: at(date, `${action}${events.length}`),
    });

  if (target !== 'draft') {
    // Pending steps of the last year happened lately; finished ones around the deadline.
    const pending = target !== 'accepted';
    const late = u('late') < (LATE_SHARE[year] ?? 0.05);
    let submitted = pending
      ? addDays(
          today,
          -(target === 'approved' ? days(u('submit'), 12, 40) : days(u('submit'), 2, 14)),
        )
      : late
        ? addDays(schedule.deadline, days(u('submit'), 1, 40))
        : addDays(schedule.deadline, -days(u('submit'), 0, 35));
    if (submitted < opened) submitted = addDays(opened, 1);
    step('submit', 'draft', 'submitted', submitted);
    if (target !== 'submitted' && u('returned') < RETURNED_SHARE) {
      const returned = addDays(submitted, days(u('return'), 1, 3));
      const comment = RETURN_COMMENTS[Math.floor(u('comment') * RETURN_COMMENTS.length)]!;
      step('return', 'submitted', 'draft', returned, comment);
      submitted = addDays(returned, days(u('resubmit'), 2, 6));
      step('submit', 'draft', 'submitted', submitted);
    }
    if (target === 'approved' || target === 'accepted') {
      const approved = addDays(submitted, days(u('approve'), 1, 6));
      step('approve', 'submitted', 'approved', approved);
      if (target === 'accepted')
        step('accept', 'approved', 'accepted', addDays(approved, days(u('accept'), 2, 20)));
    }
  } else if (reopen && today > schedule.locksOn) {
    // Past the lock date a draft can only be finished once the Ministry reopens it.
    const reopened = addDays(today, -days(u('reopen'), 5, 15));
    step(
      'reopen',
      'draft',
      'draft',
      reopened > schedule.locksOn ? reopened : addDays(schedule.locksOn, 1),
      REOPEN_COMMENT,
    );
  }

  const now = workingTime(today, 'today');
  const done = events.filter((e) => e.at < now);
  const last = done[done.length - 1];
  return {
    unitId,
    periodCode: String(year),
    status: (last?.toStatus ?? 'draft') as StoredStatus,
    reopened: last?.action === 'reopen',
    returnComment: last?.action === 'return' || last?.action === 'reopen' ? last.comment : null,
    createdAt: workingTime(opened, 'report', ...key, unitId, year, 'opened'),
    events: done,
  };
}

/** The report row of a plan, with the dates its steps set. */
function reportRow(formId: string, plan: PlannedReport): typeof statReports.$inferInsert {
  const lastOf = (action: ReportAction) =>
    plan.events.filter((e) => e.action === action).at(-1)?.at ?? null;
  const firstSubmit = plan.events.find((e) => e.action === 'submit')?.at ?? null;
  const submittedAt = lastOf('submit');
  return {
    formId,
    unitId: plan.unitId,
    periodCode: plan.periodCode,
    status: plan.status,
    reopened: plan.reopened,
    returnComment: plan.returnComment,
    submittedAt: plan.status === 'draft' ? null : submittedAt,
    firstSubmittedOn: firstSubmit ? todayInVietnam(firstSubmit) : null,
    approvedAt: plan.status === 'approved' || plan.status === 'accepted' ? lastOf('approve') : null,
    acceptedAt: plan.status === 'accepted' ? lastOf('accept') : null,
    createdAt: plan.createdAt,
    updatedAt: plan.events.at(-1)?.at ?? plan.createdAt,
  };
}

/**
 * Runs a demo seed of a form in one transaction, with what it reads: the catalogue (loaded before
 * the transaction, whose tables it reads side by side), the unit registry, the form's indicators
 * and provinces. Without the form (retired by the Ministry), nothing is written.
 */
export async function withDemoForm<R>(
  ctx: Ctx,
  code: string,
  none: R,
  seed: (scope: WriteScope & DemoForm) => Promise<R>,
): Promise<R> {
  const catalogue = await loadCatalogue(ctx.database.db);
  return writeTransaction(ctx, async (scope) => {
    const form = await formsRepo.findFormByCode(scope.tx, code);
    if (!form) return none;
    const { units, edges } = await loadUnits(scope.tx);
    return seed({
      ...scope,
      catalogue,
      form,
      registry: new UnitRegistry(units, edges),
      indicatorCodes: await formsRepo.indicatorsOf(scope.tx, form.id),
      assigned: await formsRepo.unitsOf(scope.tx, form.id),
    });
  });
}

export interface DemoForm {
  catalogue: Catalogue;
  form: formsRepo.FormRow;
  registry: UnitRegistry;
  indicatorCodes: string[];
  assigned: string[];
}

/** The import batch a demo's values are written in, with what it holds (actor `demo-seed`). */
export async function insertDemoBatch(
  tx: Tx,
  summary: { formCode: string; periods: string[]; synthetic: number; real: number; note: string },
): Promise<string> {
  const [batch] = await tx
    .insert(statImports)
    .values({
      channel: 'import',
      fileName: null,
      actorUsername: DEMO_ACTOR,
      summary: { kind: 'demo', ...summary },
    })
    .returning({ id: statImports.id });
  return batch!.id;
}

/**
 * Writes the planned reports of a form with their steps (actor `demo-seed`, no notification) and
 * counts them by period and status, for the load's audit entry.
 */
export async function writePlannedReports(tx: Tx, formId: string, plans: PlannedReport[]) {
  const rows = plans.map((p) => reportRow(formId, p));
  const inserted = rows.length
    ? await tx.insert(statReports).values(rows).returning({
        id: statReports.id,
        unitId: statReports.unitId,
        periodCode: statReports.periodCode,
      })
    : [];
  const planOf = new Map(plans.map((p) => [`${p.unitId}|${p.periodCode}`, p]));
  const events = inserted.flatMap((r) =>
    planOf.get(`${r.unitId}|${r.periodCode}`)!.events.map((e) => ({
      reportId: r.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      actorUserId: null,
      actorUsername: DEMO_ACTOR,
      at: e.at,
    })),
  );
  for (let i = 0; i < events.length; i += 1000) {
    await tx.insert(statReportEvents).values(events.slice(i, i + 1000));
  }
  // One entry for the whole load: the values keep their own history, each report its steps.
  const statuses: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const ofPeriod = (statuses[r.periodCode] ??= {});
    ofPeriod[r.status] = (ofPeriod[r.status] ?? 0) + 1;
  }
  return { rows, statuses };
}

/**
 * The statistics demo of the annual form BM-KHCN-NAM, 2019–2025: synthetic values for every
 * reporter and typed cell (flagged synthetic, written through the bulk import channel), the
 * figures the source articles state as reported values, and each report's place in the workflow
 * written directly (no notification for seeded history).
 */
export async function seedDemoStatistics(
  ctx: Ctx,
  today = todayInVietnam(new Date()),
): Promise<StatisticsDemoResult> {
  return withDemoForm(ctx, DEMO_FORM_CODE, NO_STATISTICS, async (demo) => {
    const { tx, audit, catalogue, form, registry, indicatorCodes, assigned } = demo;

    // The years already open on `today`, each with its reporters and calendar.
    const years: Array<{
      year: number;
      reporters: string[];
      schedule: Awaited<ReturnType<typeof scheduleFor>>;
    }> = [];
    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
      const period = makePeriod('year', 'statistical', year)!;
      const schedule = await scheduleFor(tx, form, period);
      if (schedule.opensOn > today) continue;
      years.push({ year, reporters: reportersOf(registry, assigned, period), schedule });
    }

    const plans = new Map<string, PlannedReport>();
    for (const { year, reporters, schedule } of years) {
      for (const unitId of reporters) {
        const target = year === 2025 ? (STATUS_2025[unitId] ?? 'accepted') : 'accepted';
        if (target === 'not_started') continue;
        plans.set(
          `${unitId}|${year}`,
          planReport(unitId, year, schedule, target, today, REOPENED_2025.includes(unitId)),
        );
      }
    }

    const generated = generateStatistics({
      catalogue,
      registry,
      formCode: form.code,
      indicatorCodes,
      reporters: new Map(years.map((y) => [y.year, y.reporters])),
    });
    const synthetic: ValueWrite[] = [];
    const real: ValueWrite[] = [];
    for (const uy of generated) {
      const plan = plans.get(`${uy.unitId}|${uy.year}`);
      if (!plan) continue;
      // A draft holds only what the province has filled in so far.
      const draft = plan.status === 'draft' && plan.events.every((e) => e.action !== 'submit');
      const keep = (key: string) => !draft || inDraft(catalogue, key, DRAFT_GROUPS);
      const periodCode = String(uy.year);
      const keys = new Set([...uy.synthetic.keys(), ...uy.comments.keys()]);
      for (const key of [...keys].filter(keep)) {
        const [indicatorCode, optionCode] = key.split('\u0001') as [string, string];
        synthetic.push({
          indicatorCode,
          optionCode,
          unitId: uy.unitId,
          periodCode,
          num: uy.synthetic.get(key) ?? null,
          txt: null,
          comment: uy.comments.get(key) ?? null,
        });
      }
      for (const [key, r] of uy.real) {
        const [indicatorCode, optionCode] = key.split('\u0001') as [string, string];
        real.push({
          indicatorCode,
          optionCode,
          unitId: uy.unitId,
          periodCode,
          num: r.num,
          txt: null,
          comment: r.comment,
        });
      }
    }

    const batchId = await insertDemoBatch(tx, {
      formCode: form.code,
      periods: years.map((y) => String(y.year)),
      synthetic: synthetic.length,
      real: real.length,
      note: 'Số liệu minh họa (tổng hợp) để trình diễn, trừ các số liệu nêu trong các bài báo nguồn.',
    });
    const options = { channel: 'import' as const, actorUsername: DEMO_ACTOR, batchId };
    await writeValues(tx, synthetic, { ...options, synthetic: true });
    await writeValues(tx, real, { ...options, synthetic: false });
    const { rows, statuses } = await writePlannedReports(tx, form.id, [...plans.values()]);
    await audit({
      entityType: 'stat_import',
      entityId: batchId,
      action: 'create',
      after: {
        formCode: form.code,
        synthetic: synthetic.length,
        real: real.length,
        reports: statuses,
      },
    });
    return {
      statisticsValues: synthetic.length + real.length,
      statisticsRealValues: real.length,
      statisticsReports: rows.length,
    };
  });
}
