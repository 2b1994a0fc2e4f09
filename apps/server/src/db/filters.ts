import { and, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Escapes LIKE wildcards (and the escape character itself) so user input matches literally. */
export function escapeLike(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Tone- and case-insensitive "contains": `vn_fold(column) LIKE '%' || vn_fold(needle) || '%'`. */
export function foldedContains(column: AnyColumn, needle: string): SQL {
  return sql`vn_fold(${column}) LIKE '%' || vn_fold(${escapeLike(needle)}) || '%'`;
}

/**
 * Every word of `query` occurs, tone- and case-insensitively, in one of `columns` ("so khoa hoc
 * hai phong" finds "Sở Khoa học và Công nghệ thành phố Hải Phòng"). Undefined for a blank query.
 */
export function matchesWords(columns: readonly AnyColumn[], query: string): SQL | undefined {
  const words = query.split(/\s+/).filter((w) => w !== '');
  return and(...words.map((w) => or(...columns.map((c) => foldedContains(c, w)))));
}

/** A validity interval with open (null) ends covers `date`. */
export function validOn(from: AnyColumn, to: AnyColumn, date: string): SQL {
  return sql`(${from} IS NULL OR ${from} <= ${date}) AND (${to} IS NULL OR ${to} >= ${date})`;
}
