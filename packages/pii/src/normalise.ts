import { mapColumns } from './dataset.js';
import { extremes, finiteOrNull, mean, present, rankMin, sd } from './stats.js';
import type { DataSet, Framework, Value } from './types.js';

export type NormaliseMethod = 'minmax' | 'zscore' | 'rank' | 'prank' | 'dist2max';

/** The normalisation's parameters when not given: min–max onto 0–100. */
export const NORMALISE_DEFAULTS = {
  method: 'minmax',
  range: [0, 100],
  mean: 0,
  sd: 1,
} as const satisfies Required<NormaliseOptions>;

export interface NormaliseOptions {
  readonly method?: NormaliseMethod;
  /** Target range of `minmax`. Default [0, 100]. */
  readonly range?: readonly [number, number];
  /** Mean of `zscore`. Default 0. */
  readonly mean?: number;
  /** Standard deviation of `zscore`. Default 1. */
  readonly sd?: number;
}

/**
 * Normalises one vector (already multiplied by its direction). A constant vector has no
 * min–max or z-score: its values become missing.
 */
export function normaliseValues(values: readonly Value[], options: NormaliseOptions = {}): Value[] {
  const method = options.method ?? NORMALISE_DEFAULTS.method;
  const xs = present(values);
  const { min, max } = extremes(values);
  switch (method) {
    case 'minmax': {
      const [lo, hi] = options.range ?? NORMALISE_DEFAULTS.range;
      return values.map((x) =>
        x === null ? null : finiteOrNull(((x - min) / (max - min)) * (hi - lo) + lo),
      );
    }
    case 'zscore': {
      const m = mean(xs);
      const s = sd(xs);
      const tm = options.mean ?? NORMALISE_DEFAULTS.mean;
      const ts = options.sd ?? NORMALISE_DEFAULTS.sd;
      return values.map((x) => (x === null ? null : finiteOrNull(((x - m) / s) * ts + tm)));
    }
    case 'rank':
      return rankMin(values, false);
    case 'prank': {
      const n = xs.length;
      return rankMin(values, false).map((r) =>
        r === null ? null : finiteOrNull((r - 1) / (n - 1)),
      );
    }
    case 'dist2max':
      return values.map((x) => (x === null ? null : finiteOrNull(1 - (max - x) / (max - min))));
  }
}

/** Multiplies each indicator by its direction, then normalises it. */
export function normalise(
  data: DataSet,
  framework: Framework,
  options: NormaliseOptions = {},
): DataSet {
  return mapColumns(data, (values, code) => {
    const dir = framework.nodes.get(code)?.direction ?? 1;
    return normaliseValues(
      values.map((x) => (x === null ? null : dir * x)),
      options,
    );
  });
}
