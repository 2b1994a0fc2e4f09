import { PiiError } from './errors.js';
import type { DataSet, Value } from './types.js';

/** The values of one column; throws MISSING_COLUMN when absent. */
export function column(data: DataSet, code: string): readonly Value[] {
  const v = data.values.get(code);
  if (v === undefined) {
    throw new PiiError('MISSING_COLUMN', `data set: column '${code}' is missing`, { column: code });
  }
  return v;
}

/** A new data set with each column transformed. */
export function mapColumns(
  data: DataSet,
  f: (values: readonly Value[], code: string) => readonly Value[],
): DataSet {
  const values = new Map<string, readonly Value[]>();
  for (const code of data.columns) values.set(code, f(column(data, code), code));
  return { units: [...data.units], columns: [...data.columns], values };
}

/** Builds a data set from rows: `rows[unit][column]`. */
export function fromRows(
  units: readonly string[],
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): DataSet {
  const values = new Map<string, Value[]>();
  columns.forEach((c, j) =>
    values.set(
      c,
      units.map((_, i) => rows[i]?.[j] ?? null),
    ),
  );
  return { units: [...units], columns: [...columns], values };
}
