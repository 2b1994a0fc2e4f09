import { mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { mean, median } from './stats.js';
import type { DataSet, UnitTable, Value } from './types.js';

export type ImputeMethod = 'mean' | 'median' | 'group-mean' | 'group-median';

export interface ImputeOptions {
  readonly method: ImputeMethod;
  /** Unit attribute column holding the group of each unit (for the group methods). */
  readonly group?: string;
}

/**
 * Replaces missing values of each indicator by the mean or median of its available values,
 * over all units or over the units of the same group. A value stays missing when its group
 * (or the whole column) has no available value.
 */
export function impute(data: DataSet, options: ImputeOptions, table?: UnitTable): DataSet {
  const stat = options.method === 'mean' || options.method === 'group-mean' ? mean : median;
  const grouped = options.method === 'group-mean' || options.method === 'group-median';
  let groups: (string | null)[] = data.units.map(() => '');
  if (grouped) {
    const name = options.group;
    const raw = name === undefined ? undefined : table?.columns.get(name);
    if (name === undefined || table === undefined || raw === undefined) {
      throw new PiiError(
        'MISSING_GROUP',
        `impute: method '${options.method}' needs the group column '${name ?? '(none)'}' in the unit data`,
        { column: name ?? 'group' },
      );
    }
    const position = new Map(table.units.map((u, i) => [u, i]));
    groups = data.units.map((u) => {
      const p = position.get(u);
      return p === undefined ? null : (raw[p] ?? null);
    });
  }
  return mapColumns(data, (values) => {
    const byGroup = new Map<string, number[]>();
    values.forEach((x, i) => {
      const g = groups[i];
      if (x === null || g === null || g === undefined) return;
      const list = byGroup.get(g);
      if (list === undefined) byGroup.set(g, [x]);
      else list.push(x);
    });
    const fill = new Map<string, number>();
    for (const [g, xs] of byGroup) fill.set(g, stat(xs));
    return values.map((x, i): Value => {
      if (x !== null) return x;
      const g = groups[i];
      if (g === null || g === undefined) return null;
      return fill.get(g) ?? null;
    });
  });
}
