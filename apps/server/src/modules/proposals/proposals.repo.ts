import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  inArray,
  isNull,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { ProposalAnswer, ProposalCategory } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { matchesWords } from '../../db/filters.js';
import { pageOf, rowById } from '../../db/rows.js';
import {
  engagements,
  organisations,
  proposals,
  proposalUnits,
  roadmapItems,
  roadmaps,
  tasks,
} from '../../db/schema.js';
import { withinScope, type ReadScope } from '../programmes/lineage.js';

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalFields = Omit<
  typeof proposals.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'searchText'
>;

export interface EngagementSummary {
  id: string;
  title: string;
  kind: (typeof engagements.$inferSelect)['kind'];
  startsOn: string;
  endsOn: string;
}

/** A proposal with its engagement (when it was raised at one). */
export type ProposalView = Omit<ProposalRow, 'searchText'> & {
  engagement: EngagementSummary | null;
};

export interface ProposalFilters {
  q?: string | undefined;
  /** The requested unit with its predecessors. */
  unitIds?: string[] | undefined;
  category?: ProposalCategory | undefined;
  answer?: ProposalAnswer | 'pending' | undefined;
  engagementId?: string | undefined;
  assignedOrganisationId?: string | undefined;
}

const { searchText: _searchText, ...proposalColumns } = getTableColumns(proposals);
const viewColumns = {
  ...proposalColumns,
  engagementTitle: engagements.title,
  engagementKind: engagements.kind,
  engagementStartsOn: engagements.startsOn,
  engagementEndsOn: engagements.endsOn,
};

type ViewRow = Omit<ProposalRow, 'searchText'> & {
  engagementTitle: string | null;
  engagementKind: EngagementSummary['kind'] | null;
  engagementStartsOn: string | null;
  engagementEndsOn: string | null;
};

function toView(row: ViewRow): ProposalView {
  const { engagementTitle, engagementKind, engagementStartsOn, engagementEndsOn, ...p } = row;
  return {
    ...p,
    engagement:
      p.engagementId && engagementTitle && engagementKind && engagementStartsOn && engagementEndsOn
        ? {
            id: p.engagementId,
            title: engagementTitle,
            kind: engagementKind,
            startsOn: engagementStartsOn,
            endsOn: engagementEndsOn,
          }
        : null,
  };
}

const selectViews = (q: Queryable) =>
  q
    .select(viewColumns)
    .from(proposals)
    .leftJoin(engagements, eq(engagements.id, proposals.engagementId));

/** Who assigned the proposal is within the scope: its province, or one of its Ministry units. */
function inScope(scope: ReadScope): SQL | undefined {
  if (scope.everywhere) return undefined;
  const assigned =
    scope.organisationIds.length > 0
      ? exists(
          sql`(SELECT 1 FROM ${proposalUnits} WHERE ${proposalUnits.proposalId} = ${proposals.id} AND ${inArray(proposalUnits.organisationId, scope.organisationIds)})`,
        )
      : undefined;
  return assigned
    ? sql`(${withinScope(scope, proposals.unitId)} OR ${assigned})`
    : withinScope(scope, proposals.unitId);
}

/** One page of the proposals matching the filters within the scope, newest first, and the total. */
export async function findProposals(
  q: Queryable,
  f: ProposalFilters,
  scope: ReadScope,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; rows: ProposalView[] }> {
  const where = and(
    inScope(scope),
    f.q ? matchesWords(proposals.searchText, f.q) : undefined,
    f.unitIds ? inArray(proposals.unitId, f.unitIds) : undefined,
    f.category ? eq(proposals.category, f.category) : undefined,
    f.answer === 'pending'
      ? isNull(proposals.answer)
      : f.answer
        ? eq(proposals.answer, f.answer)
        : undefined,
    f.engagementId ? eq(proposals.engagementId, f.engagementId) : undefined,
    f.assignedOrganisationId
      ? exists(
          sql`(SELECT 1 FROM ${proposalUnits} WHERE ${proposalUnits.proposalId} = ${proposals.id} AND ${proposalUnits.organisationId} = ${f.assignedOrganisationId})`,
        )
      : undefined,
  );
  const rows = selectViews(q)
    .where(where)
    // Newest first by the day the proposal was raised (its engagement), else by its recording.
    .orderBy(
      sql`coalesce(${engagements.startsOn}, (${proposals.createdAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) DESC`,
      desc(proposals.createdAt),
      asc(proposals.id),
    );
  const { total, items } = await pageOf(q, proposals, where, rows.$dynamic(), paging);
  return { total, rows: items.map(toView) };
}

export async function findProposalView(
  q: Queryable,
  id: string,
): Promise<ProposalView | undefined> {
  const [row] = await selectViews(q).where(eq(proposals.id, id));
  return row ? toView(row) : undefined;
}

/** The proposal; with `lock`, its row stays locked for the rest of the transaction. */
export const findProposal = (q: Queryable, id: string, lock = false) =>
  rowById(q, proposals, id, lock);

export async function findProposalsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(proposals)
    .where(inArray(proposals.id, [...ids]));
}

export interface AssignedUnit {
  proposalId: string;
  id: string;
  nameVi: string;
  shortName: string | null;
}

export async function assignedUnitsOf(
  q: Queryable,
  proposalIds: readonly string[],
): Promise<AssignedUnit[]> {
  if (proposalIds.length === 0) return [];
  return q
    .select({
      proposalId: proposalUnits.proposalId,
      id: organisations.id,
      nameVi: organisations.nameVi,
      shortName: organisations.shortName,
    })
    .from(proposalUnits)
    .innerJoin(organisations, eq(organisations.id, proposalUnits.organisationId))
    .where(inArray(proposalUnits.proposalId, [...proposalIds]));
}

export async function taskCounts(
  q: Queryable,
  proposalIds: readonly string[],
): Promise<Map<string, number>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await q
    .select({ proposalId: tasks.proposalId, n: count() })
    .from(tasks)
    .where(inArray(tasks.proposalId, [...proposalIds]))
    .groupBy(tasks.proposalId);
  return new Map(rows.map((r) => [r.proposalId!, r.n]));
}

export async function tasksOf(q: Queryable, proposalId: string) {
  return q
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      deadline: tasks.deadline,
      completedOn: tasks.completedOn,
    })
    .from(tasks)
    .where(eq(tasks.proposalId, proposalId))
    .orderBy(asc(tasks.assignedOn), asc(tasks.createdAt));
}

export async function roadmapsIncluding(q: Queryable, proposalId: string) {
  return q
    .select({ id: roadmaps.id, title: roadmaps.title })
    .from(roadmapItems)
    .innerJoin(roadmaps, eq(roadmaps.id, roadmapItems.roadmapId))
    .where(eq(roadmapItems.proposalId, proposalId))
    .orderBy(desc(roadmaps.startYear));
}

export async function findEngagementSummary(
  q: Queryable,
  id: string,
): Promise<EngagementSummary | undefined> {
  const [row] = await q
    .select({
      id: engagements.id,
      title: engagements.title,
      kind: engagements.kind,
      startsOn: engagements.startsOn,
      endsOn: engagements.endsOn,
    })
    .from(engagements)
    .where(eq(engagements.id, id));
  return row;
}

/** What points at the proposal and forbids deleting it. */
export async function referencesTo(q: Queryable, id: string) {
  const [t] = await q.select({ n: count() }).from(tasks).where(eq(tasks.proposalId, id));
  const [r] = await q
    .select({ n: count() })
    .from(roadmapItems)
    .where(eq(roadmapItems.proposalId, id));
  return { tasks: t?.n ?? 0, roadmapItems: r?.n ?? 0 };
}

export async function insertProposal(q: Queryable, fields: ProposalFields): Promise<ProposalRow> {
  const [row] = await q.insert(proposals).values(fields).returning();
  return row!;
}

export async function updateProposal(
  q: Queryable,
  id: string,
  patch: Partial<ProposalFields>,
  now: Date,
): Promise<ProposalRow> {
  const [row] = await q
    .update(proposals)
    .set({ ...patch, updatedAt: now })
    .where(eq(proposals.id, id))
    .returning();
  return row!;
}

export async function deleteProposal(q: Queryable, id: string): Promise<void> {
  await q.delete(proposals).where(eq(proposals.id, id));
}

export async function replaceAssignedUnits(
  q: Queryable,
  proposalId: string,
  organisationIds: readonly string[],
): Promise<void> {
  await q.delete(proposalUnits).where(eq(proposalUnits.proposalId, proposalId));
  if (organisationIds.length > 0) {
    await q
      .insert(proposalUnits)
      .values(organisationIds.map((organisationId) => ({ proposalId, organisationId })));
  }
}
