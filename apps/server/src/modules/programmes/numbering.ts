import { asc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/database.js';

/** A table of rows numbered 1…n within their parent, under a unique (parent, number) index. */
type NumberedTable = PgTable & {
  id: AnyPgColumn<{ data: string; notNull: true }>;
  number: AnyPgColumn<{ data: number; notNull: true }>;
};
type Numbered = { id: string; number: number };

/**
 * The ids in their new order after moving `id` to `position` (1-based, clamped to the list;
 * undefined: to the end). `id` may be absent from `ids` (a row just inserted).
 */
export function placeAt(ids: readonly string[], id: string, position?: number | null): string[] {
  const rest = ids.filter((x) => x !== id);
  const index = Math.min(Math.max((position ?? rest.length + 1) - 1, 0), rest.length);
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/** The rows of one parent (ids and numbers) in their order. */
export function numbersOf(
  q: Queryable,
  table: NumberedTable,
  parentColumn: AnyPgColumn,
  parentId: string,
): Promise<Numbered[]> {
  return q
    .select({ id: table.id, number: table.number })
    .from(table)
    .where(eq(parentColumn, parentId))
    .orderBy(asc(table.number));
}

/** The number a new row takes before it is moved to its place: after the last. */
export const nextNumber = (rows: readonly Numbered[]) =>
  Math.max(0, ...rows.map((r) => r.number)) + 1;

/**
 * Numbers the rows 1…n in the given order (all rows of one parent). The numbers are first made
 * negative so that no intermediate state breaks the unique index.
 */
async function renumber(
  q: Queryable,
  table: PgTable,
  orderedIds: readonly string[],
): Promise<void> {
  if (orderedIds.length === 0) return;
  const ids = sql.join(
    orderedIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await q.execute(sql`UPDATE ${table} SET number = -number WHERE id IN (${ids})`);
  const values = sql.join(
    orderedIds.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
    sql`, `,
  );
  await q.execute(
    sql`UPDATE ${table} AS t SET number = v.n FROM (VALUES ${values}) AS v(id, n) WHERE t.id = v.id`,
  );
}

/** Gives the rows the numbers 1…n in `order` (ids), touching nothing when they already have them. */
async function applyOrder(
  q: Queryable,
  table: PgTable,
  rows: readonly Numbered[],
  order: readonly string[],
): Promise<void> {
  const numberOf = new Map(rows.map((r) => [r.id, r.number]));
  if (order.every((id, i) => numberOf.get(id) === i + 1)) return;
  await renumber(q, table, order);
}

/** Moves the row `id` to `position` among the parent's `rows` (see `placeAt`), renumbering 1…n. */
export function moveTo(
  q: Queryable,
  table: NumberedTable,
  rows: readonly Numbered[],
  id: string,
  position?: number | null,
): Promise<void> {
  return applyOrder(
    q,
    table,
    rows,
    placeAt(
      rows.map((r) => r.id),
      id,
      position,
    ),
  );
}

/** Renumbers the parent's remaining `rows` 1…n in their order (after one was deleted). */
export function closeGaps(q: Queryable, table: NumberedTable, rows: readonly Numbered[]) {
  return applyOrder(
    q,
    table,
    rows,
    rows.map((r) => r.id),
  );
}
