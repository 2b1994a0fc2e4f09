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
  lte,
  not,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EngagementKind } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { matchesWords, validOn } from '../../db/filters.js';
import { pageOf, rowById } from '../../db/rows.js';
import {
  conclusionNotices,
  directives,
  engagementParticipants,
  engagements,
  engagementUnits,
  organisations,
  people,
  positions,
  programmes,
  proposals,
  tasks,
} from '../../db/schema.js';
import { withinScope, type ReadScope } from '../programmes/lineage.js';
import { numbersOf } from '../programmes/numbering.js';

export type EngagementRow = typeof engagements.$inferSelect;
export type EngagementFields = Omit<
  typeof engagements.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'searchText'
>;
export type ParticipantRow = typeof engagementParticipants.$inferSelect;
export type DirectiveRow = typeof directives.$inferSelect;
export type NoticeRow = typeof conclusionNotices.$inferSelect;
export type NoticeFields = Omit<
  typeof conclusionNotices.$inferInsert,
  'id' | 'createdAt' | 'updatedAt'
>;

export interface EngagementFilters {
  q?: string | undefined;
  kind?: EngagementKind | undefined;
  /** The unit's whole lineage (see `lineageOf`). */
  unitIds?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function hasUnit(q: Queryable, where?: SQL) {
  return exists(
    q
      .select({ one: sql`1` })
      .from(engagementUnits)
      .where(and(eq(engagementUnits.engagementId, engagements.id), where)),
  );
}

/**
 * An engagement the scope reaches: a national one (no provinces) is read by everyone who reads
 * coordination records; another by the accounts of its provinces or of its host organisation.
 */
export function engagementInScope(q: Queryable, scope: ReadScope): SQL | undefined {
  if (scope.everywhere) return undefined;
  return or(
    not(hasUnit(q)),
    scope.unitIds.length > 0
      ? hasUnit(q, inArray(engagementUnits.unitId, scope.unitIds))
      : undefined,
    scope.organisationIds.length > 0
      ? inArray(engagements.hostOrganisationId, scope.organisationIds)
      : undefined,
  );
}

const host = alias(organisations, 'host');
const viewColumns = {
  ...getTableColumns(engagements),
  hostName: host.nameVi,
  programmeTitle: programmes.title,
  participantCount: sql<number>`(SELECT count(*) FROM ${engagementParticipants} p WHERE p.engagement_id = ${engagements.id})::int`,
};
export type EngagementView = EngagementRow & {
  hostName: string | null;
  programmeTitle: string | null;
  participantCount: number;
};

function selectViews(q: Queryable) {
  return q
    .select(viewColumns)
    .from(engagements)
    .leftJoin(host, eq(host.id, engagements.hostOrganisationId))
    .leftJoin(programmes, eq(programmes.id, engagements.programmeId));
}

/** A page of the engagements matching the filters within the scope, newest first. */
export async function findEngagements(
  q: Queryable,
  f: EngagementFilters,
  scope: ReadScope,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; items: EngagementView[] }> {
  const where = and(
    engagementInScope(q, scope),
    f.q ? matchesWords(engagements.searchText, f.q) : undefined,
    f.kind ? eq(engagements.kind, f.kind) : undefined,
    f.unitIds ? hasUnit(q, inArray(engagementUnits.unitId, f.unitIds)) : undefined,
    // Engagements overlapping the period.
    f.from ? gte(engagements.endsOn, f.from) : undefined,
    f.to ? lte(engagements.startsOn, f.to) : undefined,
  );
  const rows = selectViews(q)
    .where(where)
    .orderBy(desc(engagements.startsOn), desc(engagements.createdAt), asc(engagements.id));
  return pageOf(q, engagements, where, rows.$dynamic(), paging);
}

export async function findEngagementView(q: Queryable, id: string) {
  const [row] = await selectViews(q).where(eq(engagements.id, id));
  return row;
}

export const findEngagement = (q: Queryable, id: string, lock = false) =>
  rowById(q, engagements, id, lock);

/** The provinces of each engagement. */
export async function unitsOf(
  q: Queryable,
  engagementIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (engagementIds.length === 0) return out;
  const rows = await q
    .select()
    .from(engagementUnits)
    .where(inArray(engagementUnits.engagementId, [...engagementIds]))
    .orderBy(asc(engagementUnits.unitId));
  for (const r of rows) out.set(r.engagementId, [...(out.get(r.engagementId) ?? []), r.unitId]);
  return out;
}

export async function replaceUnits(
  q: Queryable,
  engagementId: string,
  unitIds: readonly string[],
): Promise<void> {
  await q.delete(engagementUnits).where(eq(engagementUnits.engagementId, engagementId));
  if (unitIds.length > 0) {
    await q.insert(engagementUnits).values(unitIds.map((unitId) => ({ engagementId, unitId })));
  }
}

export async function insertEngagement(
  q: Queryable,
  fields: EngagementFields,
): Promise<EngagementRow> {
  const [row] = await q.insert(engagements).values(fields).returning();
  return row!;
}

export async function updateEngagement(
  q: Queryable,
  id: string,
  patch: Partial<EngagementFields>,
): Promise<EngagementRow> {
  const [row] = await q
    .update(engagements)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(engagements.id, id))
    .returning();
  return row!;
}

export async function deleteEngagement(q: Queryable, id: string): Promise<void> {
  await q.delete(engagements).where(eq(engagements.id, id));
}

/* ───────────── Participants ───────────── */

const participantColumns = {
  ...getTableColumns(engagementParticipants),
  personName: people.fullName,
  organisationName: organisations.nameVi,
};
export type ParticipantView = ParticipantRow & {
  personName: string;
  organisationName: string | null;
};

function selectParticipants(q: Queryable, where: SQL) {
  return q
    .select(participantColumns)
    .from(engagementParticipants)
    .innerJoin(people, eq(people.id, engagementParticipants.personId))
    .leftJoin(organisations, eq(organisations.id, engagementParticipants.organisationId))
    .where(where)
    .orderBy(
      sql`CASE ${engagementParticipants.side} WHEN 'ministry' THEN 0 WHEN 'province' THEN 1 ELSE 2 END`,
      asc(engagementParticipants.sortOrder),
      asc(engagementParticipants.id),
    );
}

export function participantsOf(q: Queryable, engagementId: string): Promise<ParticipantView[]> {
  return selectParticipants(q, eq(engagementParticipants.engagementId, engagementId));
}

export async function findParticipantView(q: Queryable, id: string) {
  const [row] = await selectParticipants(q, eq(engagementParticipants.id, id));
  return row;
}

export const findParticipant = (q: Queryable, id: string, lock = false) =>
  rowById(q, engagementParticipants, id, lock);

export async function findParticipantOf(q: Queryable, engagementId: string, personId: string) {
  const [row] = await q
    .select({ id: engagementParticipants.id })
    .from(engagementParticipants)
    .where(
      and(
        eq(engagementParticipants.engagementId, engagementId),
        eq(engagementParticipants.personId, personId),
      ),
    );
  return row;
}

export async function nextSortOrder(q: Queryable, engagementId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`coalesce(max(${engagementParticipants.sortOrder}), 0)::int` })
    .from(engagementParticipants)
    .where(eq(engagementParticipants.engagementId, engagementId));
  return (row?.n ?? 0) + 1;
}

/** The position a person held on `date` (the latest started when several), if any. */
export async function positionOn(q: Queryable, personId: string, date: string) {
  const [row] = await q
    .select({ title: positions.title, organisationId: positions.organisationId })
    .from(positions)
    .where(
      and(eq(positions.personId, personId), validOn(positions.validFrom, positions.validTo, date)),
    )
    .orderBy(sql`${positions.validFrom} DESC NULLS LAST`, desc(positions.createdAt))
    .limit(1);
  return row;
}

export async function insertParticipant(
  q: Queryable,
  fields: typeof engagementParticipants.$inferInsert,
): Promise<ParticipantRow> {
  const [row] = await q.insert(engagementParticipants).values(fields).returning();
  return row!;
}

export async function updateParticipant(
  q: Queryable,
  id: string,
  patch: Partial<typeof engagementParticipants.$inferInsert>,
): Promise<ParticipantRow> {
  const [row] = await q
    .update(engagementParticipants)
    .set(patch)
    .where(eq(engagementParticipants.id, id))
    .returning();
  return row!;
}

export async function deleteParticipant(q: Queryable, id: string): Promise<void> {
  await q.delete(engagementParticipants).where(eq(engagementParticipants.id, id));
}

/* ───────────── Directives ───────────── */

const issuer = alias(people, 'issuer');
const directiveTaskCount = sql<number>`(SELECT count(*) FROM ${tasks} t WHERE t.directive_id = ${directives.id})::int`;

export type DirectiveView = DirectiveRow & { issuedByName: string | null; taskCount: number };

function selectDirectives(q: Queryable, where: SQL) {
  return q
    .select({
      ...getTableColumns(directives),
      issuedByName: issuer.fullName,
      taskCount: directiveTaskCount,
    })
    .from(directives)
    .leftJoin(issuer, eq(issuer.id, directives.issuedByPersonId))
    .where(where)
    .orderBy(asc(directives.number));
}

export function directivesOf(q: Queryable, engagementId: string): Promise<DirectiveView[]> {
  return selectDirectives(q, eq(directives.engagementId, engagementId));
}

export async function findDirectiveView(q: Queryable, id: string) {
  const [row] = await selectDirectives(q, eq(directives.id, id));
  return row;
}

export const findDirective = (q: Queryable, id: string, lock = false) =>
  rowById(q, directives, id, lock);

/** An engagement's directives (ids and numbers) in their order. */
export const directiveNumbers = (q: Queryable, engagementId: string) =>
  numbersOf(q, directives, directives.engagementId, engagementId);

export async function insertDirective(
  q: Queryable,
  fields: typeof directives.$inferInsert,
): Promise<DirectiveRow> {
  const [row] = await q.insert(directives).values(fields).returning();
  return row!;
}

export async function updateDirective(
  q: Queryable,
  id: string,
  patch: Partial<Pick<DirectiveRow, 'text' | 'issuedByPersonId'>>,
): Promise<void> {
  if (Object.keys(patch).length > 0) {
    await q.update(directives).set(patch).where(eq(directives.id, id));
  }
}

export async function deleteDirective(q: Queryable, id: string): Promise<void> {
  await q.delete(directives).where(eq(directives.id, id));
}

/* ───────────── Conclusion notices ───────────── */

const signer = alias(people, 'signer');
const issuing = alias(organisations, 'issuing');
const noticeTaskCount = sql<number>`(SELECT count(*) FROM ${tasks} t WHERE t.conclusion_notice_id = ${conclusionNotices.id})::int`;

export type NoticeView = NoticeRow & {
  signerName: string | null;
  issuingOrganisationName: string | null;
  taskCount: number;
};

function selectNotices(q: Queryable, where: SQL) {
  return q
    .select({
      ...getTableColumns(conclusionNotices),
      signerName: signer.fullName,
      issuingOrganisationName: issuing.nameVi,
      taskCount: noticeTaskCount,
    })
    .from(conclusionNotices)
    .leftJoin(signer, eq(signer.id, conclusionNotices.signerPersonId))
    .leftJoin(issuing, eq(issuing.id, conclusionNotices.issuingOrganisationId))
    .where(where)
    .orderBy(asc(conclusionNotices.issuedOn), asc(conclusionNotices.documentNumber));
}

export function noticesOf(q: Queryable, engagementId: string): Promise<NoticeView[]> {
  return selectNotices(q, eq(conclusionNotices.engagementId, engagementId));
}

export async function findNoticeView(q: Queryable, id: string) {
  const [row] = await selectNotices(q, eq(conclusionNotices.id, id));
  return row;
}

export const findNotice = (q: Queryable, id: string, lock = false) =>
  rowById(q, conclusionNotices, id, lock);

export async function findNoticeByNumber(q: Queryable, documentNumber: string, issuedOn: string) {
  const [row] = await q
    .select({ id: conclusionNotices.id })
    .from(conclusionNotices)
    .where(
      and(
        eq(conclusionNotices.documentNumber, documentNumber),
        eq(conclusionNotices.issuedOn, issuedOn),
      ),
    );
  return row;
}

export async function insertNotice(q: Queryable, fields: NoticeFields): Promise<NoticeRow> {
  const [row] = await q.insert(conclusionNotices).values(fields).returning();
  return row!;
}

export async function updateNotice(
  q: Queryable,
  id: string,
  patch: Partial<NoticeFields>,
): Promise<NoticeRow> {
  const [row] = await q
    .update(conclusionNotices)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(conclusionNotices.id, id))
    .returning();
  return row!;
}

export async function deleteNotice(q: Queryable, id: string): Promise<void> {
  await q.delete(conclusionNotices).where(eq(conclusionNotices.id, id));
}

/* ───────────── What hangs on an engagement ───────────── */

/** Proposals raised at the engagement, within the scope (a province sees its own). */
export async function proposalsOf(q: Queryable, engagementId: string, scope: ReadScope) {
  return q
    .select({
      id: proposals.id,
      title: proposals.title,
      category: proposals.category,
      answer: proposals.answer,
      unitId: proposals.unitId,
    })
    .from(proposals)
    .where(
      and(
        eq(proposals.engagementId, engagementId),
        scope.everywhere ? undefined : withinScope(scope, proposals.unitId),
      ),
    )
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
}

/** What forbids deleting an engagement: its conclusion notices, and tasks on its directives. */
export async function blockersOf(q: Queryable, engagementId: string) {
  const [notices] = await q
    .select({ n: count() })
    .from(conclusionNotices)
    .where(eq(conclusionNotices.engagementId, engagementId));
  const [directiveTasks] = await q
    .select({ n: count() })
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .where(eq(directives.engagementId, engagementId));
  return { notices: notices?.n ?? 0, directiveTasks: directiveTasks?.n ?? 0 };
}
