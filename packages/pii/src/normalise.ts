import { mapColumns } from './dataset.js';
import { PiiError } from './errors.js';
import { columnOf, normaliseColumn, valuesOf, type ColumnNormaliseOptions } from './columns.js';
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

/** The kernel's options, defaults filled in; `posts` for the `goalposts` method. */
function columnOptions(options: NormaliseOptions, posts?: Goalposts): ColumnNormaliseOptions {
  const method = options.method ?? NORMALISE_DEFAULTS.method;
  const base = {
    method,
    range: options.range ?? NORMALISE_DEFAULTS.range,
    mean: options.mean ?? NORMALISE_DEFAULTS.mean,
    sd: options.sd ?? NORMALISE_DEFAULTS.sd,
  };
  if (method !== 'goalposts') return base;
  if (posts === undefined) {
    throw new PiiError('INVALID_CONFIG', 'normalise: goalposts method without goalposts', {
      column: 'normalise.goalposts',
    });
  }
  return {
    ...base,
    goalposts: {
      lower: posts.lower,
      upper: posts.upper,
      scale: posts.scale ?? NORMALISE_DEFAULTS.goalpostScale,
    },
    trunc2posts: options.trunc2posts ?? NORMALISE_DEFAULTS.trunc2posts,
  };
}

/**
 * Normalises one vector (already multiplied by its direction). A constant vector has no
 * min–max or z-score: its values become missing.
 */
export function normaliseValues(values: readonly Value[], options: NormaliseOptions = {}): Value[] {
  return valuesOf(normaliseColumn(columnOf(values), 1, columnOptions(options, options.goalposts)));
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

/**
 * The kernel's options of each indicator, for its values times its direction: for the goalposts
 * method, with the indicator's goalposts, oriented; else the same options for every indicator.
 */
export function indicatorNormaliseOptions(
  framework: Framework,
  options: NormaliseOptions,
): (code: string) => ColumnNormaliseOptions {
  if ((options.method ?? NORMALISE_DEFAULTS.method) !== 'goalposts') {
    const common = columnOptions(options);
    return () => common;
  }
  return (code) =>
    columnOptions(
      options,
      orientGoalposts(
        indicatorGoalposts(framework, code, options),
        framework.nodes.get(code)?.direction ?? 1,
      ),
    );
}

/** Multiplies each indicator by its direction, then normalises it. */
export function normalise(
  data: DataSet,
  framework: Framework,
  options: NormaliseOptions = {},
): DataSet {
  const optionsOf = indicatorNormaliseOptions(framework, options);
  return mapColumns(data, (values, code) =>
    valuesOf(
      normaliseColumn(columnOf(values), framework.nodes.get(code)?.direction ?? 1, optionsOf(code)),
    ),
  );
}
