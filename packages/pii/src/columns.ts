/**
 * Column kernels on `Float64Array`s, `NaN` standing for a missing value, without boxing or
 * intermediate arrays: the prepared pipeline and the Monte Carlo replications run on them, and the
 * `Value[]` functions of `stats.ts`, `treat.ts`, `normalise.ts` and `aggregate.ts` call them, so
 * both compute the same doubles.
 */
import { PiiError } from './errors.js';
import type { Value } from './types.js';

/** A column of numbers, `NaN` for missing. */
export type Column = Float64Array;

/** The number as a column value: `null` → `NaN`. */
export function columnOf(values: readonly Value[]): Column {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    out[i] = x === null || x === undefined ? NaN : x;
  }
  return out;
}

/** Back to `Value[]`: `NaN` → `null`. */
export function valuesOf(column: Column): Value[] {
  const out = new Array<Value>(column.length);
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    out[i] = x !== x ? null : x;
  }
  return out;
}

/**
 * Columns carved out of one buffer: a run allocates one buffer instead of one per column (small
 * typed arrays each get their own backing store, which costs more than the arithmetic here).
 * `reset` reuses the buffer: only for columns no longer referenced.
 */
export class Arena {
  private buffer: Float64Array;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = new Float64Array(Math.max(0, capacity));
  }

  /** `count` zeroed columns of `n` values. */
  block(count: number, n: number): Column[] {
    const size = count * n;
    if (this.used + size > this.buffer.length) {
      this.buffer = new Float64Array(Math.max(size, this.buffer.length));
      this.used = 0;
    }
    const out: Column[] = new Array<Column>(count);
    for (let j = 0; j < count; j++) {
      out[j] = this.buffer.subarray(this.used, this.used + n);
      this.used += n;
    }
    return out;
  }

  /** One zeroed column of `n` values. */
  column(n: number): Column {
    return this.block(1, n)[0]!;
  }

  /** Makes the whole buffer available again, zeroed. */
  reset(): void {
    this.buffer.fill(0, 0, this.used);
    this.used = 0;
  }
}

/** `count` columns of `n` values sharing one buffer. */
export function columnBlock(count: number, n: number, arena?: Arena): Column[] {
  return (arena ?? new Arena(count * n)).block(count, n);
}

/** Number of available values. */
export function countPresent(column: Column): number {
  let n = 0;
  for (let i = 0; i < column.length; i++) if (column[i] === column[i]) n++;
  return n;
}

/** Mean of the available values with R's correction pass (as `stats.mean`); NaN when none. */
export function columnMean(column: Column): number {
  let n = 0;
  let s = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x !== x) continue;
    s += x;
    n++;
  }
  if (n === 0) return NaN;
  const m = s / n;
  let c = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x === x) c += x - m;
  }
  return m + c / n;
}

/** Sample standard deviation of the available values (as `stats.sd`). */
export function columnSd(column: Column): number {
  const n = countPresent(column);
  if (n < 2) return NaN;
  const m = columnMean(column);
  let s = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x === x) s += (x - m) ** 2;
  }
  return Math.sqrt(s / (n - 1));
}

/**
 * The treatment check of a column: `passed` when |skewness| < the skewness threshold or kurtosis <
 * the kurtosis threshold; `null` when either cannot be computed (too few or constant values).
 */
export interface ColumnCheck {
  readonly passed: boolean | null;
  readonly skew: number;
  readonly kurt: number;
}

/**
 * Bias-adjusted sample skewness and excess kurtosis of the available values (Excel SKEW and KURT,
 * e1071 type 2); NaN with fewer than 3 (skewness) or 4 (kurtosis) values.
 */
export function columnMoments(column: Column): { skew: number; kurt: number } {
  const n = countPresent(column);
  let skew = NaN;
  let kurt = NaN;
  if (n >= 3) {
    const m = columnMean(column);
    let s2 = 0;
    let s3 = 0;
    let k2 = 0;
    let s4 = 0;
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x !== x) continue;
      const d = x - m;
      s2 += d * d;
      s3 += d * d * d;
      const d2 = (x - m) ** 2;
      k2 += d2;
      s4 += d2 * d2;
    }
    const y = (Math.sqrt(n) * s3) / s2 ** 1.5;
    skew = (y * Math.sqrt(n * (n - 1))) / (n - 2);
    if (n >= 4) {
      const r = (n * s4) / (k2 * k2);
      kurt = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
    }
  }
  return { skew, kurt };
}

export function checkColumn(
  column: Column,
  skewThreshold: number,
  kurtosisThreshold: number,
): ColumnCheck {
  const { skew, kurt } = columnMoments(column);
  if (!Number.isFinite(skew) || !Number.isFinite(kurt)) return { passed: null, skew, kurt };
  return { passed: Math.abs(skew) < skewThreshold || kurt < kurtosisThreshold, skew, kurt };
}

/** Smallest and largest available values (±Infinity when none). */
export function columnMin(column: Column): number {
  let min = Infinity;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x < min) min = x;
  }
  return min;
}

export function columnMax(column: Column): number {
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x > max) max = x;
  }
  return max;
}

const finiteOrNaN = (x: number): number => (Number.isFinite(x) ? x : NaN);

/** ln(x − min + 0.01·(max − min)) of the available values (as `logCT`). */
export function logCTColumn(column: Column, out: Column = new Float64Array(column.length)): Column {
  const min = columnMin(column);
  const max = columnMax(column);
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    out[i] = x !== x ? NaN : finiteOrNaN(Math.log(x - min + 0.01 * (max - min)));
  }
  return out;
}

/** ln((max − 1)(x − min)/(max − min) + 1) of the available values (as `logGII`). */
export function logGIIColumn(
  column: Column,
  out: Column = new Float64Array(column.length),
): Column {
  const min = columnMin(column);
  const max = columnMax(column);
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    out[i] = x !== x ? NaN : finiteOrNaN(Math.log(((max - 1) * (x - min)) / (max - min) + 1));
  }
  return out;
}

export interface ColumnWinsorised {
  readonly values: Column;
  readonly winsorised: number;
  readonly check: ColumnCheck;
  /** Units set to the next-highest value in the last step at the maximum. */
  readonly high: readonly number[];
  /** Units set to the next-lowest value in the last step at the minimum. */
  readonly low: readonly number[];
}

/** The winsorising loop of `winsorise`, on a copy of the column (into `out` when given). */
export function winsoriseColumn(
  column: Column,
  winmax: number | null,
  skewThreshold: number,
  kurtosisThreshold: number,
  start?: ColumnCheck,
  out: Column = new Float64Array(column.length),
): ColumnWinsorised {
  const x = out;
  x.set(column);
  let check = start ?? checkColumn(x, skewThreshold, kurtosisThreshold);
  let high: number[] = [];
  let low: number[] = [];
  let winsorised = 0;
  while (check.passed === false && (winmax === null || winsorised < winmax)) {
    const atHigh = check.skew >= 0;
    const target = atHigh ? columnMax(x) : columnMin(x);
    const idx: number[] = [];
    let next = atHigh ? -Infinity : Infinity;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (v !== v) continue;
      if (v === target) idx.push(i);
      else if (atHigh ? v > next : v < next) next = v;
    }
    if (!Number.isFinite(next)) break;
    for (const i of idx) x[i] = next;
    if (atHigh) high = idx;
    else low = idx;
    winsorised = high.length + low.length;
    check = checkColumn(x, skewThreshold, kurtosisThreshold);
  }
  return { values: x, winsorised, check, high, low };
}

/** Up to this many values, ranks come from an insertion sort (no call per comparison). */
const SMALL = 96;
/** Scratch space of the insertion sort, reused by every call (its content never escapes). */
const sortValues = new Float64Array(SMALL);
const sortUnits = new Int32Array(SMALL);

/**
 * Ranks with ties sharing the lowest rank (as `rankMin`), written into `out` (which may be the
 * column itself); missing stays NaN. The rank of x is 1 + the number of available values above
 * it (below it when ascending).
 */
export function rankColumn(
  column: Column,
  descending: boolean,
  out: Float64Array = new Float64Array(column.length),
): Float64Array {
  const n = column.length;
  if (n <= SMALL) {
    // Insertion sort of (value, unit) pairs, then ranks run by run of equal values.
    const values = sortValues;
    const units = sortUnits;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = column[i]!;
      if (x !== x) continue;
      let k = m++;
      while (k > 0 && values[k - 1]! > x) {
        values[k] = values[k - 1]!;
        units[k] = units[k - 1]!;
        k--;
      }
      values[k] = x;
      units[k] = i;
    }
    for (let i = 0; i < n; i++) if (column[i] !== column[i]) out[i] = NaN;
    let a = 0;
    while (a < m) {
      let b = a;
      while (b + 1 < m && values[b + 1] === values[a]) b++;
      const rank = descending ? m - b : a + 1;
      for (let k = a; k <= b; k++) out[units[k]!] = rank;
      a = b + 1;
    }
    return out;
  }
  const sorted = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = column[i]!;
    if (x === x) sorted[m++] = x;
  }
  const s = sorted.subarray(0, m).sort();
  for (let i = 0; i < n; i++) {
    const x = column[i]!;
    if (x !== x) {
      out[i] = NaN;
      continue;
    }
    let lo = 0;
    let hi = m;
    if (descending) {
      // first position whose value is above x
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      out[i] = m - lo + 1;
    } else {
      // first position whose value is not below x
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      out[i] = lo + 1;
    }
  }
  return out;
}

export type ColumnNormaliseMethod =
  'minmax' | 'zscore' | 'rank' | 'prank' | 'dist2max' | 'goalposts';

export interface ColumnNormaliseOptions {
  readonly method: ColumnNormaliseMethod;
  readonly range: readonly [number, number];
  readonly mean: number;
  readonly sd: number;
  /** `goalposts`: the posts of `direction × column`. */
  readonly goalposts?: { readonly lower: number; readonly upper: number; readonly scale: number };
  /** `goalposts`: clamps the scores to 0 and `scale`. */
  readonly trunc2posts?: boolean;
}

/**
 * Normalises `direction × column` (into `out` when given). A constant column has no min–max or
 * z-score: its values become missing.
 */
export function normaliseColumn(
  column: Column,
  direction: number,
  options: ColumnNormaliseOptions,
  out: Column = new Float64Array(column.length),
): Column {
  const n = column.length;
  const x = out;
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    x[i] = v !== v ? NaN : direction * v;
  }
  switch (options.method) {
    case 'minmax': {
      const min = columnMin(x);
      const max = columnMax(x);
      const [lo, hi] = options.range;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v === v) x[i] = finiteOrNaN(((v - min) / (max - min)) * (hi - lo) + lo);
      }
      return x;
    }
    case 'zscore': {
      const m = columnMean(x);
      const s = columnSd(x);
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v === v) x[i] = finiteOrNaN(((v - m) / s) * options.sd + options.mean);
      }
      return x;
    }
    case 'rank':
      return rankColumn(x, false, x);
    case 'prank': {
      const count = countPresent(x);
      const r = rankColumn(x, false, x);
      for (let i = 0; i < n; i++) {
        const v = r[i]!;
        if (v === v) r[i] = finiteOrNaN((v - 1) / (count - 1));
      }
      return r;
    }
    case 'dist2max': {
      const min = columnMin(x);
      const max = columnMax(x);
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v === v) x[i] = finiteOrNaN(1 - (max - v) / (max - min));
      }
      return x;
    }
    case 'goalposts': {
      const { lower, upper, scale } = options.goalposts!;
      const trunc = options.trunc2posts === true;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v !== v) continue;
        const y = (v - lower) / (upper - lower);
        x[i] = finiteOrNaN((trunc ? Math.min(1, Math.max(0, y)) : y) * scale);
      }
      return x;
    }
  }
}

export type MeanMethod = 'arithmetic' | 'geometric' | 'harmonic';

/** A weight must be a finite number ≥ 0 (INVALID_WEIGHTS). */
export function checkWeight(w: number): void {
  if (!(w >= 0) || !Number.isFinite(w)) {
    throw new PiiError('INVALID_WEIGHTS', `aggregate: weight ${w} is not a finite number ≥ 0`);
  }
}

/**
 * Weighted mean, unit by unit, of the columns `cols[kids[q]]` with the weights `weights[kids[q]]`,
 * into `acc` (zeroed; `wsum` is scratch): missing values drop out and the weights of the others are
 * renormalised; NaN when no value has weight. Geometric and harmonic means need positive values
 * (NON_POSITIVE_VALUE). Each unit sums its children in the order of `kids`.
 */
export function weightedMeanColumn(
  cols: readonly Column[],
  kids: ArrayLike<number>,
  weights: ArrayLike<number>,
  method: MeanMethod,
  acc: Column,
  wsum: Column,
): Column {
  const n = acc.length;
  wsum.fill(0);
  // Child by child over the units (contiguous columns).
  for (let q = 0; q < kids.length; q++) {
    const kid = kids[q]!;
    const x = cols[kid]!;
    const w = weights[kid]!;
    if (method === 'arithmetic') {
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v !== v) continue;
        acc[i]! += w * v;
        wsum[i]! += w;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v !== v) continue;
        if (v <= 0) {
          throw new PiiError(
            'NON_POSITIVE_VALUE',
            `aggregate: the ${method} mean needs positive values, found ${v}`,
          );
        }
        acc[i]! += method === 'geometric' ? w * Math.log(v) : w / v;
        wsum[i]! += w;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const ws = wsum[i]!;
    const a = acc[i]!;
    acc[i] =
      ws === 0
        ? NaN
        : method === 'arithmetic'
          ? a / ws
          : method === 'geometric'
            ? Math.exp(a / ws)
            : ws / a;
  }
  return acc;
}

/**
 * Type-7 quantile of values sorted ascending, computed as R's default `quantile` does:
 * index = 1 + (n − 1)·p, lo = ⌊index⌋, h = index − lo, (1 − h)·x[lo] + h·x[lo + 1] (1-based).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const a = sorted[lo - 1]!;
  const b = sorted[hi - 1]!;
  if (!(index > lo && b !== a)) return a;
  const h = index - lo;
  return (1 - h) * a + h * b;
}
