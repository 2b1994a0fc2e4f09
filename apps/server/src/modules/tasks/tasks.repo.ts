import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { TASK_SOURCE_KINDS, type TaskSourceKind } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { rowById } from '../../db/rows.js';
import { matchesWords } from '../../db/filters.js';
import {
  conclusionNotices,
  directives,
  engagements,
  organisations,
  programmeContents,
  programmes,
  proposals,
  taskCooperators,
  taskExplanations,
  taskExtensions,
  taskReports,
  tasks,
  users,
} from '../../db/schema.js';
import { withinScope, type ReadScope } from '../programmes/lineage.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskFields = Omit<typeof tasks.$inferInsert, 'id' | 'searchText'>;
export type ReportRow = typeof taskReports.$inferSelect;
export type ExtensionRow = typeof taskExtensions.$inferSelect;
export type ExplanationRow = typeof taskExplanations.$inferSelect;

/** The foreign key of each kind of source. */
export const SOURCE_FIELD = {
  conclusion_notice: 'conclusionNoticeId',
  directive: 'directiveId',
  programme_content: 'programmeContentId',
  proposal: 'proposalId',
} as const satisfies Record<TaskSourceKind, keyof TaskRow>;

const sourceColumn = (kind: TaskSourceKind) => tasks[SOURCE_FIELD[kind]];

const lead = alias(organisations, 'lead');
const assigner = alias(organisations, 'assigner');
const directiveEngagement = alias(engagements, 'directive_engagement');

/** A task with what its lists and page show about it, in one row. */
const taskView = {
  ...getTableColumns(tasks),
  leadName: lead.nameVi,
  assignedByName: assigner.nameVi,
  notice: {
    documentNumber: conclusionNotices.documentNumber,
    issuedOn: conclusionNotices.issuedOn,
    engagementId: conclusionNotices.engagementId,
  },
  directive: {
    number: directives.number,
    text: directives.text,
    engagementId: directives.engagementId,
    engagementTitle: directiveEngagement.title,
  },
  content: {
    number: programmeContents.number,
    title: programmeContents.title,
    programmeId: programmeContents.programmeId,
    programmeTitle: programmes.title,
  },
  proposal: { title: proposals.title },
  pendingExtension: sql<boolean>`EXISTS (SELECT 1 FROM ${taskExtensions} e WHERE e.task_id = ${tasks.id} AND e.status = 'pending')`,
  openExplanations: sql<number>`(SELECT count(*) FROM ${taskExplanations} x WHERE x.task_id = ${tasks.id} AND x.answer_text IS NULL)::int`,
};

export type TaskView = Awaited<ReturnType<typeof selectViews>>[number];

function selectViews(q: Queryable, where: SQL | undefined) {
  return q
    .select(taskView)
    .from(tasks)
    .innerJoin(lead, eq(lead.id, tasks.leadOrganisationId))
    .innerJoin(assigner, eq(assigner.id, tasks.assignedByOrganisationId))
    .leftJoin(conclusionNotices, eq(conclusionNotices.id, tasks.conclusionNoticeId))
    .leftJoin(directives, eq(directives.id, tasks.directiveId))
    .leftJoin(directiveEngagement, eq(directiveEngagement.id, directives.engagementId))
    .leftJoin(programmeContents, eq(programmeContents.id, tasks.programmeContentId))
    .leftJoin(programmes, eq(programmes.id, programmeContents.programmeId))
    .leftJoin(proposals, eq(proposals.id, tasks.proposalId))
    .where(where)
    .orderBy(asc(tasks.id));
}

export interface TaskFilters {
  scope: ReadScope;
  q?: string | undefined;
  sourceKind?: TaskSourceKind | undefined;
  sourceId?: string | undefined;
  leadOrganisationId?: string | undefined;
  /** The lead unit and the units it was formed from. */
  leadUnitIds?: string[] | undefined;
  priority?: TaskRow['priority'] | undefined;
  hasPendingExtension?: boolean | undefined;
  hasOpenExplanation?: boolean | undefined;
}

const exists = (query: SQL, wanted: boolean) =>
  wanted ? sql`EXISTS (${query})` : sql`NOT EXISTS (${query})`;

/** Tasks within the reader's scope: led by, or cooperated on by, a unit or organisation in it. */
export function inScope(scope: ReadScope): SQL | undefined {
  if (scope.everywhere) return undefined;
  const cooperating = sql`SELECT 1 FROM ${taskCooperators} WHERE ${taskCooperators.taskId} = ${tasks.id} AND ${withinScope(
    scope,
    taskCooperators.unitId,
    taskCooperators.organisationId,
  )}`;
  return or(
    withinScope(scope, tasks.leadUnitId, tasks.leadOrganisationId),
    sql`EXISTS (${cooperating})`,
  );
}

/** The filters that SQL can apply (the facets are computed afterwards). */
export function taskWhere(f: TaskFilters): SQL | undefined {
  const sourceColumns = f.sourceKind
    ? [sourceColumn(f.sourceKind)]
    : TASK_SOURCE_KINDS.map(sourceColumn);
  return and(
    inScope(f.scope),
    f.q ? matchesWords(tasks.searchText, f.q) : undefined,
    f.sourceKind ? eq(tasks.sourceKind, f.sourceKind) : undefined,
    f.sourceId ? or(...sourceColumns.map((c) => eq(c, f.sourceId!))) : undefined,
    f.leadOrganisationId ? eq(tasks.leadOrganisationId, f.leadOrganisationId) : undefined,
    f.leadUnitIds ? inArray(tasks.leadUnitId, f.leadUnitIds) : undefined,
    f.priority ? eq(tasks.priority, f.priority) : undefined,
    f.hasPendingExtension === undefined
      ? undefined
      : exists(
          sql`SELECT 1 FROM ${taskExtensions} e WHERE e.task_id = ${tasks.id} AND e.status = 'pending'`,
          f.hasPendingExtension,
        ),
    f.hasOpenExplanation === undefined
      ? undefined
      : exists(
          sql`SELECT 1 FROM ${taskExplanations} x WHERE x.task_id = ${tasks.id} AND x.answer_text IS NULL`,
          f.hasOpenExplanation,
        ),
  );
}

export function findTaskViews(q: Queryable, where: SQL | undefined): Promise<TaskView[]> {
  return selectViews(q, where);
}

/**
 * What facets, sorting and league tables need of each task, without the joins and counts of a
 * full view: lists evaluate every candidate this way and fetch full views for one page only.
 */
export function findTaskSchedules(q: Queryable, where: SQL | undefined) {
  return q
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      leadOrganisationId: tasks.leadOrganisationId,
      leadUnitId: tasks.leadUnitId,
      leadName: lead.nameVi,
      assignedOn: tasks.assignedOn,
      deadline: tasks.deadline,
      recurrence: tasks.recurrence,
      recurrenceEndsOn: tasks.recurrenceEndsOn,
      completedOn: tasks.completedOn,
    })
    .from(tasks)
    .innerJoin(lead, eq(lead.id, tasks.leadOrganisationId))
    .where(where)
    .orderBy(asc(tasks.id));
}

export const withIds = (ids: readonly string[]) => inArray(tasks.id, [...ids]);

export async function findTaskView(q: Queryable, id: string): Promise<TaskView | undefined> {
  const [row] = await selectViews(q, eq(tasks.id, id));
  return row;
}

/** The task; with `lock`, its row stays locked for the rest of the transaction. */
export const findTask = (q: Queryable, id: string, lock = false) => rowById(q, tasks, id, lock);

/**
 * How many of the tasks matching `where` wait for an extension decision, or for an explanation.
 * `tasks.id` is written out: in a one-table query Drizzle leaves columns unqualified, and the
 * subqueries' own `id` would shadow it.
 */
export async function countWaiting(q: Queryable, where: SQL | undefined) {
  const [row] = await q
    .select({
      pendingExtensions: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${taskExtensions} e WHERE e.task_id = tasks.id AND e.status = 'pending'))::int`,
      openExplanations: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${taskExplanations} x WHERE x.task_id = tasks.id AND x.answer_text IS NULL))::int`,
    })
    .from(tasks)
    .where(where);
  return {
    pendingExtensions: row?.pendingExtensions ?? 0,
    openExplanations: row?.openExplanations ?? 0,
  };
}

/** Report dates and cycles (what the facets need) of the tasks matching `where`. */
export async function reportFacts(q: Queryable, where: SQL | undefined) {
  return q
    .select({
      taskId: taskReports.taskId,
      cycle: taskReports.cycle,
      reportedOn: taskReports.reportedOn,
      percent: taskReports.percent,
    })
    .from(taskReports)
    .innerJoin(tasks, eq(tasks.id, taskReports.taskId))
    .where(where)
    .orderBy(asc(taskReports.reportedOn), asc(taskReports.createdAt));
}

export type CooperatorView = Awaited<ReturnType<typeof cooperatorsOf>>[number];

export async function cooperatorsOf(q: Queryable, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return q
    .select({
      taskId: taskCooperators.taskId,
      organisationId: taskCooperators.organisationId,
      unitId: taskCooperators.unitId,
      nameVi: organisations.nameVi,
    })
    .from(taskCooperators)
    .innerJoin(organisations, eq(organisations.id, taskCooperators.organisationId))
    .where(inArray(taskCooperators.taskId, [...taskIds]));
}

export async function setCooperators(
  q: Queryable,
  taskId: string,
  rows: readonly { organisationId: string; unitId: string | null }[],
): Promise<void> {
  await q.delete(taskCooperators).where(eq(taskCooperators.taskId, taskId));
  if (rows.length > 0) {
    await q.insert(taskCooperators).values(rows.map((r) => ({ ...r, taskId })));
  }
}

/** Whether the source exists (and, for a proposal, has been answered). */
export async function sourceState(
  q: Queryable,
  kind: TaskSourceKind,
  id: string,
): Promise<'missing' | 'unanswered' | 'ok'> {
  const table = {
    conclusion_notice: conclusionNotices,
    directive: directives,
    programme_content: programmeContents,
    proposal: proposals,
  }[kind];
  if (kind === 'proposal') {
    const [row] = await q
      .select({ answer: proposals.answer })
      .from(proposals)
      .where(eq(proposals.id, id));
    if (!row) return 'missing';
    return row.answer === null ? 'unanswered' : 'ok';
  }
  const [row] = await q.select({ id: table.id }).from(table).where(eq(table.id, id));
  return row ? 'ok' : 'missing';
}

export async function countInSource(q: Queryable, kind: TaskSourceKind, id: string) {
  const [row] = await q
    .select({ n: count() })
    .from(tasks)
    .where(eq(sourceColumn(kind), id));
  return row!.n;
}

export async function insertTask(q: Queryable, fields: TaskFields): Promise<TaskRow> {
  const [row] = await q.insert(tasks).values(fields).returning();
  return row!;
}

export async function updateTask(
  q: Queryable,
  id: string,
  patch: Partial<TaskFields>,
): Promise<TaskRow> {
  const [row] = await q.update(tasks).set(patch).where(eq(tasks.id, id)).returning();
  return row!;
}

export async function deleteTask(q: Queryable, id: string): Promise<void> {
  await q.delete(tasks).where(eq(tasks.id, id));
}

/* ───────── Reports, extensions, explanations ───────── */

export async function reportsOf(q: Queryable, taskId: string): Promise<ReportRow[]> {
  return q
    .select()
    .from(taskReports)
    .where(eq(taskReports.taskId, taskId))
    .orderBy(asc(taskReports.reportedOn), asc(taskReports.createdAt));
}

export async function countReports(q: Queryable, taskId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(taskReports)
    .where(eq(taskReports.taskId, taskId));
  return row!.n;
}

export async function insertReport(q: Queryable, row: typeof taskReports.$inferInsert) {
  const [created] = await q.insert(taskReports).values(row).returning();
  return created!;
}

export async function findReport(q: Queryable, id: string) {
  const [row] = await q.select().from(taskReports).where(eq(taskReports.id, id));
  return row;
}

export async function extensionsOf(q: Queryable, taskId: string): Promise<ExtensionRow[]> {
  return q
    .select()
    .from(taskExtensions)
    .where(eq(taskExtensions.taskId, taskId))
    .orderBy(asc(taskExtensions.requestedAt));
}

export async function findExtension(q: Queryable, id: string) {
  const [row] = await q.select().from(taskExtensions).where(eq(taskExtensions.id, id));
  return row;
}

export async function pendingExtension(q: Queryable, taskId: string) {
  const [row] = await q
    .select()
    .from(taskExtensions)
    .where(and(eq(taskExtensions.taskId, taskId), eq(taskExtensions.status, 'pending')));
  return row;
}

export async function insertExtension(q: Queryable, row: typeof taskExtensions.$inferInsert) {
  const [created] = await q.insert(taskExtensions).values(row).returning();
  return created!;
}

export async function updateExtension(
  q: Queryable,
  id: string,
  patch: Partial<typeof taskExtensions.$inferInsert>,
) {
  const [row] = await q
    .update(taskExtensions)
    .set(patch)
    .where(eq(taskExtensions.id, id))
    .returning();
  return row!;
}

/** Pending extension requests of all tasks, with their task's title. */
export async function allPendingExtensions(q: Queryable) {
  return q
    .select({ extension: taskExtensions, title: tasks.title })
    .from(taskExtensions)
    .innerJoin(tasks, eq(tasks.id, taskExtensions.taskId))
    .where(eq(taskExtensions.status, 'pending'));
}

export async function explanationsOf(q: Queryable, taskId: string): Promise<ExplanationRow[]> {
  return q
    .select()
    .from(taskExplanations)
    .where(eq(taskExplanations.taskId, taskId))
    .orderBy(asc(taskExplanations.requestedAt));
}

export async function findExplanation(q: Queryable, id: string) {
  const [row] = await q.select().from(taskExplanations).where(eq(taskExplanations.id, id));
  return row;
}

export async function openExplanation(q: Queryable, taskId: string) {
  const [row] = await q
    .select()
    .from(taskExplanations)
    .where(and(eq(taskExplanations.taskId, taskId), isNull(taskExplanations.answerText)));
  return row;
}

export async function insertExplanation(q: Queryable, row: typeof taskExplanations.$inferInsert) {
  const [created] = await q.insert(taskExplanations).values(row).returning();
  return created!;
}

export async function updateExplanation(
  q: Queryable,
  id: string,
  patch: Partial<typeof taskExplanations.$inferInsert>,
) {
  const [row] = await q
    .update(taskExplanations)
    .set(patch)
    .where(eq(taskExplanations.id, id))
    .returning();
  return row!;
}

/** Display names of accounts, by id. */
export async function userNames(
  q: Queryable,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Organisations by id (the ones that exist). */
export async function organisationsByIds(q: Queryable, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, typeof organisations.$inferSelect>();
  const rows = await q.select().from(organisations).where(inArray(organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
