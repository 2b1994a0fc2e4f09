import { and, asc, eq, exists, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { matchesWords } from '../../db/filters.js';
import { organisations, roleAssignments, users } from '../../db/schema.js';
import type { Assignment } from '../../policy/policy.js';
import { ROLES, type Role, type ScopeKind } from '@caunoi/shared';

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

/** Assignments in a stable order: by role (as listed in ROLES), then by scope. */
const assignmentOrder = [
  sql`array_position(ARRAY[${sql.join(
    ROLES.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[], ${roleAssignments.role})`,
  asc(roleAssignments.scopeKind),
  asc(roleAssignments.scopeUnitId),
  asc(roleAssignments.scopeOrganisationId),
  asc(roleAssignments.id),
];

export async function assignmentsOf(q: Queryable, userId: string): Promise<AssignmentRow[]> {
  return q
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(...assignmentOrder);
}

/**
 * A user's role assignments in the order of `assignmentsOf`, as a column of a query that reads the
 * user (the session and API token lookups, which run on every request): no second round trip.
 * Turn the column's value into rows with `assignmentsFromJson`.
 */
export function assignmentsColumn(userId: AnyColumn) {
  return sql<AssignmentJson[]>`coalesce((
    SELECT json_agg(json_build_object(
      'id', ${roleAssignments.id}, 'userId', ${roleAssignments.userId}, 'role', ${roleAssignments.role},
      'scopeKind', ${roleAssignments.scopeKind}, 'scopeUnitId', ${roleAssignments.scopeUnitId},
      'scopeOrganisationId', ${roleAssignments.scopeOrganisationId},
      'createdAt', ${roleAssignments.createdAt}) ORDER BY ${sql.join(assignmentOrder, sql`, `)})
    FROM ${roleAssignments} WHERE ${roleAssignments.userId} = ${userId}), '[]'::json)`;
}

type AssignmentJson = Omit<AssignmentRow, 'createdAt'> & { createdAt: string };

export function assignmentsFromJson(rows: readonly AssignmentJson[]): AssignmentRow[] {
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function assignmentsOfMany(q: Queryable, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return q
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(...assignmentOrder);
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

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  unitId?: string | undefined;
  active?: boolean | undefined;
}

/** Users matching the filter (unsorted: names are sorted in the Vietnamese order by the caller). */
export async function findUsers(q: Queryable, filter: UserFilter): Promise<UserRow[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.q) where.push(matchesWords(users.searchText, filter.q));
  if (filter.role || filter.unitId) {
    const held: SQL[] = [eq(roleAssignments.userId, users.id)];
    if (filter.role) held.push(eq(roleAssignments.role, filter.role));
    if (filter.unitId) held.push(eq(roleAssignments.scopeUnitId, filter.unitId));
    where.push(
      exists(
        q
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(...held)),
      ),
    );
  }
  if (filter.active !== undefined) where.push(eq(users.isActive, filter.active));
  return q
    .select()
    .from(users)
    .where(and(...where));
}

export async function insertUser(q: Queryable, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await q.insert(users).values(row).returning();
  return created!;
}

export type AssignmentValues = Pick<
  typeof roleAssignments.$inferInsert,
  'role' | 'scopeKind' | 'scopeUnitId' | 'scopeOrganisationId'
>;

export async function insertAssignments(
  q: Queryable,
  userId: string,
  rows: AssignmentValues[],
): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  return q
    .insert(roleAssignments)
    .values(rows.map((r) => ({ ...r, userId })))
    .returning();
}

export async function deleteAssignments(q: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.delete(roleAssignments).where(inArray(roleAssignments.id, ids));
}

/** Locks an assignment's row for the rest of the transaction. */
export async function lockAssignment(q: Queryable, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await q
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.id, id))
    .for('update');
  return row;
}

export async function setAssignmentUnit(
  q: Queryable,
  id: string,
  scopeUnitId: string,
): Promise<AssignmentRow> {
  const [row] = await q
    .update(roleAssignments)
    .set({ scopeUnitId })
    .where(eq(roleAssignments.id, id))
    .returning();
  return row!;
}

/** Assignments scoped to any of the given units, with their users. */
export async function assignmentsOnUnits(
  q: Queryable,
  unitIds: string[],
): Promise<Array<{ assignment: AssignmentRow; user: UserRow }>> {
  if (unitIds.length === 0) return [];
  return q
    .select({ assignment: roleAssignments, user: users })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(inArray(roleAssignments.scopeUnitId, unitIds));
}

export async function findOrganisationKinds(
  q: Queryable,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.kind]));
}
