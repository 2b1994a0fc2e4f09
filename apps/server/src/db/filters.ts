import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Escapes LIKE wildcards (and the escape character itself) so user input matches literally. */
export function escapeLike(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every word of `query` occurs, tone- and case-insensitively, in a record's `search_text` — a
 * stored column holding `vn_fold()` of the searched fields ("so khoa hoc hai phong" finds "Sở Khoa
 * học và Công nghệ thành phố Hải Phòng"). Undefined for a blank query.
 */
export function matchesWords(searchText: AnyColumn, query: string): SQL | undefined {
  const words = query.split(/\s+/).filter((w) => w !== '');
  return and(...words.map((w) => sql`${searchText} LIKE '%' || vn_fold(${escapeLike(w)}) || '%'`));
}

/** A validity interval with open (null) ends covers `date`. */
export function validOn(from: AnyColumn, to: AnyColumn, date: string): SQL {
  return sql`(${from} IS NULL OR ${from} <= ${date}) AND (${to} IS NULL OR ${to} >= ${date})`;
}
