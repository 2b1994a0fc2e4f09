import { column, mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { rankMin } from './stats.js';
import type { DataSet, Framework, Value } from './types.js';

export type AggregateMethod = 'arithmetic' | 'geometric' | 'harmonic';

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
  let wsum = 0;
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new PiiError('INVALID_WEIGHTS', `aggregate: weight ${w} is not a finite number ≥ 0`);
    }
    if (x === null) continue;
    if (method !== 'arithmetic' && x <= 0) {
      throw new PiiError(
        'NON_POSITIVE_VALUE',
        `aggregate: the ${method} mean needs positive values, found ${x}`,
      );
    }
    wsum += w;
    if (method === 'arithmetic') acc += w * x;
    else if (method === 'geometric') acc += w * Math.log(x);
    else acc += w / x;
  }
  if (wsum === 0) return null;
  if (method === 'arithmetic') return acc / wsum;
  if (method === 'geometric') return Math.exp(acc / wsum);
  return wsum / acc;
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
  const values = new Map<string, readonly Value[]>();
  for (const c of data.columns) values.set(c, [...column(data, c)]);
  const columns = [...data.columns];
  for (const [k, level] of framework.aggregates.entries()) {
    for (const code of level) {
      const kids = framework.children.get(code) ?? [];
      const kidValues = kids.map((kid) => {
        const v = values.get(kid);
        if (v === undefined) {
          const n = framework.nodes.get(kid)!;
          throw new PiiError(
            'MISSING_COLUMN',
            `aggregate: '${kid}' (framework row ${n.row}), child of '${code}' at level ${k + 2}, is not in the data set`,
            { row: n.row, column: kid },
          );
        }
        return v;
      });
      const weights = kids.map((kid) => framework.nodes.get(kid)!.weight);
      values.set(
        code,
        data.units.map((_, i) =>
          weightedMean(
            kidValues.map((v) => v[i]!),
            weights,
            method,
          ),
        ),
      );
      columns.push(code);
    }
  }
  return { units: [...data.units], columns, values };
}

/** Ranks every column: 1 = highest, ties share the lowest rank, missing stays missing. */
export function rank(data: DataSet): DataSet {
  return mapColumns(data, (values) => rankMin(values, true));
}
