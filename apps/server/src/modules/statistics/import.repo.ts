import { and, desc, eq, sql } from 'drizzle-orm';
import { LOCKED_REPORT_STATUSES, type ReportStatus } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { pageOf } from '../../db/rows.js';
import { statImports } from '../../db/schema.js';
import type { ImportSummary } from './import.schemas.js';

/** A report that locks the values of its indicators for its unit and period. */
export interface LockingReport {
  formCode: string;
  status: ReportStatus;
}

/** `indicator \u0001 unit \u0001 period` of a locked value. */
export const lockKey = (indicatorCode: string, unitId: string, periodCode: string) =>
  `${indicatorCode}\u0001${unitId}\u0001${periodCode}`;

/**
 * The values locked by a submitted, approved or accepted report, in the given periods: each
 * indicator of the report's form, for the report's unit and period. With `hold`, every report of
 * those periods stays as it is (not submitted, approved or returned) until the caller's
 * transaction ends, so that none changes status half-way through an import.
 */
export async function lockedValues(
  q: Queryable,
  periodCodes: readonly string[],
  hold: boolean,
): Promise<Map<string, LockingReport>> {
  const locked = new Map<string, LockingReport>();
  if (periodCodes.length === 0) return locked;
  const periods = sql.param([...periodCodes]);
  if (hold) {
    await q.execute(sql`
      SELECT id FROM stat_reports WHERE period_code = ANY(${periods}::text[]) FOR SHARE`);
  }
  const result = await q.execute<{
    indicator_code: string;
    unit_id: string;
    period_code: string;
    status: ReportStatus;
    form_code: string;
  }>(sql`
    SELECT fi.indicator_code, r.unit_id, r.period_code, r.status, f.code AS form_code
    FROM stat_reports r
    JOIN stat_form_indicators fi ON fi.form_id = r.form_id
    JOIN stat_forms f ON f.id = r.form_id
    WHERE r.status = ANY(${sql.param([...LOCKED_REPORT_STATUSES])}::text[])
      AND r.period_code = ANY(${periods}::text[])`);
  for (const r of result.rows) {
    locked.set(lockKey(r.indicator_code, r.unit_id, r.period_code), {
      formCode: r.form_code,
      status: r.status,
    });
  }
  return locked;
}

export async function insertImport(
  q: Queryable,
  row: { id: string; fileName: string | null; summary: ImportSummary; actorUsername: string },
) {
  const [created] = await q
    .insert(statImports)
    .values({ ...row, channel: 'import' })
    .returning();
  return created!;
}

export type ImportRow = typeof statImports.$inferSelect;

/** Past bulk imports, newest first. */
export async function findImports(q: Queryable, paging: { page: number; pageSize: number }) {
  const where = and(eq(statImports.channel, 'import'));
  return pageOf(
    q,
    statImports,
    where,
    q
      .select()
      .from(statImports)
      .where(where)
      .orderBy(desc(statImports.createdAt), desc(statImports.id))
      .$dynamic(),
    paging,
  );
}
