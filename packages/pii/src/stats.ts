/**
 * Statistics of `Value[]` and `number[]` vectors, computed by the column kernels of `columns.ts`
 * (the same doubles as the pipeline's).
 */
import {
  columnMax,
  columnMean,
  columnMin,
  columnMoments,
  columnOf,
  columnSd,
  rankColumn,
  valuesOf,
} from './columns.js';
import type { Value } from './types.js';

/** The smallest and largest available values (±Infinity when none). */
export function extremes(values: readonly Value[]): { min: number; max: number } {
  const column = columnOf(values);
  return { min: columnMin(column), max: columnMax(column) };
}

/** Arithmetic mean with a correction pass (as R's `mean`); NaN when empty. */
export function mean(xs: readonly number[]): number {
  return columnMean(Float64Array.from(xs));
}

/** Median (mean of the two middle values when even); NaN when empty. */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Sample standard deviation (n − 1); NaN when fewer than 2 values. */
export function sd(xs: readonly number[]): number {
  return columnSd(Float64Array.from(xs));
}

/** Bias-adjusted sample skewness (Excel SKEW, e1071 type 2); NaN when fewer than 3 values. */
export function skewness(xs: readonly number[]): number {
  return columnMoments(Float64Array.from(xs)).skew;
}

/** Bias-adjusted sample excess kurtosis (Excel KURT, e1071 type 2); NaN when fewer than 4 values. */
export function kurtosis(xs: readonly number[]): number {
  return columnMoments(Float64Array.from(xs)).kurt;
}

/**
 * Ranks with ties sharing the lowest rank (R's `ties.method = "min"`); missing stays missing.
 * `descending`: rank 1 is the highest value.
 */
export function rankMin(xs: readonly Value[], descending: boolean): Value[] {
  return valuesOf(rankColumn(columnOf(xs), descending));
}
