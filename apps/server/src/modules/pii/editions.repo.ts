import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { PiiNode, PiiUnitBasis } from '@caunoi/shared';
import type { Queryable, Tx } from '../../db/database.js';
import { piiEditions, piiNodes } from '../../db/schema.js';

export type EditionRow = typeof piiEditions.$inferSelect;

export interface EditionCounts {
  indicatorCount: number;
  runCount: number;
}

export type EditionSummaryRow = EditionRow & EditionCounts;

export interface EditionFields {
  year: number;
  title: string;
  illustrative: boolean;
  unitBasis: PiiUnitBasis;
  dataYear: number;
  notes: string | null;
  config: Record<string, unknown>;
}

// Written out: inside a subquery Drizzle would name both tables' columns without their table.
const indicatorCount = sql<number>`(SELECT count(*)::int FROM pii_nodes n
  WHERE n.edition_id = "pii_editions"."id" AND n.type = 'Indicator')`;
const runCount = sql<number>`(SELECT count(*)::int FROM pii_runs r
  WHERE r.edition_id = "pii_editions"."id")`;

/** Every edition with its counts, the newest year first. */
export async function listEditionRows(q: Queryable): Promise<EditionSummaryRow[]> {
  const rows = await q
    .select({ edition: piiEditions, indicatorCount, runCount })
    .from(piiEditions)
    .orderBy(desc(piiEditions.year));
  return rows.map((r) => ({
    ...r.edition,
    indicatorCount: r.indicatorCount,
    runCount: r.runCount,
  }));
}

/** The unit basis of each edition's year (nothing else of the editions). */
export async function editionBases(
  q: Queryable,
): Promise<{ year: number; unitBasis: PiiUnitBasis }[]> {
  return q.select({ year: piiEditions.year, unitBasis: piiEditions.unitBasis }).from(piiEditions);
}

/** One edition with its counts; with `lock`, the row stays locked for the transaction. */
export async function editionRow(
  q: Queryable,
  id: string,
  lock = false,
): Promise<EditionSummaryRow | undefined> {
  const query = q
    .select({ edition: piiEditions, indicatorCount, runCount })
    .from(piiEditions)
    .where(eq(piiEditions.id, id));
  const [row] = lock ? await query.for('update', { of: piiEditions }) : await query;
  return row && { ...row.edition, indicatorCount: row.indicatorCount, runCount: row.runCount };
}

export async function editionIdOfYear(q: Queryable, year: number): Promise<string | undefined> {
  const [row] = await q
    .select({ id: piiEditions.id })
    .from(piiEditions)
    .where(eq(piiEditions.year, year));
  return row?.id;
}

export async function countEditions(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(piiEditions);
  return row?.n ?? 0;
}

/** The framework rows of an edition, in order. */
export async function nodeRows(q: Queryable, editionId: string): Promise<PiiNode[]> {
  const rows = await q
    .select()
    .from(piiNodes)
    .where(eq(piiNodes.editionId, editionId))
    .orderBy(asc(piiNodes.position));
  return rows.map((r) => ({
    code: r.code,
    type: r.type,
    level: r.level,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    parent: r.parent,
    weight: r.weight,
    direction: r.direction === -1 ? -1 : 1,
    denominator: r.denominator,
    sourceIndicator: r.sourceIndicator,
    unitVi: r.unitVi,
    placement: r.placement,
  }));
}

export async function insertEdition(tx: Tx, fields: EditionFields): Promise<EditionRow> {
  const [row] = await tx.insert(piiEditions).values(fields).returning();
  return row!;
}

export async function updateEditionRow(
  tx: Tx,
  id: string,
  patch: Pick<EditionFields, 'title' | 'dataYear' | 'notes' | 'config' | 'illustrative'>,
): Promise<void> {
  await tx
    .update(piiEditions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(piiEditions.id, id));
}

export async function touchEdition(tx: Tx, id: string): Promise<void> {
  await tx.update(piiEditions).set({ updatedAt: new Date() }).where(eq(piiEditions.id, id));
}

/** Replaces the framework rows of an edition, keeping their order. */
export async function replaceNodes(
  tx: Tx,
  editionId: string,
  nodes: readonly PiiNode[],
): Promise<void> {
  await tx.delete(piiNodes).where(eq(piiNodes.editionId, editionId));
  if (nodes.length === 0) return;
  await tx.insert(piiNodes).values(nodes.map((n, i) => ({ ...n, editionId, position: i + 1 })));
}

export async function deleteEditionRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(piiEditions).where(eq(piiEditions.id, id));
}
