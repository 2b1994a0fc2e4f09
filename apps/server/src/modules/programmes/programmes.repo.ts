import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gte,
  inArray,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ProgrammeStatus } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { rowById } from '../../db/rows.js';
import { matchesWords } from '../../db/filters.js';
import {
  attachments,
  engagements,
  organisations,
  people,
  programmeContents,
  programmeParties,
  programmes,
  tasks,
} from '../../db/schema.js';
import { engagementInScope } from '../engagements/engagements.repo.js';
import { withinScope, type ReadScope } from './lineage.js';
import { numbersOf } from './numbering.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeFields = Omit<
  typeof programmes.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'searchText'
>;
export type ProgrammeView = ProgrammeRow & { supersededByTitle: string | null };
export type ContentRow = typeof programmeContents.$inferSelect;
export type PartyFields = Omit<typeof programmeParties.$inferInsert, 'id' | 'programmeId'>;

export interface ProgrammeFilters {
  q?: string | undefined;
  /** The unit's whole lineage (see `lineageOf`). */
  unitIds?: string[] | undefined;
  status?: ProgrammeStatus | undefined;
  signedFrom?: string | undefined;
  signedTo?: string | undefined;
  /** Only programmes in force whose period ends on or before this day. */
  endingBy?: string | undefined;
}

/** Stored in force, and the period has ended before this year (Vietnam time). */
const expiredBefore = (year: number) =>
  and(eq(programmes.status, 'in_force'), lt(programmes.periodEndYear, year));
const inForceIn = (year: number) =>
  and(eq(programmes.status, 'in_force'), gte(programmes.periodEndYear, year));

function statusIs(status: ProgrammeStatus, year: number): SQL | undefined {
  if (status === 'expired') return expiredBefore(year);
  if (status === 'in_force') return inForceIn(year);
  return eq(programmes.status, status);
}

function partyWhere(where: SQL) {
  return (q: Queryable) =>
    exists(
      q
        .select({ one: sql`1` })
        .from(programmeParties)
        .where(and(eq(programmeParties.programmeId, programmes.id), where)),
    );
}

/** A programme one of whose parties lies within the scope. */
export const programmeInScope = (q: Queryable, scope: ReadScope): SQL | undefined =>
  scope.everywhere
    ? undefined
    : partyWhere(withinScope(scope, programmeParties.unitId, programmeParties.organisationId))(q);

const successor = alias(programmes, 'successor');
function selectViews(q: Queryable, where: SQL | undefined) {
  return q
    .select({ ...getTableColumns(programmes), supersededByTitle: successor.title })
    .from(programmes)
    .leftJoin(successor, eq(successor.id, programmes.supersededById))
    .where(where)
    .orderBy(asc(programmes.id));
}

/** Programmes matching the filters within the scope; callers sort them. */
export async function findProgrammes(
  q: Queryable,
  f: ProgrammeFilters,
  scope: ReadScope,
  year: number,
): Promise<ProgrammeView[]> {
  return selectViews(
    q,
    and(
      programmeInScope(q, scope),
      f.q ? matchesWords(programmes.searchText, f.q) : undefined,
      f.unitIds ? partyWhere(inArray(programmeParties.unitId, f.unitIds))(q) : undefined,
      f.status ? statusIs(f.status, year) : undefined,
      f.signedFrom ? gte(programmes.signedOn, f.signedFrom) : undefined,
      f.signedTo ? lte(programmes.signedOn, f.signedTo) : undefined,
      f.endingBy
        ? and(
            inForceIn(year),
            sql`make_date(${programmes.periodEndYear}, 12, 31) <= ${f.endingBy}::date`,
          )
        : undefined,
    ),
  );
}

export async function findProgrammeView(q: Queryable, id: string) {
  const [row] = await selectViews(q, eq(programmes.id, id));
  return row;
}

export const findProgramme = (q: Queryable, id: string, lock = false) =>
  rowById(q, programmes, id, lock);

export type PartyView = Awaited<ReturnType<typeof partiesOf>>[number];

/** The parties of the programmes, the Ministry side first, in the order they were entered. */
export async function partiesOf(q: Queryable, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return q
    .select({
      ...getTableColumns(programmeParties),
      organisationName: organisations.nameVi,
      organisationKind: organisations.kind,
      signatoryName: people.fullName,
    })
    .from(programmeParties)
    .innerJoin(organisations, eq(organisations.id, programmeParties.organisationId))
    .leftJoin(people, eq(people.id, programmeParties.signatoryPersonId))
    .where(inArray(programmeParties.programmeId, [...programmeIds]))
    .orderBy(
      sql`CASE WHEN ${programmeParties.side} = 'ministry' THEN 0 ELSE 1 END`,
      asc(organisations.nameVi),
    );
}

export async function replaceParties(
  q: Queryable,
  programmeId: string,
  parties: readonly PartyFields[],
): Promise<void> {
  await q.delete(programmeParties).where(eq(programmeParties.programmeId, programmeId));
  if (parties.length > 0) {
    await q.insert(programmeParties).values(parties.map((p) => ({ ...p, programmeId })));
  }
}

/**
 * Progress of the action items (tasks) per content: how many, how many completed, and the mean
 * over the items of 100 when completed, else the latest reported percentage, else 0.
 */
async function progressRows(q: Queryable, programmeIds: readonly string[]) {
  const result = await q.execute<{
    programme_id: string;
    content_id: string;
    tasks: number;
    completed: number;
    progress: string | null;
  }>(sql`
    SELECT c.programme_id, c.id AS content_id,
      count(t.id)::int AS tasks,
      count(t.completed_on)::int AS completed,
      avg(CASE WHEN t.id IS NULL THEN NULL
               WHEN t.completed_on IS NOT NULL THEN 100
               ELSE coalesce((
                 SELECT r.percent FROM task_reports r
                 WHERE r.task_id = t.id AND r.percent IS NOT NULL
                 ORDER BY r.reported_on DESC, r.created_at DESC LIMIT 1), 0)
          END)::float8 AS progress
    FROM ${programmeContents} c
    LEFT JOIN ${tasks} t
      ON t.programme_content_id = c.id AND t.source_kind = 'programme_content'
    WHERE c.programme_id IN (${sql.join(
      programmeIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    GROUP BY c.programme_id, c.id`);
  return result.rows.map((r) => ({
    programmeId: r.programme_id,
    contentId: r.content_id,
    tasks: Number(r.tasks),
    completed: Number(r.completed),
    /** Sum of the items' percentages, to average over several contents. */
    progressSum: r.progress === null ? 0 : Number(r.progress) * Number(r.tasks),
  }));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface ProgrammeProgress {
  contentCount: number;
  taskCount: number;
  progress: number | null;
}

export async function progressByProgramme(
  q: Queryable,
  programmeIds: readonly string[],
): Promise<Map<string, ProgrammeProgress>> {
  const out = new Map<string, ProgrammeProgress & { sum: number }>();
  if (programmeIds.length === 0) return new Map();
  for (const r of await progressRows(q, programmeIds)) {
    const p = out.get(r.programmeId) ?? { contentCount: 0, taskCount: 0, progress: null, sum: 0 };
    p.contentCount += 1;
    p.taskCount += r.tasks;
    p.sum += r.progressSum;
    out.set(r.programmeId, p);
  }
  return new Map(
    [...out].map(([id, p]) => [
      id,
      {
        contentCount: p.contentCount,
        taskCount: p.taskCount,
        progress: p.taskCount > 0 ? round1(p.sum / p.taskCount) : null,
      },
    ]),
  );
}

export type ContentView = ContentRow & {
  taskCount: number;
  completedCount: number;
  progress: number | null;
};

export async function contentsOf(q: Queryable, programmeId: string): Promise<ContentView[]> {
  const rows = await q
    .select()
    .from(programmeContents)
    .where(eq(programmeContents.programmeId, programmeId))
    .orderBy(asc(programmeContents.number));
  const progress = new Map((await progressRows(q, [programmeId])).map((r) => [r.contentId, r]));
  return rows.map((c) => {
    const p = progress.get(c.id);
    const taskCount = p?.tasks ?? 0;
    return {
      ...c,
      taskCount,
      completedCount: p?.completed ?? 0,
      progress: p && taskCount > 0 ? round1(p.progressSum / taskCount) : null,
    };
  });
}

export const findContent = (q: Queryable, id: string, lock = false) =>
  rowById(q, programmeContents, id, lock);

/** A programme's contents (ids and numbers) in their order. */
export const contentNumbers = (q: Queryable, programmeId: string) =>
  numbersOf(q, programmeContents, programmeContents.programmeId, programmeId);

export async function insertContent(
  q: Queryable,
  fields: typeof programmeContents.$inferInsert,
): Promise<ContentRow> {
  const [row] = await q.insert(programmeContents).values(fields).returning();
  return row!;
}

export async function updateContent(
  q: Queryable,
  id: string,
  patch: Partial<Pick<ContentRow, 'title' | 'description'>>,
): Promise<void> {
  if (Object.keys(patch).length > 0) {
    await q.update(programmeContents).set(patch).where(eq(programmeContents.id, id));
  }
}

export async function deleteContent(q: Queryable, id: string): Promise<void> {
  await q.delete(programmeContents).where(eq(programmeContents.id, id));
}

/** How many tasks hang on the given contents (any of them forbids deleting). */
export async function countTasksOfContents(
  q: Queryable,
  contentIdList: readonly string[],
): Promise<number> {
  if (contentIdList.length === 0) return 0;
  const [row] = await q
    .select({ n: count() })
    .from(tasks)
    .where(inArray(tasks.programmeContentId, [...contentIdList]));
  return row?.n ?? 0;
}

export async function countAttachments(
  q: Queryable,
  entityType: string,
  entityId: string,
): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)));
  return row?.n ?? 0;
}

/** Programmes this one replaced. */
export async function supersededBy(q: Queryable, id: string) {
  return q
    .select({ id: programmes.id, title: programmes.title })
    .from(programmes)
    .where(eq(programmes.supersededById, id))
    .orderBy(desc(programmes.periodStartYear));
}

/** Engagements at which the programme was signed or followed up, newest first. */
export async function engagementsOfProgramme(q: Queryable, id: string, scope: ReadScope) {
  return q
    .select({
      id: engagements.id,
      title: engagements.title,
      kind: engagements.kind,
      startsOn: engagements.startsOn,
    })
    .from(engagements)
    .where(and(eq(engagements.programmeId, id), engagementInScope(q, scope)))
    .orderBy(desc(engagements.startsOn));
}

export async function insertProgramme(
  q: Queryable,
  fields: ProgrammeFields,
): Promise<ProgrammeRow> {
  const [row] = await q.insert(programmes).values(fields).returning();
  return row!;
}

export async function updateProgramme(
  q: Queryable,
  id: string,
  patch: Partial<ProgrammeFields>,
): Promise<ProgrammeRow> {
  const [row] = await q
    .update(programmes)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(programmes.id, id))
    .returning();
  return row!;
}

export async function deleteProgramme(q: Queryable, id: string): Promise<void> {
  await q.delete(programmes).where(eq(programmes.id, id));
}
