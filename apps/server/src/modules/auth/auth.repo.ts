import { and, desc, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { apiTokens, sessions, users } from '../../db/schema.js';
import { assignmentsColumn } from '../users/users.repo.js';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(
  q: Queryable,
  row: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [created] = await q.insert(sessions).values(row).returning();
  return created!;
}

/** A session with its user and the user's roles, in one query (this runs on every request). */
export async function findSessionWithUser(q: Queryable, id: string) {
  const [row] = await q
    .select({ session: sessions, user: users, assignments: assignmentsColumn(users.id) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  return row;
}

/** A live API token with its user and the user's roles, in one query. */
export async function findActiveTokenWithUser(q: Queryable, hash: string, now: Date) {
  const [row] = await q
    .select({ token: apiTokens, user: users, assignments: assignmentsColumn(users.id) })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row;
}

export async function touchSession(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user but (optionally) one. */
export async function deleteSessionsOfUser(
  q: Queryable,
  userId: string,
  except?: string,
): Promise<void> {
  await q
    .delete(sessions)
    .where(
      except
        ? and(eq(sessions.userId, userId), ne(sessions.id, except))
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(
  q: Queryable,
  now: Date,
  idleBefore: Date,
): Promise<void> {
  await q
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)));
}

export async function insertToken(
  q: Queryable,
  row: typeof apiTokens.$inferInsert,
): Promise<ApiTokenRow> {
  const [created] = await q.insert(apiTokens).values(row).returning();
  return created!;
}

export async function tokensOfUser(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  return q
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function findTokenOfUser(
  q: Queryable,
  userId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  const [row] = await q
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
  return row;
}

export async function markTokenUsed(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function revokeToken(q: Queryable, id: string, at: Date): Promise<ApiTokenRow> {
  const [row] = await q
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(eq(apiTokens.id, id))
    .returning();
  return row!;
}
