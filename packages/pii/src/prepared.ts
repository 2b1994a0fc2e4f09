/**
 * The prepared pipeline: the unit table is read into numbers once (indicators, denominators,
 * groups), the framework into index arrays once, and every run works on `Float64Array` columns
 * (`NaN` for missing). It computes the same doubles as the step functions on `DataSet`s
 * (`denominate`, `impute`, …): the parity tests hold for both.
 */
import {
  Arena,
  checkWeight,
  columnBlock,
  normaliseColumn,
  rankColumn,
  valuesOf,
  weightedMeanColumn,
  type Column,
  type MeanMethod,
} from './columns.js';
import { parsePipelineConfig, type PipelineConfig } from './config.js';
import { PiiError } from './errors.js';
import { cellNumber, checkDataAgainstFramework, textColumn } from './framework.js';
import {
  columnImputer,
  groupIndex,
  isGroupMethod,
  missingGroup,
  type GroupIndex,
} from './impute.js';
import { indicatorNormaliseOptions } from './normalise.js';
import { treatColumn, type TreatmentDetail } from './treat.js';
import type { DataSet, Framework, UnitTable, Value } from './types.js';

/** Columns of numbers for some units: `cols[j][i]` is column `codes[j]` of unit `units[i]`. */
export interface Frame {
  readonly units: readonly string[];
  readonly codes: readonly string[];
  readonly cols: readonly Column[];
}

/** The framework as index arrays: indicators first, then the aggregates level by level. */
export interface Tree {
  /** Indicator codes, then aggregate codes of level 2, 3, … */
  readonly codes: readonly string[];
  readonly indicatorCount: number;
  /** Level of each code. */
  readonly levels: Int32Array;
  /** Framework weight of each code. */
  readonly weights: Float64Array;
  /** Direction of each indicator. */
  readonly directions: Float64Array;
  /** For each aggregate (position − indicatorCount): positions of its children. */
  readonly children: readonly Int32Array[];
  /** Position of each code. */
  readonly position: ReadonlyMap<string, number>;
}

/** The unit table as numbers, read once and reused by every run. */
export interface PreparedInputs {
  readonly framework: Framework;
  readonly table: UnitTable;
  readonly tree: Tree;
  /** The indicator columns of the table, in framework order. */
  readonly raw: Frame;
  /** The indicators divided by their denominators (read on first use). */
  denominated(): Frame;
  /** The groups of a group column (read on first use); MISSING_GROUP when absent. */
  groups(name: string, method: string): GroupIndex;
}

/** Reads a text column of the table as numbers; NON_NUMERIC_VALUE names the row and column. */
function readColumn(table: UnitTable, code: string): Column {
  const raw = textColumn(table, code);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i];
    out[i] = text === null || text === undefined ? NaN : cellNumber(table, code, i, text);
  }
  return out;
}

export function buildTree(framework: Framework): Tree {
  const codes = [...framework.indicators, ...framework.aggregates.flat()];
  const position = new Map(codes.map((c, i) => [c, i]));
  const levels = new Int32Array(codes.length);
  const weights = new Float64Array(codes.length);
  codes.forEach((c, i) => {
    const n = framework.nodes.get(c)!;
    levels[i] = n.level ?? 0;
    weights[i] = n.weight;
  });
  const directions = Float64Array.from(
    framework.indicators,
    (c) => framework.nodes.get(c)!.direction,
  );
  const children = codes.slice(framework.indicators.length).map((code) =>
    Int32Array.from(framework.children.get(code) ?? [], (kid) => {
      const p = position.get(kid);
      if (p === undefined) {
        const n = framework.nodes.get(kid)!;
        throw new PiiError(
          'MISSING_COLUMN',
          `aggregate: '${kid}' (framework row ${n.row}), child of '${code}', is not in the data set`,
          { row: n.row, column: kid },
        );
      }
      return p;
    }),
  );
  return {
    codes,
    indicatorCount: framework.indicators.length,
    levels,
    weights,
    directions,
    children,
    position,
  };
}

/**
 * Reads the unit table once: the indicator columns as numbers (errors name the row and the
 * column), the framework as index arrays; denominators and groups are read when first needed.
 */
export function prepareInputs(framework: Framework, table: UnitTable): PreparedInputs {
  checkDataAgainstFramework(framework, table);
  const units = [...table.units];
  const raw: Frame = {
    units,
    codes: framework.indicators,
    cols: framework.indicators.map((code) => readColumn(table, code)),
  };
  const tree = buildTree(framework);
  let denominated: Frame | undefined;
  const groups = new Map<string, GroupIndex>();
  return {
    framework,
    table,
    tree,
    raw,
    denominated() {
      denominated ??= denominateFrame(framework, table, raw);
      return denominated;
    },
    groups(name, method) {
      let g = groups.get(name);
      if (g === undefined) {
        g = readGroups(table, name, method);
        groups.set(name, g);
      }
      return g;
    },
  };
}

function denominateFrame(framework: Framework, table: UnitTable, raw: Frame): Frame {
  const dens = new Map<string, Column>();
  for (const code of raw.codes) {
    const d = framework.nodes.get(code)?.denominator ?? null;
    if (d === null || dens.has(d)) continue;
    if (!table.columns.has(d)) {
      throw new PiiError('MISSING_DENOMINATOR', `data: denominator column '${d}' is missing`, {
        column: d,
      });
    }
    dens.set(d, readColumn(table, d));
  }
  const cols = raw.codes.map((code, j) => {
    const x = raw.cols[j]!;
    const d = framework.nodes.get(code)?.denominator ?? null;
    if (d === null) return x;
    const q = dens.get(d)!;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const a = x[i]!;
      const b = q[i]!;
      out[i] = a !== a || b !== b || b === 0 ? NaN : a / b;
    }
    return out;
  });
  return { units: raw.units, codes: raw.codes, cols };
}

function readGroups(table: UnitTable, name: string, method: string): GroupIndex {
  const raw = table.columns.get(name);
  if (raw === undefined) throw missingGroup(method, name);
  return groupIndex(raw);
}

/* ───── steps on frames ───── */

/** `impute` on a frame whose units are the table's. */
export function imputeFrame(
  inputs: PreparedInputs,
  frame: Frame,
  options: NonNullable<PipelineConfig['impute']>,
  arena?: Arena,
): Frame {
  let groups: GroupIndex;
  if (isGroupMethod(options.method)) {
    if (options.group === undefined) throw missingGroup(options.method, undefined);
    groups = inputs.groups(options.group, options.method);
  } else {
    groups = { ids: new Int32Array(frame.units.length), count: 1 };
  }
  const fill = columnImputer(groups, options.method);
  const incomplete = frame.cols.map((x) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
    return false;
  });
  const block = columnBlock(incomplete.filter(Boolean).length, frame.units.length, arena);
  let next = 0;
  const cols = frame.cols.map((x, j) => (incomplete[j] ? fill(x, block[next++]!) : x));
  return { units: frame.units, codes: frame.codes, cols };
}

export interface FrameScreened {
  readonly frame: Frame;
  readonly removedUnits: readonly string[];
}

/** `screen` on a frame. */
export function screenFrame(frame: Frame, minDataShare: number, arena?: Arena): FrameScreened {
  const n = frame.cols.length;
  const keep: number[] = [];
  const removedUnits: string[] = [];
  for (let i = 0; i < frame.units.length; i++) {
    let available = 0;
    for (let j = 0; j < n; j++) if (frame.cols[j]![i] === frame.cols[j]![i]) available++;
    const share = n === 0 ? 1 : available / n;
    if (share >= minDataShare) keep.push(i);
    else removedUnits.push(frame.units[i]!);
  }
  if (removedUnits.length === 0) return { frame, removedUnits };
  const cols = columnBlock(frame.cols.length, keep.length, arena);
  frame.cols.forEach((x, j) => {
    const out = cols[j]!;
    for (let k = 0; k < keep.length; k++) out[k] = x[keep[k]!]!;
  });
  return {
    frame: { units: keep.map((i) => frame.units[i]!), codes: frame.codes, cols },
    removedUnits,
  };
}

export interface FrameTreated {
  readonly frame: Frame;
  /** Only when asked for. */
  readonly details: TreatmentDetail[] | null;
}

/** `treat` on a frame; the details (as `treat` gives them) only when `details` is true. */
export function treatFrame(
  frame: Frame,
  options: NonNullable<PipelineConfig['treat']>,
  details: boolean,
  arena?: Arena,
): FrameTreated {
  const out: TreatmentDetail[] | null = details ? [] : null;
  let block: Column[] | undefined;
  const cols = frame.cols.map((x, j) => {
    const r = treatColumn(frame.codes[j]!, x, options, details, () => {
      block ??= columnBlock(frame.cols.length, frame.units.length, arena);
      return block[j]!;
    });
    if (r.detail !== null) out?.push(r.detail);
    return r.values;
  });
  return { frame: { units: frame.units, codes: frame.codes, cols }, details: out };
}

/** `normalise` on a frame. */
export function normaliseFrame(
  inputs: PreparedInputs,
  frame: Frame,
  options: NonNullable<PipelineConfig['normalise']>,
  arena?: Arena,
): Frame {
  const { position, directions } = inputs.tree;
  const optionsOf = indicatorNormaliseOptions(inputs.framework, options);
  const block = columnBlock(frame.cols.length, frame.units.length, arena);
  const cols = frame.cols.map((x, j) => {
    const code = frame.codes[j]!;
    return normaliseColumn(x, directions[position.get(code)!] ?? 1, optionsOf(code), block[j]);
  });
  return { units: frame.units, codes: frame.codes, cols };
}

/**
 * `aggregate` on a frame of the indicators: the weighted mean of each aggregate's children, level
 * by level. `weights` gives the weight of every code of the tree (default: the framework's).
 */
export function aggregateFrame(
  tree: Tree,
  frame: Frame,
  method: MeanMethod,
  weights: Float64Array = tree.weights,
  arena?: Arena,
): Frame {
  for (const kids of tree.children) for (const kid of kids) checkWeight(weights[kid]!);
  const cols: Column[] = [...frame.cols];
  const block = columnBlock(tree.children.length + 1, frame.units.length, arena);
  const wsum = block.pop()!;
  tree.children.forEach((kids, k) => {
    cols.push(weightedMeanColumn(cols, kids, weights, method, block[k]!, wsum));
  });
  return { units: frame.units, codes: tree.codes, cols };
}

/** A frame as a `DataSet` (`NaN` → `null`). */
export function toDataSet(frame: Frame): DataSet {
  const values = new Map<string, readonly Value[]>();
  frame.codes.forEach((c, j) => values.set(c, valuesOf(frame.cols[j]!)));
  return { units: [...frame.units], columns: [...frame.codes], values };
}

/** The ranks of every column of a frame. */
export function rankFrame(frame: Frame, arena?: Arena): Frame {
  const block = columnBlock(frame.cols.length, frame.units.length, arena);
  return {
    units: frame.units,
    codes: frame.codes,
    cols: frame.cols.map((x, j) => rankColumn(x, true, block[j])),
  };
}

/* ───── the pipeline ───── */

/** Every intermediate frame of a run. */
export interface FrameResult {
  readonly raw: Frame;
  readonly denominated: Frame | null;
  readonly imputed: Frame | null;
  readonly screened: Frame | null;
  readonly removedUnits: readonly string[];
  readonly treated: Frame | null;
  readonly treatmentDetails: readonly TreatmentDetail[] | null;
  readonly normalised: Frame | null;
  readonly aggregated: Frame | null;
  /** The last frame (the aggregated one when aggregation ran). */
  readonly last: Frame;
}

/** Room for every column a run may compute, ranks included: one allocation per run. */
export function runArena(inputs: PreparedInputs): Arena {
  const { tree } = inputs;
  const aggregates = tree.codes.length - tree.indicatorCount;
  return new Arena(inputs.raw.units.length * (5 * tree.indicatorCount + 2 * aggregates + 1));
}

/** Runs the configured steps on prepared inputs. */
export function runFrames(
  inputs: PreparedInputs,
  c: PipelineConfig,
  weights?: Float64Array,
  details = true,
  arena: Arena = runArena(inputs),
): FrameResult {
  const raw = inputs.raw;
  const denominated = c.denominate === true ? inputs.denominated() : null;
  let current = denominated ?? raw;
  const imputed = c.impute === undefined ? null : imputeFrame(inputs, current, c.impute, arena);
  current = imputed ?? current;
  const screenResult =
    c.screen === undefined ? null : screenFrame(current, c.screen.minDataShare, arena);
  const screened = screenResult?.frame ?? null;
  current = screened ?? current;
  const treatResult = c.treat === undefined ? null : treatFrame(current, c.treat, details, arena);
  const treated = treatResult?.frame ?? null;
  current = treated ?? current;
  const normalised =
    c.normalise === undefined ? null : normaliseFrame(inputs, current, c.normalise, arena);
  current = normalised ?? current;
  const aggregated =
    c.aggregate === undefined
      ? null
      : aggregateFrame(inputs.tree, current, c.aggregate.method, weights, arena);
  current = aggregated ?? current;
  return {
    raw,
    denominated,
    imputed,
    screened,
    removedUnits: screenResult?.removedUnits ?? [],
    treated,
    treatmentDetails: treatResult?.details ?? null,
    normalised,
    aggregated,
    last: current,
  };
}

/** Weights of the tree with some codes' weights replaced. */
export function weightsWith(tree: Tree, overrides: ReadonlyMap<string, number>): Float64Array {
  const w = Float64Array.from(tree.weights);
  for (const [code, value] of overrides) {
    const p = tree.position.get(code);
    if (p === undefined) {
      throw new PiiError('INVALID_WEIGHTS', `weights: '${code}' is not in the framework`, {
        column: code,
      });
    }
    w[p] = value;
  }
  return w;
}

const parsedConfigs = new WeakSet<object>();

/** A validated, frozen pipeline configuration: a prepared pipeline runs it without parsing again. */
export type PreparedConfig = PipelineConfig & { readonly __prepared: true };

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Validates a configuration once (INVALID_CONFIG); the result can be run any number of times. */
export function prepareConfig(config: unknown): PreparedConfig {
  if (typeof config === 'object' && config !== null && parsedConfigs.has(config)) {
    return config as PreparedConfig;
  }
  const c = deepFreeze(parsePipelineConfig(config));
  parsedConfigs.add(c);
  return c as PreparedConfig;
}

export interface PipelineOverrides {
  /** Weights replacing the framework's, by code. */
  readonly weights?: ReadonlyMap<string, number>;
}

/** The results of a run, as `DataSet`s. */
export interface PipelineResult {
  /** The indicator columns of the unit data. */
  readonly raw: DataSet;
  readonly denominated: DataSet | null;
  readonly imputed: DataSet | null;
  readonly screened: DataSet | null;
  readonly removedUnits: readonly string[];
  readonly treated: DataSet | null;
  readonly treatmentDetails: readonly TreatmentDetail[] | null;
  readonly normalised: DataSet | null;
  readonly aggregated: DataSet | null;
  /** Ranks of the last data set (the aggregated one when aggregation ran). */
  readonly ranks: DataSet;
}

export interface PreparedPipeline {
  readonly inputs: PreparedInputs;
  /** Runs a configuration (raw, or from `prepareConfig` to skip validation). */
  run(config: unknown, overrides?: PipelineOverrides): PipelineResult;
}

/** Reads the unit table once; each `run` then costs only the computation. */
export function preparePipeline(framework: Framework, table: UnitTable): PreparedPipeline {
  const inputs = prepareInputs(framework, table);
  return {
    inputs,
    run: (config, overrides) => runPrepared(inputs, prepareConfig(config), overrides),
  };
}

export function runPrepared(
  inputs: PreparedInputs,
  c: PipelineConfig,
  overrides?: PipelineOverrides,
): PipelineResult {
  const weights =
    overrides?.weights === undefined ? undefined : weightsWith(inputs.tree, overrides.weights);
  const arena = runArena(inputs);
  const r = runFrames(inputs, c, weights, true, arena);
  return resultOf(r, rankFrame(r.last, arena));
}

/**
 * The `DataSet`s of a run, each converted from its frame when first read (boxing every number
 * into `(number | null)[]` costs more than computing it; a caller reading only the ranks does
 * not pay for the rest).
 */
function resultOf(r: FrameResult, ranks: Frame): PipelineResult {
  const cache = new Map<string, DataSet | null>();
  const lazy = (key: string, f: Frame | null): DataSet | null => {
    let d = cache.get(key);
    if (d === undefined) {
      d = f === null ? null : toDataSet(f);
      cache.set(key, d);
    }
    return d;
  };
  return {
    get raw() {
      return lazy('raw', r.raw)!;
    },
    get denominated() {
      return lazy('denominated', r.denominated);
    },
    get imputed() {
      return lazy('imputed', r.imputed);
    },
    get screened() {
      return lazy('screened', r.screened);
    },
    removedUnits: r.removedUnits,
    get treated() {
      return lazy('treated', r.treated);
    },
    treatmentDetails: r.treatmentDetails,
    get normalised() {
      return lazy('normalised', r.normalised);
    },
    get aggregated() {
      return lazy('aggregated', r.aggregated);
    },
    get ranks() {
      return lazy('ranks', ranks)!;
    },
  };
}
