import { mapColumns } from './dataset.js';
import {
  checkColumn,
  columnOf,
  logCTColumn,
  logGIIColumn,
  valuesOf,
  winsoriseColumn,
  type Column,
  type ColumnCheck,
  type ColumnWinsorised,
} from './columns.js';
import type { DataSet, Value } from './types.js';

export type TreatFallback = 'log_CT' | 'log_GII' | 'none';

/** The treatment's parameters when not given (COINr's defaults). */
export const TREAT_DEFAULTS = {
  winmax: 5,
  skewThreshold: 2,
  kurtosisThreshold: 3.5,
  fallback: 'log_CT',
} as const satisfies Required<TreatOptions>;

export interface TreatOptions {
  /** Maximum number of winsorised points; `null` for no limit. Default 5. */
  readonly winmax?: number | null;
  /** Default 2. */
  readonly skewThreshold?: number;
  /** Default 3.5. */
  readonly kurtosisThreshold?: number;
  /** Applied to the untreated values when winsorising is not enough. Default `log_CT`. */
  readonly fallback?: TreatFallback;
}

/** `passed` is `null` when skewness or kurtosis cannot be computed (too few or constant values). */
export type SkewKurtCheck = ColumnCheck;

export interface TreatmentDetail {
  readonly iCode: string;
  /** Check of the untreated values. */
  readonly before: SkewKurtCheck;
  /** Points winsorised, `null` when winsorising was not tried (the indicator passed). */
  readonly winsorised: number | null;
  /** Check after winsorising, `null` when not tried. */
  readonly afterWinsorising: SkewKurtCheck | null;
  /** The fallback transformation applied to the untreated values, if any. */
  readonly fallback: Exclude<TreatFallback, 'none'> | null;
  /** Check after the fallback, `null` when no fallback was applied. */
  readonly afterFallback: SkewKurtCheck | null;
  /** Per unit: `winhi`, `winlo`, the fallback name, or empty when untouched. */
  readonly treatedPoints: readonly string[];
}

export interface TreatResult {
  readonly data: DataSet;
  readonly details: readonly TreatmentDetail[];
}

/** Passes when |skewness| < skewThreshold OR kurtosis < kurtosisThreshold. */
export function checkSkewKurt(
  values: readonly Value[],
  skewThreshold: number = TREAT_DEFAULTS.skewThreshold,
  kurtosisThreshold: number = TREAT_DEFAULTS.kurtosisThreshold,
): SkewKurtCheck {
  return checkColumn(columnOf(values), skewThreshold, kurtosisThreshold);
}

/** ln(x − min + 0.01·(max − min)). */
export function logCT(values: readonly Value[]): Value[] {
  return valuesOf(logCTColumn(columnOf(values)));
}

/** ln((max − 1)(x − min)/(max − min) + 1). */
export function logGII(values: readonly Value[]): Value[] {
  return valuesOf(logGIIColumn(columnOf(values)));
}

export interface WinsoriseResult {
  readonly values: Value[];
  /** Points at the last winsorised maximum plus points at the last winsorised minimum. */
  readonly winsorised: number;
  readonly check: SkewKurtCheck;
  readonly treatedPoints: string[];
}

/** `winhi` and `winlo` at the points set in the last step at the maximum and at the minimum. */
function winsorisedPoints(length: number, win: ColumnWinsorised): string[] {
  const treatedPoints = new Array<string>(length).fill('');
  for (const i of win.high) treatedPoints[i] = 'winhi';
  for (const i of win.low) treatedPoints[i] = 'winlo';
  return treatedPoints;
}

/**
 * Winsorises while the check fails and fewer than `winmax` points are winsorised: with
 * skewness ≥ 0, every point at the maximum takes the next-highest distinct value (else the
 * minimum and the next-lowest). Tied points count individually.
 */
export function winsorise(
  values: readonly Value[],
  winmax: number | null = TREAT_DEFAULTS.winmax,
  skewThreshold: number = TREAT_DEFAULTS.skewThreshold,
  kurtosisThreshold: number = TREAT_DEFAULTS.kurtosisThreshold,
): WinsoriseResult {
  const win = winsoriseColumn(columnOf(values), winmax, skewThreshold, kurtosisThreshold);
  return {
    values: valuesOf(win.values),
    winsorised: win.winsorised,
    check: win.check,
    treatedPoints: winsorisedPoints(values.length, win),
  };
}

/**
 * Treats one column (NaN for missing): check, winsorise if failing (into the column `scratch`
 * gives), fallback on the untreated values if still failing. The detail only when `withDetail`.
 */
export function treatColumn(
  iCode: string,
  x: Column,
  options: Required<TreatOptions>,
  withDetail: boolean,
  scratch: () => Column = () => new Float64Array(x.length),
): { values: Column; detail: TreatmentDetail | null } {
  const { winmax, skewThreshold, kurtosisThreshold, fallback } = options;
  const before = checkColumn(x, skewThreshold, kurtosisThreshold);
  if (before.passed !== false) {
    return {
      values: x,
      detail: withDetail
        ? {
            iCode,
            before,
            winsorised: null,
            afterWinsorising: null,
            fallback: null,
            afterFallback: null,
            treatedPoints: new Array<string>(x.length).fill(''),
          }
        : null,
    };
  }
  const out = scratch();
  const win = winsoriseColumn(x, winmax, skewThreshold, kurtosisThreshold, before, out);
  if (win.check.passed !== false || fallback === 'none') {
    return {
      values: win.values,
      detail: withDetail
        ? {
            iCode,
            before,
            winsorised: win.winsorised,
            afterWinsorising: win.check,
            fallback: null,
            afterFallback: null,
            treatedPoints: winsorisedPoints(x.length, win),
          }
        : null,
    };
  }
  const transformed = fallback === 'log_CT' ? logCTColumn(x, out) : logGIIColumn(x, out);
  return {
    values: transformed,
    detail: withDetail
      ? {
          iCode,
          before,
          winsorised: win.winsorised,
          afterWinsorising: win.check,
          fallback,
          afterFallback: checkColumn(transformed, skewThreshold, kurtosisThreshold),
          treatedPoints: new Array<string>(x.length).fill(fallback),
        }
      : null,
  };
}

/** The options with COINr's defaults for those not given. */
function treatOptions(options: TreatOptions): Required<TreatOptions> {
  return {
    winmax: options.winmax === undefined ? TREAT_DEFAULTS.winmax : options.winmax,
    skewThreshold: options.skewThreshold ?? TREAT_DEFAULTS.skewThreshold,
    kurtosisThreshold: options.kurtosisThreshold ?? TREAT_DEFAULTS.kurtosisThreshold,
    fallback: options.fallback ?? TREAT_DEFAULTS.fallback,
  };
}

/** Treats one indicator: check, winsorise if failing, fallback on the untreated values if still failing. */
export function treatIndicator(
  iCode: string,
  values: readonly Value[],
  options: TreatOptions = {},
): { values: Value[]; detail: TreatmentDetail } {
  const r = treatColumn(iCode, columnOf(values), treatOptions(options), true);
  return { values: valuesOf(r.values), detail: r.detail! };
}

/** Treats every column of the data set for outliers. */
export function treat(data: DataSet, options: TreatOptions = {}): TreatResult {
  const details: TreatmentDetail[] = [];
  const treated = mapColumns(data, (values, code) => {
    const r = treatIndicator(code, values, options);
    details.push(r.detail);
    return r.values;
  });
  return { data: treated, details };
}
