import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { auditLog } from '../../db/schema.js';

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
