import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import {
  apiTokens,
  auditLog,
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
  organisation: (q, ids) =>
    q
      .select({ id: sql<string>`${organisations.id}::text`, label: organisations.nameVi })
      .from(organisations)
      .where(inArray(organisations.id, uuidOnly(ids))),
  person: (q, ids) =>
    q
      .select({ id: sql<string>`${people.id}::text`, label: people.fullName })
      .from(people)
      .where(inArray(people.id, uuidOnly(ids))),
  position: (q, ids) =>
    q
      .select({
        id: sql<string>`${positions.id}::text`,
        label: sql<string>`${people.fullName} || ': ' || ${positions.title}`,
      })
      .from(positions)
      .innerJoin(people, eq(people.id, positions.personId))
      .where(inArray(positions.id, uuidOnly(ids))),
  api_token: (q, ids) =>
    q
      .select({ id: sql<string>`${apiTokens.id}::text`, label: apiTokens.name })
      .from(apiTokens)
      .where(inArray(apiTokens.id, uuidOnly(ids))),
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
