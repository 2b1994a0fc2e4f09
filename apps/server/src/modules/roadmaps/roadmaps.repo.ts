import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { pageOf, rowById } from '../../db/rows.js';
import {
  proposals,
  roadmapDependencies,
  roadmapEnvelopes,
  roadmapItems,
  roadmaps,
} from '../../db/schema.js';
import { withinScope, type ReadScope } from '../programmes/lineage.js';

export type RoadmapRow = typeof roadmaps.$inferSelect;
export type RoadmapFields = Omit<typeof roadmaps.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type ItemRow = typeof roadmapItems.$inferSelect;
export type ItemFields = Omit<typeof roadmapItems.$inferInsert, 'id'>;

/** A roadmap item with what it shows of its proposal. */
export type ItemView = ItemRow & {
  proposalTitle: string;
  proposalCategory: (typeof proposals.$inferSelect)['category'];
  proposalAnswer: (typeof proposals.$inferSelect)['answer'];
  proposalEstimatedCost: string | null;
  proposalUnitId: string;
};

export interface RoadmapCounts {
  itemCount: number;
  plannedCount: number;
}

/** One page of the roadmaps within the scope and units, newest span first, and the total. */
export async function findRoadmaps(
  q: Queryable,
  unitIds: string[] | undefined,
  scope: ReadScope,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; rows: RoadmapRow[] }> {
  const where: SQL | undefined = and(
    scope.everywhere ? undefined : withinScope(scope, roadmaps.unitId),
    unitIds ? inArray(roadmaps.unitId, unitIds) : undefined,
  );
  const rows = q
    .select()
    .from(roadmaps)
    .where(where)
    .orderBy(desc(roadmaps.startYear), desc(roadmaps.createdAt), asc(roadmaps.id));
  const { total, items } = await pageOf(q, roadmaps, where, rows.$dynamic(), paging);
  return { total, rows: items };
}

export async function countsOf(
  q: Queryable,
  roadmapIds: readonly string[],
): Promise<Map<string, RoadmapCounts>> {
  if (roadmapIds.length === 0) return new Map();
  const rows = await q
    .select({
      roadmapId: roadmapItems.roadmapId,
      itemCount: count(),
      plannedCount: sql<number>`count(${roadmapItems.plannedYear})`.mapWith(Number),
    })
    .from(roadmapItems)
    .where(inArray(roadmapItems.roadmapId, [...roadmapIds]))
    .groupBy(roadmapItems.roadmapId);
  return new Map(rows.map((r) => [r.roadmapId, r]));
}

/** The roadmap; with `lock`, its row stays locked for the rest of the transaction. */
export const findRoadmap = (q: Queryable, id: string, lock = false) =>
  rowById(q, roadmaps, id, lock);

export async function insertRoadmap(q: Queryable, fields: RoadmapFields): Promise<RoadmapRow> {
  const [row] = await q.insert(roadmaps).values(fields).returning();
  return row!;
}

export async function updateRoadmap(
  q: Queryable,
  id: string,
  patch: Partial<RoadmapFields>,
  now: Date,
): Promise<RoadmapRow> {
  const [row] = await q
    .update(roadmaps)
    .set({ ...patch, updatedAt: now })
    .where(eq(roadmaps.id, id))
    .returning();
  return row!;
}

export async function deleteRoadmap(q: Queryable, id: string): Promise<void> {
  await q.delete(roadmaps).where(eq(roadmaps.id, id));
}

export async function envelopesOf(q: Queryable, roadmapId: string) {
  const rows = await q
    .select({ year: roadmapEnvelopes.year, amount: roadmapEnvelopes.amount })
    .from(roadmapEnvelopes)
    .where(eq(roadmapEnvelopes.roadmapId, roadmapId))
    .orderBy(asc(roadmapEnvelopes.year));
  return rows.map((r) => ({ year: r.year, amount: Number(r.amount) }));
}

export async function replaceEnvelopes(
  q: Queryable,
  roadmapId: string,
  envelopes: ReadonlyArray<{ year: number; amount: number }>,
): Promise<void> {
  await q.delete(roadmapEnvelopes).where(eq(roadmapEnvelopes.roadmapId, roadmapId));
  if (envelopes.length > 0) {
    await q
      .insert(roadmapEnvelopes)
      .values(envelopes.map((e) => ({ roadmapId, year: e.year, amount: String(e.amount) })));
  }
}

export async function itemsOf(q: Queryable, roadmapId: string): Promise<ItemView[]> {
  return q
    .select({
      id: roadmapItems.id,
      roadmapId: roadmapItems.roadmapId,
      proposalId: roadmapItems.proposalId,
      scores: roadmapItems.scores,
      cost: roadmapItems.cost,
      durationYears: roadmapItems.durationYears,
      earliestStartYear: roadmapItems.earliestStartYear,
      pinnedYear: roadmapItems.pinnedYear,
      excluded: roadmapItems.excluded,
      plannedYear: roadmapItems.plannedYear,
      proposalTitle: proposals.title,
      proposalCategory: proposals.category,
      proposalAnswer: proposals.answer,
      proposalEstimatedCost: proposals.estimatedCost,
      proposalUnitId: proposals.unitId,
    })
    .from(roadmapItems)
    .innerJoin(proposals, eq(proposals.id, roadmapItems.proposalId))
    .where(eq(roadmapItems.roadmapId, roadmapId));
}

export async function findItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  const [row] = await q.select().from(roadmapItems).where(eq(roadmapItems.id, id));
  return row;
}

export async function insertItems(q: Queryable, items: ItemFields[]): Promise<ItemRow[]> {
  if (items.length === 0) return [];
  return q.insert(roadmapItems).values(items).returning();
}

export async function updateItem(
  q: Queryable,
  id: string,
  patch: Partial<ItemFields>,
): Promise<ItemRow> {
  const [row] = await q.update(roadmapItems).set(patch).where(eq(roadmapItems.id, id)).returning();
  return row!;
}

export async function deleteItem(q: Queryable, id: string): Promise<void> {
  await q.delete(roadmapItems).where(eq(roadmapItems.id, id));
}

/** Every dependency edge between the roadmap's items. */
export async function dependenciesOf(q: Queryable, roadmapId: string) {
  return q
    .select({
      itemId: roadmapDependencies.itemId,
      dependsOnItemId: roadmapDependencies.dependsOnItemId,
    })
    .from(roadmapDependencies)
    .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapDependencies.itemId))
    .where(eq(roadmapItems.roadmapId, roadmapId));
}

export async function replaceDependencies(
  q: Queryable,
  itemId: string,
  dependsOn: readonly string[],
): Promise<void> {
  await q.delete(roadmapDependencies).where(eq(roadmapDependencies.itemId, itemId));
  if (dependsOn.length > 0) {
    await q
      .insert(roadmapDependencies)
      .values(dependsOn.map((dependsOnItemId) => ({ itemId, dependsOnItemId })));
  }
}

/** Stores each item's planned start year (null: not planned). */
export async function setPlannedYears(
  q: Queryable,
  roadmapId: string,
  years: ReadonlyMap<string, number | null>,
): Promise<void> {
  await q
    .update(roadmapItems)
    .set({ plannedYear: null })
    .where(and(eq(roadmapItems.roadmapId, roadmapId), isNotNull(roadmapItems.plannedYear)));
  const byYear = new Map<number, string[]>();
  for (const [id, year] of years) {
    if (year !== null) byYear.set(year, [...(byYear.get(year) ?? []), id]);
  }
  for (const [year, ids] of byYear) {
    await q
      .update(roadmapItems)
      .set({ plannedYear: year })
      .where(and(eq(roadmapItems.roadmapId, roadmapId), inArray(roadmapItems.id, ids)));
  }
}
