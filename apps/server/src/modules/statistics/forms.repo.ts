import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { statFormIndicators, statFormPeriods, statForms, statFormUnits } from '../../db/schema.js';

export type FormRow = typeof statForms.$inferSelect;
export type FormPeriodRow = typeof statFormPeriods.$inferSelect;

export interface FormListRow extends FormRow {
  indicatorCount: number;
  unitCount: number;
}

export async function listForms(q: Queryable): Promise<FormListRow[]> {
  const rows = await q
    .select({
      form: statForms,
      indicatorCount: sql<number>`(SELECT count(*)::int FROM ${statFormIndicators} fi WHERE fi.form_id = ${statForms.id})`,
      unitCount: sql<number>`(SELECT count(*)::int FROM ${statFormUnits} fu WHERE fu.form_id = ${statForms.id})`,
    })
    .from(statForms)
    .orderBy(asc(statForms.code));
  return rows.map((r) => ({ ...r.form, indicatorCount: r.indicatorCount, unitCount: r.unitCount }));
}

export async function findForm(
  q: Queryable,
  id: string,
  lock = false,
): Promise<FormRow | undefined> {
  const query = q.select().from(statForms).where(eq(statForms.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findFormByCode(q: Queryable, code: string): Promise<FormRow | undefined> {
  const [row] = await q.select().from(statForms).where(eq(statForms.code, code));
  return row;
}

/** The form's indicator codes, in the form's order. */
export async function indicatorsOf(q: Queryable, formId: string): Promise<string[]> {
  const rows = await q
    .select({ code: statFormIndicators.indicatorCode })
    .from(statFormIndicators)
    .where(eq(statFormIndicators.formId, formId))
    .orderBy(asc(statFormIndicators.sortOrder), asc(statFormIndicators.indicatorCode));
  return rows.map((r) => r.code);
}

export async function unitsOf(q: Queryable, formId: string): Promise<string[]> {
  const rows = await q
    .select({ id: statFormUnits.unitId })
    .from(statFormUnits)
    .where(eq(statFormUnits.formId, formId));
  return rows.map((r) => r.id);
}

export async function periodOverrides(q: Queryable, formId: string): Promise<FormPeriodRow[]> {
  return q.select().from(statFormPeriods).where(eq(statFormPeriods.formId, formId));
}

export async function periodOverride(
  q: Queryable,
  formId: string,
  periodCode: string,
): Promise<FormPeriodRow | undefined> {
  const [row] = await q
    .select()
    .from(statFormPeriods)
    .where(and(eq(statFormPeriods.formId, formId), eq(statFormPeriods.periodCode, periodCode)));
  return row;
}

export async function insertForm(q: Queryable, values: typeof statForms.$inferInsert) {
  const [row] = await q.insert(statForms).values(values).returning();
  return row!;
}

export async function updateForm(q: Queryable, id: string, values: Partial<FormRow>) {
  const [row] = await q
    .update(statForms)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(statForms.id, id))
    .returning();
  return row!;
}

export async function replaceIndicators(q: Queryable, formId: string, codes: readonly string[]) {
  await q.delete(statFormIndicators).where(eq(statFormIndicators.formId, formId));
  if (codes.length > 0) {
    await q
      .insert(statFormIndicators)
      .values(codes.map((code, i) => ({ formId, indicatorCode: code, sortOrder: i + 1 })));
  }
}

export async function replaceUnits(q: Queryable, formId: string, unitIds: readonly string[]) {
  await q.delete(statFormUnits).where(eq(statFormUnits.formId, formId));
  if (unitIds.length > 0) {
    await q.insert(statFormUnits).values(unitIds.map((unitId) => ({ formId, unitId })));
  }
}

export async function upsertPeriodOverride(q: Queryable, row: FormPeriodRow) {
  await q
    .insert(statFormPeriods)
    .values(row)
    .onConflictDoUpdate({
      target: [statFormPeriods.formId, statFormPeriods.periodCode],
      set: { opensOn: row.opensOn, deadline: row.deadline, locksOn: row.locksOn },
    });
}
