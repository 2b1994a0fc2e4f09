import { mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { extremes, finiteOrNull, mean, present, rankMin, sd } from './stats.js';
import type { DataSet, Framework, Value } from './types.js';

export type NormaliseMethod = 'minmax' | 'zscore' | 'rank' | 'prank' | 'dist2max' | 'goalposts';

/** Goalposts of an indicator, in its own units: `lower` < `upper`; the result is scaled by `scale`. */
export interface Goalposts {
  readonly lower: number;
  readonly upper: number;
  /** Default 100. */
  readonly scale?: number;
}

/** The normalisation's parameters when not given: min–max onto 0–100. */
export const NORMALISE_DEFAULTS = {
  method: 'minmax',
  range: [0, 100],
  mean: 0,
  sd: 1,
  goalpostScale: 100,
  trunc2posts: true,
} as const satisfies Required<Omit<NormaliseOptions, 'goalposts'>> & { goalpostScale: number };

export interface NormaliseOptions {
  readonly method?: NormaliseMethod;
  /** Target range of `minmax`. Default [0, 100]. */
  readonly range?: readonly [number, number];
  /** Mean of `zscore`. Default 0. */
  readonly mean?: number;
  /** Standard deviation of `zscore`. Default 1. */
  readonly sd?: number;
  /**
   * `goalposts`: posts used for an indicator whose framework row has none. In `normaliseValues`,
   * the posts of the vector, already oriented (see `orientGoalposts`).
   */
  readonly goalposts?: Goalposts;
  /** `goalposts`: clamps values outside the posts to 0 and `scale`. Default true. */
  readonly trunc2posts?: boolean;
}

/**
 * The posts for values already multiplied by `direction` (COINr 1.1.14, `n_goalposts` through
 * `get_iMeta_norm_paras`): for direction −1 the posts become (−upper, −lower), so the score is
 * (upper − x) / (upper − lower) in the indicator's own units.
 */
export function orientGoalposts(posts: Goalposts, direction: 1 | -1): Goalposts {
  return direction === 1 ? posts : { ...posts, lower: -posts.upper, upper: -posts.lower };
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
    case 'goalposts': {
      const posts = options.goalposts;
      if (posts === undefined) {
        throw new PiiError('INVALID_CONFIG', 'normalise: goalposts method without goalposts', {
          column: 'normalise.goalposts',
        });
      }
      const { lower, upper } = posts;
      const scale = posts.scale ?? NORMALISE_DEFAULTS.goalpostScale;
      const trunc = options.trunc2posts ?? NORMALISE_DEFAULTS.trunc2posts;
      return values.map((x) => {
        if (x === null) return null;
        const y = (x - lower) / (upper - lower);
        return finiteOrNull((trunc ? Math.min(1, Math.max(0, y)) : y) * scale);
      });
    }
  }
}

/**
 * The goalposts of an indicator: its framework row's, else the configuration's; a clear error
 * (naming the framework row) when neither gives any.
 */
export function indicatorGoalposts(
  framework: Framework,
  code: string,
  options: NormaliseOptions,
): Goalposts {
  const node = framework.nodes.get(code);
  if (node?.goalposts != null) return node.goalposts;
  if (options.goalposts !== undefined) return options.goalposts;
  throw new PiiError(
    'INVALID_VALUE',
    `framework row ${node?.row ?? '?'}, column goalpost_lower: indicator '${code}' has no goalposts and the configuration gives no default (normalise.goalposts)`,
    { row: node?.row, column: 'goalpost_lower' },
  );
}

/** Multiplies each indicator by its direction, then normalises it. */
export function normalise(
  data: DataSet,
  framework: Framework,
  options: NormaliseOptions = {},
): DataSet {
  const method = options.method ?? NORMALISE_DEFAULTS.method;
  return mapColumns(data, (values, code) => {
    const dir = framework.nodes.get(code)?.direction ?? 1;
    return normaliseValues(
      values.map((x) => (x === null ? null : dir * x)),
      method === 'goalposts'
        ? {
            ...options,
            goalposts: orientGoalposts(indicatorGoalposts(framework, code, options), dir),
          }
        : options,
    );
  });
}
