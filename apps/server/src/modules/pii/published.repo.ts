import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/database.js';
import { piiPublishedResults } from '../../db/schema.js';

export type PublishedRow = Omit<typeof piiPublishedResults.$inferSelect, 'id'>;

/** Published results, by year, then rank (unranked last), then order in the reference file. */
export async function publishedRows(q: Queryable, year?: number): Promise<PublishedRow[]> {
  const { id: _id, ...columns } = getTableColumns(piiPublishedResults);
  return q
    .select(columns)
    .from(piiPublishedResults)
    .where(year === undefined ? undefined : eq(piiPublishedResults.year, year))
    .orderBy(
      asc(piiPublishedResults.year),
      sql`${piiPublishedResults.rank} ASC NULLS LAST`,
      asc(piiPublishedResults.position),
    );
}

/** Replaces every published result (inside the caller's transaction). */
export async function replacePublished(tx: Tx, rows: readonly PublishedRow[]): Promise<void> {
  await tx.delete(piiPublishedResults);
  if (rows.length > 0) await tx.insert(piiPublishedResults).values([...rows]);
}
