import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ValueChannel } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { statImports, statReports } from '../../db/schema.js';
import type { ReportRow } from './reports.repo.js';

/** The reports of several units for one form and period, in one query (optionally locked). */
export async function reportsOf(
  q: Queryable,
  formId: string,
  periodCode: string,
  unitIds: readonly string[],
  lock = false,
): Promise<ReportRow[]> {
  if (unitIds.length === 0) return [];
  const query = q
    .select()
    .from(statReports)
    .where(
      and(
        eq(statReports.formId, formId),
        eq(statReports.periodCode, periodCode),
        inArray(statReports.unitId, [...unitIds]),
      ),
    )
    .orderBy(statReports.id);
  return lock ? query.for('update') : query;
}

/** The reports of the units, drafts created for those that have none yet; locked for the caller. */
export async function openReports(
  q: Queryable,
  formId: string,
  periodCode: string,
  unitIds: readonly string[],
): Promise<ReportRow[]> {
  if (unitIds.length === 0) return [];
  await q
    .insert(statReports)
    .values(unitIds.map((unitId) => ({ formId, unitId, periodCode, status: 'draft' as const })))
    .onConflictDoNothing();
  return reportsOf(q, formId, periodCode, unitIds, true);
}

/** Marks reports as changed now (their values were written). */
export async function touchReports(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q
    .update(statReports)
    .set({ updatedAt: sql`now()` })
    .where(inArray(statReports.id, [...ids]));
}

export async function insertImport(
  q: Queryable,
  row: {
    id: string;
    channel: ValueChannel;
    fileName: string | null;
    summary: unknown;
    actorUsername: string;
  },
): Promise<void> {
  await q.insert(statImports).values(row);
}
