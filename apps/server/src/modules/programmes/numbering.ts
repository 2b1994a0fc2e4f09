import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/database.js';

/**
 * The ids in their new order after moving `id` to `position` (1-based, clamped to the list;
 * undefined: to the end). `id` may be absent from `ids` (a row just inserted).
 */
export function placeAt(ids: readonly string[], id: string, position?: number | null): string[] {
  const rest = ids.filter((x) => x !== id);
  const index = Math.min(Math.max((position ?? rest.length + 1) - 1, 0), rest.length);
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/**
 * Numbers the rows 1…n in the given order (all rows of one parent, in a table with `id` and
 * `number` columns under a unique (parent, number) index). The numbers are first made negative
 * so that no intermediate state breaks the index.
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
export async function applyOrder(
  q: Queryable,
  table: PgTable,
  current: readonly { id: string; number: number }[],
  order: readonly string[],
): Promise<void> {
  const numberOf = new Map(current.map((r) => [r.id, r.number]));
  if (order.every((id, i) => numberOf.get(id) === i + 1)) return;
  await renumber(q, table, order);
}
