import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import {
  statFormIndicators,
  statFormPeriods,
  statForms,
  statFormUnits,
  statReportEvents,
  statReports,
} from '../../db/schema.js';
import { catalogueFingerprint } from './catalogue.repo.js';
import { fromRow, storedColumns, type StoredRow, type StoredValue } from './values.store.js';

export type ReportRow = typeof statReports.$inferSelect;
export type ReportEventRow = typeof statReportEvents.$inferSelect;

export interface ReportKeys {
  formId: string;
  unitId: string;
  periodCode: string;
}

const REPORT_COLUMNS = Object.keys(getTableColumns(statReports)) as Array<keyof ReportRow>;

/**
 * Everything a request on one report reads before its own work, in one round trip: the form,
 * whether the unit is assigned to it, its indicator codes in order, the Ministry's dates for the
 * period, the report (locked for the transaction when `lock`) and the catalogue's fingerprint.
 * Undefined when the form does not exist.
 */
export async function contextRow(q: Queryable, k: ReportKeys, lock: boolean) {
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
  const report = (lock ? query.for('update') : query).as('r');
  const [row] = await q
    .select({
      form: statForms,
      override: statFormPeriods,
      report: Object.fromEntries(REPORT_COLUMNS.map((c) => [c, report[c]])) as {
        [C in keyof ReportRow]: (typeof report)[C];
      },
      assigned: sql<boolean>`EXISTS (SELECT 1 FROM ${statFormUnits} fu
        WHERE fu.form_id = ${statForms.id} AND fu.unit_id = ${k.unitId})`,
      indicatorCodes: sql<string[]>`ARRAY(SELECT fi.indicator_code FROM ${statFormIndicators} fi
        WHERE fi.form_id = ${statForms.id} ORDER BY fi.sort_order, fi.indicator_code)`,
      catalogueFingerprint,
    })
    .from(statForms)
    .leftJoin(
      statFormPeriods,
      and(eq(statFormPeriods.formId, statForms.id), eq(statFormPeriods.periodCode, k.periodCode)),
    )
    .leftJoinLateral(report, sql`true`)
    .where(eq(statForms.id, k.formId));
  return row;
}

export async function findReport(q: Queryable, id: string): Promise<ReportRow | undefined> {
  const [row] = await q.select().from(statReports).where(eq(statReports.id, id));
  return row;
}

/**
 * The report of the keys, created as a draft when it does not exist yet, marked as changed at
 * `at` otherwise (its values are being saved); locked for the caller. One statement.
 */
export async function openReport(q: Queryable, k: ReportKeys, at: Date): Promise<ReportRow> {
  const [row] = await q
    .insert(statReports)
    .values({ ...k, status: 'draft', updatedAt: at })
    .onConflictDoUpdate({
      target: [statReports.formId, statReports.unitId, statReports.periodCode],
      set: { updatedAt: at },
    })
    .returning();
  return row!;
}

export async function updateReport(q: Queryable, id: string, values: Partial<ReportRow>) {
  const [row] = await q
    .update(statReports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(statReports.id, id))
    .returning();
  return row!;
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

/** A report's stored values, and how many evidence files each has, in one query. */
export async function reportValues(
  q: Queryable,
  k: { unitId: string; periodCode: string; indicatorCodes: readonly string[] },
): Promise<{ values: StoredValue[]; evidence: Map<string, number> }> {
  const result = await q.execute<StoredRow & { evidence: number }>(sql`
    SELECT ${storedColumns('v')},
      (SELECT count(*)::int FROM attachments a
       WHERE a.entity_type = ${VALUE_ENTITY} AND a.entity_id = v.id) AS evidence
    FROM stat_values v
    WHERE v.unit_id = ${k.unitId} AND v.period_code = ${k.periodCode}
      AND v.indicator_code = ANY(${sql.param([...k.indicatorCodes])}::text[])`);
  const values: StoredValue[] = [];
  const evidence = new Map<string, number>();
  for (const row of result.rows) {
    values.push(fromRow(row));
    if (row.evidence > 0) evidence.set(row.id, Number(row.evidence));
  }
  return { values, evidence };
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
