import { column, mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { rankMin } from './stats.js';
import {
  checkWeight,
  columnOf,
  valuesOf,
  weightedMeanColumn,
  type Column,
  type MeanMethod,
} from './columns.js';
import type { DataSet, Framework, Value } from './types.js';

export type AggregateMethod = MeanMethod;

/** Aggregation when not given: the weighted arithmetic mean. */
export const AGGREGATE_DEFAULT_METHOD: AggregateMethod = 'arithmetic';

export interface AggregateOptions {
  readonly method?: AggregateMethod;
}

/**
 * Weighted mean of the available values; missing values drop out and the weights of the others
 * are renormalised. `null` when no value (or no positive weight) is available. Geometric and
 * harmonic means need positive values (NON_POSITIVE_VALUE); negative weights are refused
 * (INVALID_WEIGHTS).
 */
export function weightedMean(
  values: readonly Value[],
  weights: readonly number[],
  method: AggregateMethod = AGGREGATE_DEFAULT_METHOD,
): Value {
  if (values.length !== weights.length) {
    throw new PiiError(
      'INVALID_WEIGHTS',
      `aggregate: ${values.length} values but ${weights.length} weights`,
    );
  }
  for (const w of weights) checkWeight(w);
  const cols = values.map((x) => Float64Array.of(x ?? NaN));
  const kids = cols.map((_, q) => q);
  const mean = weightedMeanColumn(
    cols,
    kids,
    weights,
    method,
    new Float64Array(1),
    new Float64Array(1),
  );
  return valuesOf(mean)[0]!;
}

/**
 * Aggregates level by level: each aggregate is the weighted mean of its children (weights from
 * the framework). Returns the input columns followed by the aggregates of each level.
 */
export function aggregate(
  data: DataSet,
  framework: Framework,
  options: AggregateOptions = {},
): DataSet {
  const method = options.method ?? AGGREGATE_DEFAULT_METHOD;
  const n = data.units.length;
  const values = new Map<string, readonly Value[]>();
  const cols = new Map<string, Column>();
  for (const c of data.columns) values.set(c, [...column(data, c)]);
  const columns = [...data.columns];
  for (const [k, level] of framework.aggregates.entries()) {
    for (const code of level) {
      const kids = framework.children.get(code) ?? [];
      const kidColumns = kids.map((kid) => {
        const computed = cols.get(kid);
        if (computed !== undefined) return computed;
        const v = values.get(kid);
        if (v === undefined) {
          const node = framework.nodes.get(kid)!;
          throw new PiiError(
            'MISSING_COLUMN',
            `aggregate: '${kid}' (framework row ${node.row}), child of '${code}' at level ${k + 2}, is not in the data set`,
            { row: node.row, column: kid },
          );
        }
        return columnOf(v);
      });
      const weights = kids.map((kid) => framework.nodes.get(kid)!.weight);
      const acc = weightedMeanColumn(
        kidColumns,
        kids.map((_, q) => q),
        weights,
        method,
        new Float64Array(n),
        new Float64Array(n),
      );
      cols.set(code, acc);
      values.set(code, valuesOf(acc));
      columns.push(code);
    }
  }
  return { units: [...data.units], columns, values };
}

/** Ranks every column: 1 = highest, ties share the lowest rank, missing stays missing. */
export function rank(data: DataSet): DataSet {
  return mapColumns(data, (values) => rankMin(values, true));
}
