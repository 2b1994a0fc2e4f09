/**
 * Monte Carlo uncertainty analysis (COINr's `get_sensitivity(SA_type = "UA")`): each replication
 * draws one alternative of every uncertain choice and noisy weights, reruns the pipeline and ranks
 * the index; the ranks of each unit over the replications give its rank statistics.
 */
import { z } from 'zod';
import { Arena, columnMean, quantileSorted, rankColumn } from './columns.js';
import { issuesOf, parsePipelineConfig, type PipelineConfig } from './config.js';
import { PiiError } from './errors.js';
import {
  aggregateFrame,
  imputeFrame,
  normaliseFrame,
  prepareInputs,
  screenFrame,
  treatFrame,
  type Frame,
  type PreparedInputs,
} from './prepared.js';
import { streamFor, taggedStream } from './random.js';
import type { Framework, UnitTable } from './types.js';

/* ───── the specification ───── */

const STEPS = ['denominate', 'impute', 'screen', 'treat', 'normalise', 'aggregate'] as const;
type Step = (typeof STEPS)[number];

export const uncertaintySpecSchema = z
  .object({
    /** Replications (uncertainty) or base sample size N (sensitivity: N·(d + 2) runs). */
    runs: z.number().int().min(1).max(1_000_000),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
    /** Path into the pipeline configuration (`treat.winmax`) or a step (`normalise`) → values. */
    alternatives: z.record(z.string().min(1), z.array(z.unknown()).min(1).max(10_000)).default({}),
    /** Framework level → noise factor f: each weight w of that level becomes w + (2u − 1)·f·w. */
    weightNoise: z.record(z.string(), z.number().min(0).max(1)).default({}),
    /** The aggregate whose rank is analysed; default: the single aggregate of the top level. */
    target: z.string().min(1).optional(),
    /** Sensitivity: bootstrap samples for the confidence intervals. */
    bootstrap: z.number().int().min(0).max(100_000).default(1000),
  })
  .strict();

export type UncertaintySpecInput = z.input<typeof uncertaintySpecSchema>;
export type UncertaintySpec = z.output<typeof uncertaintySpecSchema>;

function specError(key: string, message: string): PiiError {
  return new PiiError('INVALID_SPEC', `uncertainty spec, ${key}: ${message}`, { column: key });
}

/** Validates the shape of a specification (e.g. parsed `ua.json`); INVALID_SPEC names the key. */
export function parseUncertaintySpec(input: unknown): UncertaintySpec {
  const r = uncertaintySpecSchema.safeParse(input);
  if (!r.success) {
    const { key, text } = issuesOf(r.error);
    throw new PiiError('INVALID_SPEC', `uncertainty spec: ${text}`, { column: key });
  }
  return r.data;
}

/* ───── the model: uniform numbers → index ranks ───── */

/** One input factor: an uncertain choice or the weight noise of a level. */
export type Factor =
  | {
      readonly kind: 'choice';
      readonly name: string;
      readonly path: readonly string[];
      readonly values: readonly unknown[];
    }
  | {
      readonly kind: 'noise';
      readonly name: string;
      readonly level: number;
      readonly factor: number;
      /** Tree positions of the level's nodes. */
      readonly nodes: Int32Array;
    };

/** What a replication needs, built once per process (main thread or worker). */
export interface Model {
  readonly inputs: PreparedInputs;
  readonly spec: UncertaintySpec;
  readonly nominal: PipelineConfig;
  readonly factors: readonly Factor[];
  /** The analysed aggregate and its position in the tree. */
  readonly target: string;
  readonly targetPosition: number;
  /** Units of the table, in table order: the rank vectors are indexed by them. */
  readonly units: readonly string[];
  /** Validated configurations by choice indices. */
  readonly configs: Map<string, PipelineConfig>;
  /** Frames before aggregation, by the steps' configuration. */
  readonly frames: Map<string, PreAggregate>;
  /** Scratch columns of a replication's aggregation and ranks, reused by the next one. */
  readonly scratch: Arena;
}

interface PreAggregate {
  readonly frame: Frame;
  /** Position in the table of each unit of the frame. */
  readonly unitIndex: Int32Array;
}

const MAX_CACHED = 512;

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The nominal configuration with the alternatives `choices[k]` of the choice factors. */
function configWith(
  nominal: PipelineConfig,
  factors: readonly Factor[],
  choices: readonly number[],
): unknown {
  const c = structuredClone(nominal) as Record<string, unknown>;
  let k = 0;
  for (const f of factors) {
    if (f.kind !== 'choice') continue;
    setAt(c, f.path, structuredClone(f.values[choices[k++]!]));
  }
  return c;
}

function buildFactors(
  spec: UncertaintySpec,
  nominal: PipelineConfig,
  inputs: PreparedInputs,
): Factor[] {
  const factors: Factor[] = [];
  for (const [name, values] of Object.entries(spec.alternatives)) {
    const path = name.split('.');
    const step = path[0] as Step;
    if (!STEPS.includes(step) || path.some((p) => p === '')) {
      throw specError(
        `alternatives.${name}`,
        `not a step of the pipeline configuration (${STEPS.join(', ')}) or a dotted path into one`,
      );
    }
    if (path.length > 1 && (nominal[step] === undefined || typeof nominal[step] !== 'object')) {
      throw specError(`alternatives.${name}`, `the pipeline configuration has no ${step} step`);
    }
    factors.push({ kind: 'choice', name, path, values });
  }
  const { tree, framework } = inputs;
  const levels = Object.entries(spec.weightNoise)
    .map(([key, factor]) => {
      const level = Number(key);
      if (!/^\d+$/.test(key) || level < 1 || level > framework.maxLevel) {
        throw specError(
          `weightNoise.${key}`,
          `not a level of the framework (1 to ${framework.maxLevel})`,
        );
      }
      return { key, level, factor };
    })
    .sort((a, b) => a.level - b.level);
  for (const { key, level, factor } of levels) {
    const nodes: number[] = [];
    tree.levels.forEach((l, p) => {
      if (l === level) nodes.push(p);
    });
    factors.push({
      kind: 'noise',
      name: `weightNoise.${key}`,
      level,
      factor,
      nodes: Int32Array.from(nodes),
    });
  }
  // Every alternative must give a valid configuration.
  factors.forEach((f, k) => {
    if (f.kind !== 'choice') return;
    f.values.forEach((_, v) => {
      const choices = factors.filter((g) => g.kind === 'choice').map(() => 0);
      choices[factors.slice(0, k).filter((g) => g.kind === 'choice').length] = v;
      try {
        parsePipelineConfig(configWith(nominal, factors, choices));
      } catch (error) {
        if (!(error instanceof PiiError)) throw error;
        throw specError(
          `alternatives.${f.name}[${v}]`,
          `${JSON.stringify(f.values[v])} does not give a valid configuration (${error.message})`,
        );
      }
    });
  });
  return factors;
}

function findTarget(spec: UncertaintySpec, inputs: PreparedInputs): string {
  const { framework } = inputs;
  if (spec.target !== undefined) {
    if (framework.nodes.get(spec.target)?.type !== 'Aggregate') {
      throw specError('target', `'${spec.target}' is not an aggregate of the framework`);
    }
    return spec.target;
  }
  const top = framework.aggregates[framework.aggregates.length - 1] ?? [];
  if (top.length !== 1) {
    throw specError(
      'target',
      top.length === 0
        ? 'the framework has no aggregate to rank'
        : `the top level has ${top.length} aggregates (${top.join(', ')}): name the one to analyse`,
    );
  }
  return top[0]!;
}

/**
 * Checks the specification against the pipeline configuration and the framework, and reads the
 * inputs once. Errors: INVALID_CONFIG (the nominal configuration), INVALID_SPEC (naming the key).
 */
export function createModel(
  framework: Framework,
  table: UnitTable,
  config: unknown,
  specInput: unknown,
  inputs: PreparedInputs = prepareInputs(framework, table),
): Model {
  const nominal = parsePipelineConfig(config);
  const spec = parseUncertaintySpec(specInput);
  if (nominal.aggregate === undefined) {
    throw specError(
      'target',
      'the pipeline configuration has no aggregate step: there is no index to rank',
    );
  }
  const factors = buildFactors(spec, nominal, inputs);
  const target = findTarget(spec, inputs);
  return {
    inputs,
    spec,
    nominal,
    factors,
    target,
    targetPosition: inputs.tree.position.get(target)!,
    units: inputs.raw.units,
    configs: new Map(),
    frames: new Map(),
    scratch: new Arena(0),
  };
}

/** The configuration of a replication, validated once per combination of choices. */
function configFor(model: Model, choices: number[]): PipelineConfig {
  const key = choices.join(',');
  let c = model.configs.get(key);
  if (c === undefined) {
    c = parsePipelineConfig(configWith(model.nominal, model.factors, choices));
    if (model.configs.size >= MAX_CACHED) model.configs.clear();
    model.configs.set(key, c);
  }
  return c;
}

/**
 * The steps before aggregation, reused across replications with the same configuration of those
 * steps (the steps are pure: the same configuration gives the same frame).
 */
function preAggregate(model: Model, c: PipelineConfig): PreAggregate {
  const key = JSON.stringify([c.denominate, c.impute, c.screen, c.treat, c.normalise]);
  let p = model.frames.get(key);
  if (p !== undefined) return p;
  const inputs = model.inputs;
  let frame = c.denominate === true ? inputs.denominated() : inputs.raw;
  if (c.impute !== undefined) frame = imputeFrame(inputs, frame, c.impute);
  if (c.screen !== undefined) frame = screenFrame(frame, c.screen.minDataShare).frame;
  if (c.treat !== undefined) frame = treatFrame(frame, c.treat, false).frame;
  if (c.normalise !== undefined) frame = normaliseFrame(inputs, frame, c.normalise);
  const position = new Map(model.units.map((u, i) => [u, i]));
  const unitIndex = Int32Array.from(frame.units, (u) => position.get(u)!);
  p = { frame, unitIndex };
  if (model.frames.size >= MAX_CACHED) model.frames.clear();
  model.frames.set(key, p);
  return p;
}

/** Tags keeping the weight-noise streams apart from the replications' own. */
export const NOISE_TAG = 1;

/** Weights with the noise of each noise factor, drawn from a stream chosen by its number u. */
function noisyWeights(model: Model, u: ArrayLike<number>): Float64Array {
  const weights = Float64Array.from(model.inputs.tree.weights);
  model.factors.forEach((f, k) => {
    if (f.kind !== 'noise' || f.factor === 0) return;
    const rng = taggedStream(
      model.spec.seed,
      NOISE_TAG * 1000 + f.level,
      Math.floor(u[k]! * 4294967296),
    );
    for (const p of f.nodes) {
      const w = weights[p]!;
      weights[p] = w + (2 * rng.next() - 1) * f.factor * w;
    }
  });
  return weights;
}

/** Error of a replication that could not be computed (as COINr, its ranks are missing). */
export interface ReplicationFailure {
  readonly index: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Index ranks of the table's units (NaN when a unit is not ranked) for one point `u` of [0, 1)^d:
 * u[k] picks alternative ⌊u[k]·n⌋ of choice k, or the noise vector of level k's weights.
 */
export function evaluatePoint(model: Model, u: ArrayLike<number>, out: Float64Array): void {
  const choices: number[] = [];
  model.factors.forEach((f, k) => {
    if (f.kind === 'choice')
      choices.push(Math.min(f.values.length - 1, Math.floor(u[k]! * f.values.length)));
  });
  const c = configFor(model, choices);
  const hasNoise = model.factors.some((f) => f.kind === 'noise');
  model.scratch.reset();
  indexRanks(
    model,
    c,
    hasNoise ? noisyWeights(model, u) : model.inputs.tree.weights,
    out,
    model.scratch,
  );
}

/** The target's ranks of the table's units (NaN when not ranked) under `c` and `weights`. */
function indexRanks(
  model: Model,
  c: PipelineConfig,
  weights: Float64Array,
  out: Float64Array,
  arena?: Arena,
): void {
  const pre = preAggregate(model, c);
  const aggregated = aggregateFrame(
    model.inputs.tree,
    pre.frame,
    c.aggregate!.method,
    weights,
    arena,
  );
  const target = aggregated.cols[model.targetPosition]!;
  const ranks = rankColumn(target, true, arena?.column(target.length));
  out.fill(NaN);
  for (let i = 0; i < ranks.length; i++) out[pre.unitIndex[i]!] = ranks[i]!;
}

/** Replication i's point: d numbers of its own stream (seed, i). */
export function uncertaintyPoint(model: Model, index: number, out: Float64Array): void {
  const rng = streamFor(model.spec.seed, index);
  for (let k = 0; k < out.length; k++) out[k] = rng.next();
}

/** A way of numbering the points of an analysis (replications, or a Saltelli design). */
export type PointOf = (model: Model, index: number, out: Float64Array) => void;

export interface EvaluatedPoints {
  /** Rank vectors, one after the other: point `start + r` at offset r × units. */
  readonly ranks: Float64Array;
  readonly failures: readonly ReplicationFailure[];
}

/** The most rank values an analysis keeps (replications × units): 160 MB of doubles. */
export const MAX_RANK_VALUES = 20_000_000;

/** Refuses an analysis whose ranks would not fit in memory (INVALID_SPEC on `runs`). */
export function checkPointCount(model: Model, total: number): void {
  if (total * model.units.length > MAX_RANK_VALUES) {
    throw specError(
      'runs',
      `${total} replications × ${model.units.length} units is more than the ${MAX_RANK_VALUES} ranks an analysis keeps`,
    );
  }
}

/** Evaluates points [start, end): what each worker does with its chunk. */
export function evaluatePoints(
  model: Model,
  pointOf: PointOf,
  start: number,
  end: number,
): EvaluatedPoints {
  const n = model.units.length;
  const ranks = new Float64Array((end - start) * n);
  const failures: ReplicationFailure[] = [];
  const u = new Float64Array(model.factors.length);
  for (let i = start; i < end; i++) {
    const out = ranks.subarray((i - start) * n, (i - start + 1) * n);
    pointOf(model, i, u);
    try {
      evaluatePoint(model, u, out);
    } catch (error) {
      if (!(error instanceof PiiError)) throw error;
      out.fill(NaN);
      failures.push({ index: i, code: error.code, message: error.message });
    }
  }
  return { ranks, failures };
}

/** The nominal index ranks (nominal configuration and weights). */
export function nominalRanks(model: Model): Float64Array {
  const out = new Float64Array(model.units.length);
  indexRanks(model, model.nominal, model.inputs.tree.weights, out);
  return out;
}

/* ───── statistics ───── */

export interface RankStats {
  readonly uCode: string;
  /** Rank with the nominal configuration and weights. */
  readonly nominal: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  /** 5th and 95th percentiles, R's type 7 (`stats::quantile` default, as COINr). */
  readonly q5: number | null;
  readonly q95: number | null;
}

export interface UncertaintyResult {
  readonly target: string;
  readonly runs: number;
  readonly seed: number;
  /** Replications whose pipeline failed (e.g. a geometric mean meeting a value ≤ 0). */
  readonly failures: readonly ReplicationFailure[];
  readonly rankStats: readonly RankStats[];
  /** Each replication's ranks (`runs × units`, replication-major), when asked for. */
  readonly ranks?: Float64Array;
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Rank statistics of each unit over the first `count` rank vectors (missing ranks left out). */
export function rankStatistics(
  units: readonly string[],
  nominal: Float64Array,
  ranks: Float64Array,
  count: number,
): RankStats[] {
  const n = units.length;
  const values: number[] = [];
  return units.map((uCode, i) => {
    values.length = 0;
    for (let r = 0; r < count; r++) {
      const x = ranks[r * n + i]!;
      if (x === x) values.push(x);
    }
    const column = Float64Array.from(values);
    const m = columnMean(column);
    const sorted = column.sort();
    return {
      uCode,
      nominal: nullable(nominal[i]!),
      mean: nullable(m),
      median: nullable(quantileSorted(sorted, 0.5)),
      q5: nullable(quantileSorted(sorted, 0.05)),
      q95: nullable(quantileSorted(sorted, 0.95)),
    };
  });
}

export interface UncertaintyOptions {
  /** Keep every replication's ranks in the result. */
  readonly keepRanks?: boolean;
}

/** Builds the result from the evaluated replications (in index order). */
export function uncertaintyResult(
  model: Model,
  evaluated: EvaluatedPoints,
  options: UncertaintyOptions = {},
): UncertaintyResult {
  const nominal = nominalRanks(model);
  return {
    target: model.target,
    runs: model.spec.runs,
    seed: model.spec.seed,
    failures: evaluated.failures,
    rankStats: rankStatistics(model.units, nominal, evaluated.ranks, model.spec.runs),
    ...(options.keepRanks === true ? { ranks: evaluated.ranks } : {}),
  };
}

/**
 * Uncertainty analysis in the calling thread (browser, tests, and the body of each worker of
 * `runUncertaintyParallel`). Replication i draws from its own stream (seed, i): the result does
 * not depend on how the replications are split.
 */
export function runUncertainty(
  framework: Framework,
  table: UnitTable,
  config: unknown,
  spec: unknown,
  options: UncertaintyOptions = {},
): UncertaintyResult {
  const model = createModel(framework, table, config, spec);
  checkPointCount(model, model.spec.runs);
  const evaluated = evaluatePoints(model, uncertaintyPoint, 0, model.spec.runs);
  return uncertaintyResult(model, evaluated, options);
}
