import type { Column } from './columns.js';
import { columnOf, valuesOf } from './columns.js';
import { mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { median } from './stats.js';
import type { DataSet, UnitTable } from './types.js';

export type ImputeMethod = 'mean' | 'median' | 'group-mean' | 'group-median';

export interface ImputeOptions {
  readonly method: ImputeMethod;
  /** Unit attribute column holding the group of each unit (for the group methods). */
  readonly group?: string;
}

/** The group of each unit as a number: `ids[i]` in 0 … count − 1, −1 when the unit has none. */
export interface GroupIndex {
  readonly ids: Int32Array;
  readonly count: number;
}

/** Numbers the distinct labels in order of appearance; `null` is no group. */
export function groupIndex(labels: readonly (string | null | undefined)[]): GroupIndex {
  const ids = new Int32Array(labels.length);
  const seen = new Map<string, number>();
  labels.forEach((g, i) => {
    if (g === null || g === undefined) {
      ids[i] = -1;
      return;
    }
    let id = seen.get(g);
    if (id === undefined) {
      id = seen.size;
      seen.set(g, id);
    }
    ids[i] = id;
  });
  return { ids, count: seen.size };
}

/** MISSING_GROUP: a group method without its group column. */
export function missingGroup(method: string, name: string | undefined): PiiError {
  return new PiiError(
    'MISSING_GROUP',
    `impute: method '${method}' needs the group column '${name ?? '(none)'}' in the unit data`,
    { column: name ?? 'group' },
  );
}

export const isGroupMethod = (method: ImputeMethod): boolean =>
  method === 'group-mean' || method === 'group-median';

/**
 * Fills each missing value of a column (into `out`) with the mean (R's, as `stats.mean`) or the
 * median of the available values of its unit's group; it stays missing when the unit has no group
 * or the group no available value. The scratch space is reused from column to column.
 */
export function columnImputer(
  groups: GroupIndex,
  method: ImputeMethod,
): (x: Column, out: Column) => Column {
  const { ids, count } = groups;
  const useMean = method === 'mean' || method === 'group-mean';
  const sums = new Float64Array(count);
  const counts = new Int32Array(count);
  const fill = new Float64Array(count);
  const lists: number[][] = Array.from({ length: count }, () => []);
  return (x, out) => {
    if (useMean) {
      sums.fill(0);
      counts.fill(0);
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const g = ids[i]!;
        if (v !== v || g < 0) continue;
        sums[g]! += v;
        counts[g]!++;
      }
      for (let g = 0; g < count; g++) fill[g] = sums[g]! / counts[g]!;
      // R's correction pass, per group, as `stats.mean`.
      sums.fill(0);
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const g = ids[i]!;
        if (v !== v || g < 0) continue;
        sums[g]! += v - fill[g]!;
      }
      for (let g = 0; g < count; g++) {
        fill[g] = counts[g] === 0 ? NaN : fill[g]! + sums[g]! / counts[g]!;
      }
    } else {
      for (const list of lists) list.length = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const g = ids[i]!;
        if (v === v && g >= 0) lists[g]!.push(v);
      }
      for (let g = 0; g < count; g++) fill[g] = median(lists[g]!);
    }
    out.set(x);
    for (let i = 0; i < x.length; i++) {
      if (out[i] === out[i]) continue;
      const g = ids[i]!;
      out[i] = g < 0 ? NaN : fill[g]!;
    }
    return out;
  };
}

/**
 * Replaces missing values of each indicator by the mean or median of its available values,
 * over all units or over the units of the same group. A value stays missing when its group
 * (or the whole column) has no available value.
 */
export function impute(data: DataSet, options: ImputeOptions, table?: UnitTable): DataSet {
  let labels: readonly (string | null)[] = data.units.map(() => '');
  if (isGroupMethod(options.method)) {
    const name = options.group;
    const raw = name === undefined ? undefined : table?.columns.get(name);
    if (table === undefined || raw === undefined) throw missingGroup(options.method, name);
    const position = new Map(table.units.map((u, i) => [u, i]));
    labels = data.units.map((u) => {
      const p = position.get(u);
      return p === undefined ? null : (raw[p] ?? null);
    });
  }
  const fill = columnImputer(groupIndex(labels), options.method);
  return mapColumns(data, (values) => {
    const x = columnOf(values);
    return valuesOf(fill(x, new Float64Array(x.length)));
  });
}
