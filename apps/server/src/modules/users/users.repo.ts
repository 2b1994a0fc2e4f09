import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { roleAssignments, users } from '../../db/schema.js';
import type { Assignment } from '../../policy/policy.js';
import type { Role, ScopeKind } from '@caunoi/shared';

export type UserRow = typeof users.$inferSelect;
export type AssignmentRow = typeof roleAssignments.$inferSelect;

export async function findUserByUsername(
  q: Queryable,
  username: string,
): Promise<UserRow | undefined> {
  const [row] = await q
    .select()
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()));
  return row;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id));
  return row;
}

/** Locks the user's row for the rest of the transaction. */
export async function lockUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    role: row.role as Role,
    scopeKind: row.scopeKind as ScopeKind,
    scopeUnitId: row.scopeUnitId,
    scopeOrganisationId: row.scopeOrganisationId,
  };
}

export async function assignmentsOf(q: Queryable, userId: string): Promise<AssignmentRow[]> {
  return q
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
}

export async function assignmentsOfMany(q: Queryable, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return q
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
}

export async function findAssignment(q: Queryable, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await q.select().from(roleAssignments).where(eq(roleAssignments.id, id));
  return row;
}

export async function updateUser(
  q: Queryable,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await q
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function userExists(q: Queryable, username: string): Promise<boolean> {
  const [row] = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, username.trim().toLowerCase())));
  return !!row;
}
