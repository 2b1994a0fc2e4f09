import { count, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './database.js';

/** The row with this id; with `lock`, it stays locked for the rest of the transaction. */
export async function rowById<T extends PgTable & { id: AnyPgColumn }>(
  q: Queryable,
  table: T,
  id: string,
  lock = false,
): Promise<T['$inferSelect'] | undefined> {
  const query = q
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row as T['$inferSelect'] | undefined;
}

/**
 * One page of a list: the rows `query` gives (filtered by `where` and ordered) within the page,
 * and how many rows of `table` match `where` in all.
 */
export async function pageOf<S extends PgSelect>(
  q: Queryable,
  table: PgTable,
  where: SQL | undefined,
  query: S,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; items: Awaited<S> }> {
  const [counted] = await q.select({ n: count() }).from(table).where(where);
  const items = await query.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize);
  return { total: counted?.n ?? 0, items };
}
