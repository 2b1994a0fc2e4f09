import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { statReportEvents, statReports } from '../../db/schema.js';

export type ReportRow = typeof statReports.$inferSelect;
export type ReportEventRow = typeof statReportEvents.$inferSelect;

export interface ReportKeys {
  formId: string;
  unitId: string;
  periodCode: string;
}

export async function findReportByKeys(
  q: Queryable,
  k: ReportKeys,
  lock = false,
): Promise<ReportRow | undefined> {
  const query = q
    .select()
    .from(statReports)
    .where(
      and(
        eq(statReports.formId, k.formId),
        eq(statReports.unitId, k.unitId),
        eq(statReports.periodCode, k.periodCode),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findReport(q: Queryable, id: string): Promise<ReportRow | undefined> {
  const [row] = await q.select().from(statReports).where(eq(statReports.id, id));
  return row;
}

/** The report of the keys, created as a draft when it does not exist yet; locked for the caller. */
export async function openReport(q: Queryable, k: ReportKeys): Promise<ReportRow> {
  await q
    .insert(statReports)
    .values({ ...k, status: 'draft' })
    .onConflictDoNothing();
  return (await findReportByKeys(q, k, true))!;
}

export async function updateReport(q: Queryable, id: string, values: Partial<ReportRow>) {
  const [row] = await q
    .update(statReports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(statReports.id, id))
    .returning();
  return row!;
}

/** Marks the report as changed now (its values were saved); returns it. */
export async function touchReport(q: Queryable, id: string): Promise<ReportRow> {
  return updateReport(q, id, {});
}

export async function insertEvent(q: Queryable, row: typeof statReportEvents.$inferInsert) {
  await q.insert(statReportEvents).values(row);
}

export async function eventsOf(q: Queryable, reportId: string): Promise<ReportEventRow[]> {
  return q
    .select()
    .from(statReportEvents)
    .where(eq(statReportEvents.reportId, reportId))
    .orderBy(asc(statReportEvents.at));
}

export const VALUE_ENTITY = 'stat_value';

/** How many evidence files each value has. */
export async function evidenceCounts(
  q: Queryable,
  valueIds: readonly string[],
): Promise<Map<string, number>> {
  if (valueIds.length === 0) return new Map();
  const result = await q.execute<{ id: string; n: number }>(sql`
    SELECT entity_id::text AS id, count(*)::int AS n FROM attachments
    WHERE entity_type = ${VALUE_ENTITY} AND entity_id = ANY(${sql.param([...valueIds])}::uuid[])
    GROUP BY entity_id`);
  return new Map(result.rows.map((r) => [r.id, Number(r.n)]));
}

/** The report a value belongs to through a form: (form, unit, period) of reports containing it. */
export async function reportsCoveringValue(
  q: Queryable,
  v: { indicatorCode: string; unitId: string; periodCode: string },
): Promise<ReportRow[]> {
  const result = await q.execute<{ id: string }>(sql`
    SELECT r.id FROM stat_reports r
    JOIN stat_form_indicators fi ON fi.form_id = r.form_id AND fi.indicator_code = ${v.indicatorCode}
    WHERE r.unit_id = ${v.unitId} AND r.period_code = ${v.periodCode}`);
  if (result.rows.length === 0) return [];
  return q
    .select()
    .from(statReports)
    .where(
      inArray(
        statReports.id,
        result.rows.map((r) => r.id),
      ),
    );
}
