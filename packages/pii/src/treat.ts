import { mapColumns } from './dataset.js';
import { extremes, finiteOrNull, kurtosis, present, skewness } from './stats.js';
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

export interface SkewKurtCheck {
  /** `null` when skewness or kurtosis cannot be computed (too few or constant values). */
  readonly passed: boolean | null;
  readonly skew: number;
  readonly kurt: number;
}

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
  const xs = present(values);
  const skew = skewness(xs);
  const kurt = kurtosis(xs);
  if (!Number.isFinite(skew) || !Number.isFinite(kurt)) return { passed: null, skew, kurt };
  return { passed: Math.abs(skew) < skewThreshold || kurt < kurtosisThreshold, skew, kurt };
}

/** ln(x − min + 0.01·(max − min)). */
export function logCT(values: readonly Value[]): Value[] {
  const { min, max } = extremes(values);
  return values.map((x) =>
    x === null ? null : finiteOrNull(Math.log(x - min + 0.01 * (max - min))),
  );
}

/** ln((max − 1)(x − min)/(max − min) + 1). */
export function logGII(values: readonly Value[]): Value[] {
  const { min, max } = extremes(values);
  return values.map((x) =>
    x === null ? null : finiteOrNull(Math.log(((max - 1) * (x - min)) / (max - min) + 1)),
  );
}

export interface WinsoriseResult {
  readonly values: Value[];
  /** Points at the last winsorised maximum plus points at the last winsorised minimum. */
  readonly winsorised: number;
  readonly check: SkewKurtCheck;
  readonly treatedPoints: string[];
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
  const x = [...values];
  let check = checkSkewKurt(x, skewThreshold, kurtosisThreshold);
  let high: number[] = [];
  let low: number[] = [];
  let winsorised = 0;
  while (check.passed === false && (winmax === null || winsorised < winmax)) {
    const { min, max } = extremes(x);
    const atHigh = check.skew >= 0;
    const target = atHigh ? max : min;
    const idx: number[] = [];
    let next = atHigh ? -Infinity : Infinity;
    x.forEach((v, i) => {
      if (v === null) return;
      if (v === target) idx.push(i);
      else if (atHigh ? v > next : v < next) next = v;
    });
    if (!Number.isFinite(next)) break;
    for (const i of idx) x[i] = next;
    if (atHigh) high = idx;
    else low = idx;
    winsorised = high.length + low.length;
    check = checkSkewKurt(x, skewThreshold, kurtosisThreshold);
  }
  const treatedPoints = x.map(() => '');
  for (const i of high) treatedPoints[i] = 'winhi';
  for (const i of low) treatedPoints[i] = 'winlo';
  return { values: x, winsorised, check, treatedPoints };
}

/** Treats one indicator: check, winsorise if failing, fallback on the untreated values if still failing. */
export function treatIndicator(
  iCode: string,
  values: readonly Value[],
  options: TreatOptions = {},
): { values: Value[]; detail: TreatmentDetail } {
  const winmax = options.winmax === undefined ? TREAT_DEFAULTS.winmax : options.winmax;
  const skewT = options.skewThreshold ?? TREAT_DEFAULTS.skewThreshold;
  const kurtT = options.kurtosisThreshold ?? TREAT_DEFAULTS.kurtosisThreshold;
  const fallback = options.fallback ?? TREAT_DEFAULTS.fallback;
  const before = checkSkewKurt(values, skewT, kurtT);
  const untouched = values.map(() => '');
  if (before.passed !== false) {
    return {
      values: [...values],
      detail: {
        iCode,
        before,
        winsorised: null,
        afterWinsorising: null,
        fallback: null,
        afterFallback: null,
        treatedPoints: untouched,
      },
    };
  }
  const win = winsorise(values, winmax, skewT, kurtT);
  if (win.check.passed !== false || fallback === 'none') {
    return {
      values: win.values,
      detail: {
        iCode,
        before,
        winsorised: win.winsorised,
        afterWinsorising: win.check,
        fallback: null,
        afterFallback: null,
        treatedPoints: win.treatedPoints,
      },
    };
  }
  const transformed = fallback === 'log_CT' ? logCT(values) : logGII(values);
  return {
    values: transformed,
    detail: {
      iCode,
      before,
      winsorised: win.winsorised,
      afterWinsorising: win.check,
      fallback,
      afterFallback: checkSkewKurt(transformed, skewT, kurtT),
      treatedPoints: values.map(() => fallback),
    },
  };
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
