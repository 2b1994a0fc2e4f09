import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  apiTokens,
  auditLog,
  conclusionNotices,
  directives,
  engagements,
  programmeContents,
  programmes,
  proposals,
  roadmaps,
  tasks,
  organisations,
  people,
  positions,
  roleAssignments,
  users,
} from '../../db/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUsername?: string | undefined;
  action?: string | undefined;
  channel?: AuditRow['channel'] | undefined;
  /** Inclusive lower bound. */
  since?: Date | undefined;
  /** Exclusive upper bound. */
  before?: Date | undefined;
}

function conditions(f: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actorUsername) where.push(eq(auditLog.actorUsername, f.actorUsername));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.channel) where.push(eq(auditLog.channel, f.channel));
  if (f.since) where.push(gte(auditLog.occurredAt, f.since));
  if (f.before) where.push(lt(auditLog.occurredAt, f.before));
  return and(...where);
}

/** One page of entries, newest first, and the number of all matching entries. */
export async function findAudit(
  q: Queryable,
  filter: AuditFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: AuditRow[] }> {
  const where = conditions(filter);
  const [counted] = await q.select({ n: count() }).from(auditLog).where(where);
  const rows = await q
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { total: counted?.n ?? 0, rows };
}

export async function findAuditEntry(q: Queryable, id: number): Promise<AuditRow | undefined> {
  const [row] = await q.select().from(auditLog).where(eq(auditLog.id, id));
  return row;
}

type Labeller = (q: Queryable, ids: string[]) => Promise<Array<{ id: string; label: string }>>;

const uuidOnly = (ids: string[]) =>
  ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));

/** A labeller reading one text column of one table by id. */
function simple(table: PgTable, id: AnyPgColumn, label: AnyPgColumn): Labeller {
  return (q, ids) =>
    q
      .select({ id: sql<string>`${id}::text`, label: sql<string>`${label}` })
      .from(table)
      .where(inArray(id, uuidOnly(ids)));
}

/** How each audited kind of record is named today (records still present). */
const LABELLERS: Record<string, Labeller> = {
  user: (q, ids) =>
    q
      .select({
        id: sql<string>`${users.id}::text`,
        label: sql<string>`${users.displayName} || ' (' || ${users.username} || ')'`,
      })
      .from(users)
      .where(inArray(users.id, uuidOnly(ids))),
  organisation: simple(organisations, organisations.id, organisations.nameVi),
  person: simple(people, people.id, people.fullName),
  position: (q, ids) =>
    q
      .select({
        id: sql<string>`${positions.id}::text`,
        label: sql<string>`${people.fullName} || ': ' || ${positions.title}`,
      })
      .from(positions)
      .innerJoin(people, eq(people.id, positions.personId))
      .where(inArray(positions.id, uuidOnly(ids))),
  api_token: simple(apiTokens, apiTokens.id, apiTokens.name),
  programme: simple(programmes, programmes.id, programmes.title),
  programme_content: simple(programmeContents, programmeContents.id, programmeContents.title),
  engagement: simple(engagements, engagements.id, engagements.title),
  directive: simple(directives, directives.id, directives.text),
  conclusion_notice: simple(
    conclusionNotices,
    conclusionNotices.id,
    conclusionNotices.documentNumber,
  ),
  proposal: simple(proposals, proposals.id, proposals.title),
  task: simple(tasks, tasks.id, tasks.title),
  roadmap: simple(roadmaps, roadmaps.id, roadmaps.title),
  role_assignment: (q, ids) =>
    q
      .select({
        id: sql<string>`${roleAssignments.id}::text`,
        label: sql<string>`${users.username} || ': ' || ${roleAssignments.role}`,
      })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(inArray(roleAssignments.id, uuidOnly(ids))),
};

/** Current names of the records a page of audit entries refers to, keyed `type:id`. */
export async function entityLabels(q: Queryable, rows: AuditRow[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!LABELLERS[r.entityType]) continue;
    const set = byType.get(r.entityType) ?? new Set<string>();
    set.add(r.entityId);
    byType.set(r.entityType, set);
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of byType) {
    const wanted = [...ids];
    if (uuidOnly(wanted).length === 0) continue;
    for (const { id, label } of await LABELLERS[type]!(q, wanted))
      labels.set(`${type}:${id}`, label);
  }
  return labels;
}
