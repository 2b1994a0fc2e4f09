import {
  and,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Role } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { emailOutbox, jobRuns, notifications, roleAssignments, users } from '../../db/schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;
export type JobRunRow = typeof jobRuns.$inferSelect;

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}

/** Active accounts holding one of the roles with a scope matching `scope` (SQL on role_assignments). */
export async function recipients(q: Queryable, roles: Role[], scope?: SQL): Promise<Recipient[]> {
  if (roles.length === 0) return [];
  return q
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.isActive, true), inArray(roleAssignments.role, roles), scope));
}

/**
 * The accounts answering for work led by an organisation: province officers and approvers of its
 * provinces, Ministry unit officers of the organisation or one above it.
 */
export async function leadSideRecipients(
  q: Queryable,
  unitIds: readonly string[],
  organisationIds: readonly string[],
): Promise<Recipient[]> {
  const scope = or(
    unitIds.length > 0
      ? and(
          inArray(roleAssignments.role, ['province_officer', 'province_approver']),
          inArray(roleAssignments.scopeUnitId, [...unitIds]),
        )
      : undefined,
    organisationIds.length > 0
      ? and(
          eq(roleAssignments.role, 'ministry_unit_officer'),
          inArray(roleAssignments.scopeOrganisationId, [...organisationIds]),
        )
      : undefined,
  );
  if (!scope) return [];
  return recipients(q, ['province_officer', 'province_approver', 'ministry_unit_officer'], scope);
}

/** Inserts notifications, skipping those whose (user, dedupe key) exists; returns the new ones. */
export async function insertNotifications(
  q: Queryable,
  rows: (typeof notifications.$inferInsert)[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return q
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning();
}

export async function insertOutbox(q: Queryable, rows: (typeof emailOutbox.$inferInsert)[]) {
  if (rows.length > 0) await q.insert(emailOutbox).values(rows);
}

export async function notificationsOf(
  q: Queryable,
  userId: string,
  f: { unreadOnly: boolean; page: number; pageSize: number },
) {
  const where = and(
    eq(notifications.userId, userId),
    f.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [totals] = await q
    .select({
      total: count(),
      unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`,
    })
    .from(notifications)
    .where(where);
  const items = await q
    .select()
    .from(notifications)
    .where(where)
    .orderBy(
      sql`${notifications.readAt} IS NULL DESC`,
      desc(notifications.createdAt),
      desc(notifications.id),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: totals!.total, unread: Number(totals!.unread), items };
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row!.n;
}

/** Marks the user's notification read (kept as first read); undefined when it is not theirs. */
export async function markRead(q: Queryable, userId: string, id: string, at: Date) {
  const [row] = await q
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

/** Marks read the user's notifications received up to `until`. */
export async function markAllRead(
  q: Queryable,
  userId: string,
  until: Date,
  at: Date,
): Promise<number> {
  const rows = await q
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        lte(notifications.createdAt, until),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Removes the notifications about a record (when the record itself is deleted). */
export async function deleteNotificationsAbout(q: Queryable, entityType: string, id: string) {
  await q
    .delete(notifications)
    .where(and(eq(notifications.entityType, entityType), eq(notifications.entityId, id)));
}

/* ───────── E-mail outbox ───────── */

export type OutboxStatus = 'pending' | 'sent' | 'failed';

function outboxWhere(status: OutboxStatus | undefined, maxAttempts: number): SQL | undefined {
  switch (status) {
    case 'sent':
      return isNotNull(emailOutbox.sentAt);
    case 'failed':
      return and(isNull(emailOutbox.sentAt), sql`${emailOutbox.attempts} >= ${maxAttempts}`);
    case 'pending':
      return and(isNull(emailOutbox.sentAt), sql`${emailOutbox.attempts} < ${maxAttempts}`);
    default:
      return undefined;
  }
}

export async function outboxPage(
  q: Queryable,
  f: { status?: OutboxStatus | undefined; page: number; pageSize: number },
  maxAttempts: number,
) {
  const [counts] = await q
    .select({
      pending: sql<number>`count(*) FILTER (WHERE ${outboxWhere('pending', maxAttempts)})::int`,
      sent: sql<number>`count(*) FILTER (WHERE ${outboxWhere('sent', maxAttempts)})::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${outboxWhere('failed', maxAttempts)})::int`,
    })
    .from(emailOutbox);
  const where = outboxWhere(f.status, maxAttempts);
  const [total] = await q.select({ n: count() }).from(emailOutbox).where(where);
  const items = await q
    .select()
    .from(emailOutbox)
    .where(where)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    total: total!.n,
    counts: {
      pending: Number(counts!.pending),
      sent: Number(counts!.sent),
      failed: Number(counts!.failed),
    },
    items,
  };
}

/**
 * Claims up to `limit` messages due for an attempt, counting the attempt at once so that another
 * instance does not take them too. Attempt n (from 0) is due `2^n − 1` × `backoffMs` after the
 * message was queued: at once, then after 1, 3, 7, 15… minutes with the default back-off.
 */
export async function claimOutbox(
  q: Queryable,
  now: Date,
  f: { limit: number; maxAttempts: number; backoffMs: number },
): Promise<OutboxRow[]> {
  const result = await q.execute<{ id: string }>(sql`
    UPDATE ${emailOutbox} SET attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM ${emailOutbox}
      WHERE sent_at IS NULL AND attempts < ${f.maxAttempts}
        AND created_at + (power(2, attempts) - 1) * ${f.backoffMs}::int * interval '1 millisecond'
          <= ${now.toISOString()}::timestamptz
      ORDER BY created_at, id
      LIMIT ${f.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  const ids = result.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return q.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
}

export async function markSent(q: Queryable, id: string, at: Date) {
  await q.update(emailOutbox).set({ sentAt: at, lastError: null }).where(eq(emailOutbox.id, id));
}

export async function markFailed(q: Queryable, id: string, error: string) {
  await q
    .update(emailOutbox)
    .set({ lastError: error.slice(0, 2000) })
    .where(eq(emailOutbox.id, id));
}

/* ───────── Scheduled jobs ───────── */

/** Claims (job, runKey) for this instance; undefined when it was claimed already. */
export async function claimJobRun(
  q: Queryable,
  row: typeof jobRuns.$inferInsert,
): Promise<JobRunRow | undefined> {
  const [claimed] = await q.insert(jobRuns).values(row).onConflictDoNothing().returning();
  return claimed;
}

export async function finishJobRun(
  q: Queryable,
  job: string,
  runKey: string,
  fields: { finishedAt: Date; result?: unknown; error?: string | null },
): Promise<JobRunRow> {
  const [row] = await q
    .update(jobRuns)
    .set(fields)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, runKey)))
    .returning();
  return row!;
}

export async function findJobRun(q: Queryable, job: string, runKey: string) {
  const [row] = await q
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, runKey)));
  return row;
}

export async function recentJobRuns(q: Queryable, limit: number): Promise<JobRunRow[]> {
  return q
    .select()
    .from(jobRuns)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.runKey))
    .limit(limit);
}
