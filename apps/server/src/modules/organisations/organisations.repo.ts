import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import type { OrganisationKind } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { rowById } from '../../db/rows.js';
import { matchesWords, validOn } from '../../db/filters.js';
import { organisations, positions, roleAssignments, users } from '../../db/schema.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationFields = Omit<
  typeof organisations.$inferInsert,
  'id' | 'createdAt' | 'updatedAt'
>;
/** An organisation with the name of its parent. */
export type OrganisationView = OrganisationRow & { parentName: string | null };

export interface OrganisationFilters {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  unitId?: string | undefined;
  parentId?: string | undefined;
  asOf?: string | undefined;
}

const parent = alias(organisations, 'parent');
function selectViews(q: Queryable, where: SQL | undefined) {
  return q
    .select({ ...getTableColumns(organisations), parentName: parent.nameVi })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(where)
    .orderBy(asc(organisations.id));
}

/** Organisations matching the filters; callers sort them in Vietnamese order. */
export async function findOrganisations(
  q: Queryable,
  f: OrganisationFilters,
): Promise<OrganisationView[]> {
  return selectViews(
    q,
    and(
      f.q ? matchesWords(organisations.searchText, f.q) : undefined,
      f.kind ? eq(organisations.kind, f.kind) : undefined,
      f.unitId ? eq(organisations.unitId, f.unitId) : undefined,
      f.parentId ? eq(organisations.parentId, f.parentId) : undefined,
      f.asOf ? validOn(organisations.validFrom, organisations.validTo, f.asOf) : undefined,
    ),
  );
}

export async function findOrganisationView(
  q: Queryable,
  id: string,
): Promise<OrganisationView | undefined> {
  const [row] = await selectViews(q, eq(organisations.id, id));
  return row;
}

/** The organisation; with `lock`, its row stays locked for the rest of the transaction. */
export const findOrganisation = (q: Queryable, id: string, lock = false) =>
  rowById(q, organisations, id, lock);

export async function findOrganisationByCode(
  q: Queryable,
  code: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await q.select().from(organisations).where(eq(organisations.code, code));
  return row;
}

export interface AncestorChain {
  /** The organisation's own unit. */
  unitId: string | null;
  /** The organisation's id, then its parent's, up to the root. */
  ids: string[];
}

/** Each organisation's chain of ancestors, in one recursive query. */
export async function ancestorChains(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, AncestorChain>> {
  const chains = new Map<string, AncestorChain>();
  if (ids.length === 0) return chains;
  const result = await q.execute<{
    origin: string;
    id: string;
    unit_id: string | null;
    depth: number;
  }>(sql`
    WITH RECURSIVE chain(origin, id, parent_id, unit_id, depth) AS (
      SELECT id, id, parent_id, unit_id, 0 FROM ${organisations}
      WHERE ${inArray(organisations.id, [...ids])}
      UNION ALL
      SELECT chain.origin, p.id, p.parent_id, p.unit_id, chain.depth + 1
      FROM chain JOIN ${organisations} p ON p.id = chain.parent_id
      WHERE chain.depth < 64
    )
    SELECT origin, id, unit_id, depth FROM chain ORDER BY origin, depth`);
  for (const row of result.rows) {
    const chain = chains.get(row.origin);
    if (chain) chain.ids.push(row.id);
    else chains.set(row.origin, { unitId: row.unit_id, ids: [row.id] });
  }
  return chains;
}

export async function childrenOf(q: Queryable, id: string) {
  return q
    .select({ id: organisations.id, nameVi: organisations.nameVi, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.parentId, id));
}

export async function hasChildOfKind(
  q: Queryable,
  id: string,
  kind: OrganisationKind,
): Promise<boolean> {
  const [row] = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.parentId, id), eq(organisations.kind, kind)))
    .limit(1);
  return !!row;
}

/** How many records point at the organisation (any of them forbids deleting it). */
export async function referencesTo(q: Queryable, id: string) {
  const count = (table: PgTable, where: SQL) =>
    sql`(SELECT count(*) FROM ${table} WHERE ${where})::int`;
  const result = await q.execute<{
    children: number;
    positions: number;
    users: number;
    roleAssignments: number;
  }>(sql`SELECT
    ${count(organisations, eq(organisations.parentId, id))} AS children,
    ${count(positions, eq(positions.organisationId, id))} AS positions,
    ${count(users, eq(users.organisationId, id))} AS users,
    ${count(roleAssignments, eq(roleAssignments.scopeOrganisationId, id))} AS "roleAssignments"`);
  return result.rows[0]!;
}

export async function insertOrganisation(
  q: Queryable,
  fields: OrganisationFields,
): Promise<OrganisationRow> {
  const [row] = await q.insert(organisations).values(fields).returning();
  return row!;
}

export async function updateOrganisation(
  q: Queryable,
  id: string,
  patch: Partial<OrganisationFields>,
): Promise<OrganisationRow> {
  const [row] = await q
    .update(organisations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row!;
}

export async function deleteOrganisation(q: Queryable, id: string): Promise<void> {
  await q.delete(organisations).where(eq(organisations.id, id));
}
