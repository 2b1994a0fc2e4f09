import { and, asc, desc, eq, exists, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { rowById } from '../../db/rows.js';
import { matchesWords, validOn } from '../../db/filters.js';
import { organisations, people, positions, users } from '../../db/schema.js';

export type PersonRow = typeof people.$inferSelect;
export type PersonFields = Omit<typeof people.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PositionRow = typeof positions.$inferSelect;
export type PositionFields = Omit<typeof positions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
/** A position with the name of its organisation. */
export type PositionView = PositionRow & { organisationName: string };

export interface PeopleFilters {
  q?: string | undefined;
  organisationId?: string | undefined;
  asOf?: string | undefined;
}

/** Newest first: latest start, then latest recorded. */
const newestFirst = [
  sql`${positions.validFrom} DESC NULLS LAST`,
  desc(positions.createdAt),
  asc(positions.id),
];

/** People matching the filters; callers sort them in Vietnamese order. */
export async function findPeople(q: Queryable, f: PeopleFilters): Promise<PersonRow[]> {
  const holding =
    f.organisationId || f.asOf
      ? exists(
          q
            .select({ one: sql`1` })
            .from(positions)
            .where(
              and(
                eq(positions.personId, people.id),
                f.organisationId ? eq(positions.organisationId, f.organisationId) : undefined,
                f.asOf ? validOn(positions.validFrom, positions.validTo, f.asOf) : undefined,
              ),
            ),
        )
      : undefined;
  return q
    .select()
    .from(people)
    .where(and(f.q ? matchesWords(people.searchText, f.q) : undefined, holding))
    .orderBy(asc(people.id));
}

export const findPerson = (q: Queryable, id: string, lock = false) => rowById(q, people, id, lock);

function selectPositions(q: Queryable, where: SQL) {
  return q
    .select({ ...getTableColumns(positions), organisationName: organisations.nameVi })
    .from(positions)
    .innerJoin(organisations, eq(organisations.id, positions.organisationId))
    .where(where)
    .orderBy(...newestFirst);
}

/** The positions of the given people, newest first. */
export async function positionsOf(
  q: Queryable,
  personIds: readonly string[],
): Promise<PositionView[]> {
  if (personIds.length === 0) return [];
  return selectPositions(q, inArray(positions.personId, [...personIds]));
}

export const findPosition = (q: Queryable, id: string, lock = false) =>
  rowById(q, positions, id, lock);

export async function findPositionView(
  q: Queryable,
  id: string,
): Promise<PositionView | undefined> {
  const [row] = await selectPositions(q, eq(positions.id, id));
  return row;
}

/** The positions held in an organisation, with the holders' names, newest first. */
export async function positionsAtOrganisation(q: Queryable, organisationId: string) {
  return q
    .select({ ...getTableColumns(positions), personName: people.fullName })
    .from(positions)
    .innerJoin(people, eq(people.id, positions.personId))
    .where(eq(positions.organisationId, organisationId))
    .orderBy(...newestFirst);
}

export async function countUsersOfPerson(q: Queryable, personId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.personId, personId));
  return row?.n ?? 0;
}

export async function insertPerson(q: Queryable, fields: PersonFields): Promise<PersonRow> {
  const [row] = await q.insert(people).values(fields).returning();
  return row!;
}

export async function updatePerson(
  q: Queryable,
  id: string,
  patch: Partial<PersonFields>,
): Promise<PersonRow> {
  const [row] = await q
    .update(people)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(people.id, id))
    .returning();
  return row!;
}

export async function deletePerson(q: Queryable, id: string): Promise<void> {
  await q.delete(people).where(eq(people.id, id));
}

export async function insertPosition(q: Queryable, fields: PositionFields): Promise<PositionRow> {
  const [row] = await q.insert(positions).values(fields).returning();
  return row!;
}

export async function updatePosition(
  q: Queryable,
  id: string,
  patch: Partial<PositionFields>,
): Promise<PositionRow> {
  const [row] = await q
    .update(positions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(positions.id, id))
    .returning();
  return row!;
}

export async function deletePosition(q: Queryable, id: string): Promise<void> {
  await q.delete(positions).where(eq(positions.id, id));
}
