import type { z } from 'zod';
import {
  parsePeriod,
  periodContaining,
  periodLabel,
  scheduleOf,
  shiftPeriod,
  type Period,
  type PeriodSchedule,
} from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { conflict, notFound, validationError } from '../../http/errors.js';
import { loadCatalogue } from './catalogue.repo.js';
import * as repo from './forms.repo.js';
import type { createFormBody, periodScheduleBody, updateFormBody } from './forms.schemas.js';

/** What the statistics services need besides the database: the units and today's date. */
export interface StatisticsEnv {
  registry: UnitRegistry;
  /** Today in Vietnam (YYYY-MM-DD), from the application's clock. */
  today: string;
  now: Date;
  publicUrl: string;
}

export const FORM_ENTITY = 'stat_form';

/** The form's period for a code, or a 400 when the code is malformed or of another type. */
export function periodOfForm(form: repo.FormRow, code: string): Period {
  const period = parsePeriod(code);
  if (!period || period.type !== form.periodType || period.form !== form.periodForm) {
    throw validationError(`Kỳ báo cáo "${code}" không đúng loại kỳ của biểu mẫu ${form.code}.`, {
      field: 'periodCode',
    });
  }
  return period;
}

/** The period's dates: the Ministry's override for that period, else the form's calendar. */
export async function scheduleFor(
  q: Queryable,
  form: repo.FormRow,
  period: Period,
): Promise<PeriodSchedule> {
  return scheduleWith(form, period, await repo.periodOverride(q, form.id, period.code));
}

/** The period's dates given the Ministry's override for it, if any. */
export function scheduleWith(
  form: repo.FormRow,
  period: Period,
  override: repo.FormPeriodRow | null | undefined,
): PeriodSchedule {
  return override
    ? { opensOn: override.opensOn, deadline: override.deadline, locksOn: override.locksOn }
    : scheduleOf(period, form);
}

/**
 * The units expected to report a period: the form's assigned units that exist on the period's
 * last day (the 63 former provinces for 2024, today's 34 for 2025).
 */
export function reportersOf(
  registry: UnitRegistry,
  assigned: readonly string[],
  period: Period,
): string[] {
  return assigned.filter((id) => {
    const unit = registry.get(id);
    return !!unit && registry.isValidOn(unit, period.end);
  });
}

/** The periods of a form from its first period to the last one already open on `today`. */
export function openedPeriods(form: repo.FormRow, today: string): Period[] {
  const first = parsePeriod(form.firstPeriod);
  if (!first) return [];
  const out: Period[] = [];
  // The period containing today may already be open (a negative opening offset).
  const current = periodContaining(form.periodType, form.periodForm, today);
  let p: Period | null = first;
  while (p && p.start <= current.start) {
    if (scheduleOf(p, form).opensOn <= today) out.push(p);
    p = shiftPeriod(p, 1);
  }
  return out.reverse();
}

export async function getForm(ctx: Ctx, id: string) {
  const q = ctx.database.db;
  const form = await repo.findForm(q, id);
  if (!form) throw notFound('Không tìm thấy biểu mẫu.');
  const [indicators, units, overrides] = await Promise.all([
    repo.indicatorsOf(q, id),
    repo.unitsOf(q, id),
    repo.periodOverrides(q, id),
  ]);
  return { form, indicators, units, overrides };
}

export function periodView(form: repo.FormRow, period: Period, schedule: PeriodSchedule) {
  return {
    code: period.code,
    labelVi: periodLabel(period, 'vi'),
    labelEn: periodLabel(period, 'en'),
    start: period.start,
    end: period.end,
    ...schedule,
  };
}

type CreateInput = z.output<typeof createFormBody>;
type UpdateInput = z.output<typeof updateFormBody>;

async function checkContents(
  q: Queryable,
  registry: UnitRegistry,
  input: { indicators?: string[]; units?: string[] },
) {
  if (input.indicators) {
    const catalogue = await loadCatalogue(q);
    const unknown = input.indicators.filter((c) => !catalogue.indicator(c));
    if (unknown.length > 0) {
      throw validationError(`Chỉ tiêu không có trong danh mục: ${unknown.join(', ')}.`, {
        field: 'indicators',
        unknown,
      });
    }
    if (new Set(input.indicators).size !== input.indicators.length) {
      throw validationError('Một chỉ tiêu chỉ được có một lần trong biểu mẫu.', {
        field: 'indicators',
      });
    }
  }
  if (input.units) {
    const unknown = input.units.filter((id) => !registry.get(id));
    if (unknown.length > 0) {
      throw validationError(`Đơn vị hành chính không tồn tại: ${unknown.join(', ')}.`, {
        field: 'units',
        unknown,
      });
    }
  }
}

/** Opening, deadline and lock must come in this order (as offsets or as dates). */
function checkCalendar(opens: number | string, deadline: number | string, locks: number | string) {
  if (opens > deadline || deadline > locks) {
    throw validationError(
      'Ngày mở nhập không được sau hạn nộp, hạn nộp không được sau ngày khóa số liệu.',
      { field: 'deadline' },
    );
  }
}

export async function createForm(ctx: Ctx, env: StatisticsEnv, input: CreateInput) {
  const { indicators, units, ...fields } = input;
  checkCalendar(fields.opensAfterDays, fields.deadlineAfterDays, fields.locksAfterDays);
  const first = parsePeriod(fields.firstPeriod);
  if (!first || first.type !== fields.periodType || first.form !== fields.periodForm) {
    throw validationError('Kỳ đầu tiên không đúng loại kỳ của biểu mẫu.', { field: 'firstPeriod' });
  }
  await checkContents(ctx.database.db, env.registry, { indicators, units });
  return writeTransaction(ctx, async ({ tx, audit }) => {
    if (await repo.findFormByCode(tx, fields.code)) {
      throw conflict(`Đã có biểu mẫu mã ${fields.code}.`, { field: 'code' });
    }
    const form = await repo.insertForm(tx, fields);
    await repo.replaceIndicators(tx, form.id, indicators);
    await repo.replaceUnits(tx, form.id, units);
    await audit({
      entityType: FORM_ENTITY,
      entityId: form.id,
      action: 'create',
      after: { ...form, indicators, units },
    });
    return form.id;
  });
}

export async function updateForm(ctx: Ctx, env: StatisticsEnv, id: string, input: UpdateInput) {
  const { indicators, units, ...fields } = input;
  await checkContents(ctx.database.db, env.registry, { indicators, units });
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await repo.findForm(tx, id, true);
    if (!before) throw notFound('Không tìm thấy biểu mẫu.');
    const next = { ...before, ...fields };
    checkCalendar(next.opensAfterDays, next.deadlineAfterDays, next.locksAfterDays);
    if (
      fields.code &&
      fields.code !== before.code &&
      (await repo.findFormByCode(tx, fields.code))
    ) {
      throw conflict(`Đã có biểu mẫu mã ${fields.code}.`, { field: 'code' });
    }
    const beforeIndicators = await repo.indicatorsOf(tx, id);
    const beforeUnits = await repo.unitsOf(tx, id);
    const form = Object.keys(fields).length > 0 ? await repo.updateForm(tx, id, fields) : before;
    if (indicators) await repo.replaceIndicators(tx, id, indicators);
    if (units) await repo.replaceUnits(tx, id, units);
    await audit({
      entityType: FORM_ENTITY,
      entityId: id,
      action: 'update',
      before: { ...before, indicators: beforeIndicators, units: beforeUnits },
      after: { ...form, indicators: indicators ?? beforeIndicators, units: units ?? beforeUnits },
    });
  });
}

/** Sets one period's dates (an extended deadline for everyone, a later lock). */
export async function setPeriodSchedule(
  ctx: Ctx,
  id: string,
  periodCode: string,
  input: z.output<typeof periodScheduleBody>,
) {
  checkCalendar(input.opensOn, input.deadline, input.locksOn);
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const form = await repo.findForm(tx, id, true);
    if (!form) throw notFound('Không tìm thấy biểu mẫu.');
    const period = periodOfForm(form, periodCode);
    const before = await scheduleFor(tx, form, period);
    await repo.upsertPeriodOverride(tx, { formId: id, periodCode: period.code, ...input });
    await audit({
      entityType: FORM_ENTITY,
      entityId: id,
      action: 'period_schedule',
      before: { periodCode: period.code, ...before },
      after: { periodCode: period.code, ...input },
    });
  });
}
