/**
 * PII computation runs: read the accepted statistics on the edition's units, run the engine
 * (pipeline, audit, strengths and weaknesses, uncertainty analysis) and store inputs and outputs
 * once, with the SHA-256 of the inputs. A run is never changed; it can be computed again from its
 * stored inputs to prove that it reproduces (decision 0030).
 */
import { createHash } from 'node:crypto';
import {
  audit as auditOf,
  buildFramework,
  indexCode,
  PiiError,
  runPipeline,
  runUncertainty,
  type Audit,
  type DataSet,
  type Framework,
  type FrameworkRow,
  type PipelineResult,
  type TreatmentDetail,
  type UnitTable,
} from '@caunoi/pii';
import type { PiiUnitBasis } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import { writeTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import { loadCatalogue } from '../statistics/catalogue.repo.js';
import { editionRow, nodeRows } from './editions.repo.js';
import { readRunTable, type RunNode, type RunSources, type RunTable } from './runs.inputs.js';
import * as repo from './runs.repo.js';
import { DEFAULT_UNCERTAINTY_RUNS, type ComputeRunBody } from './runs.schemas.js';

/** The uncertainty analysis of a run (the engine's specification). */
export interface UncertaintySpec {
  runs: number;
  seed: number;
  /** Step parameter → the alternatives each replication draws one of. */
  alternatives: Record<string, unknown[]>;
  /** Level → weight noise fraction (w + (2u − 1)·f·w). */
  weightNoise: Record<string, number>;
}

/** Statistics of a unit's index rank over the replications. */
export interface RankStatistics {
  nominal: number | null;
  mean: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

/** What a run reads, stored with it and hashed. */
export interface RunInputs {
  /** The framework rows, in order. */
  framework: RunNode[];
  /** The engine's pipeline configuration. */
  config: Record<string, unknown>;
  unitBasis: PiiUnitBasis;
  dataYear: number;
  sources: RunSources;
  table: RunTable;
  /** The uncertainty analysis; null when none was asked for. */
  uncertainty: UncertaintySpec | null;
}

/** A data set as stored: unit codes, column codes, a column of numbers per code. */
export interface StoredDataSet {
  units: string[];
  columns: string[];
  values: Record<string, Array<number | null>>;
}

/** Everything a run computed, as stored. */
export interface RunOutputs {
  raw: StoredDataSet;
  denominated: StoredDataSet | null;
  imputed: StoredDataSet | null;
  screened: StoredDataSet | null;
  removedUnits: string[];
  treated: StoredDataSet | null;
  treatment: TreatmentDetail[] | null;
  normalised: StoredDataSet | null;
  aggregated: StoredDataSet | null;
  ranks: StoredDataSet;
  /** Code of the index (the top aggregate). */
  index: string | null;
  /** Correlations, Cronbach's alpha, PCA, efficiency and each unit's strengths and weaknesses. */
  audit: Audit;
  /** Rank statistics of the index per unit code; null without an uncertainty analysis. */
  uncertainty: Record<string, RankStatistics> | null;
}

/** What a run's computation needs besides its inputs. */
export interface RunsEnv {
  registry: UnitRegistry;
}

/**
 * JSON with the keys of every object sorted, so that equal values always give the same text
 * (and the same hash), whatever order a database returns the keys of a `jsonb` in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of a run's canonical inputs, hex. */
export const inputHashOf = (inputs: RunInputs) => sha256(canonicalJson(inputs));

/**
 * The seed of the uncertainty analysis, drawn from the run's data (framework, configuration and
 * values): computing the same inputs again draws the same replications and hashes the same.
 */
export function seedOf(inputs: Omit<RunInputs, 'uncertainty'>): number {
  return Number.parseInt(sha256(canonicalJson({ ...inputs, uncertainty: null })).slice(0, 8), 16);
}

/** The framework rows as the engine reads them (it ignores the level of a row it does not score). */
export function frameworkRows(nodes: readonly RunNode[]): FrameworkRow[] {
  return nodes.map((n) => ({
    iCode: n.code,
    type: n.type,
    level: n.level,
    name: n.nameVi,
    parent: n.parent,
    weight: n.weight,
    direction: n.direction,
    denominator: n.denominator,
  }));
}

/** The stored table as the engine's unit data (unit codes, text cells). */
export function unitTable(table: RunTable): UnitTable {
  return {
    units: table.units.map((u) => u.code),
    columns: new Map(
      Object.entries(table.columns).map(([code, values]) => [
        code,
        values.map((v) => (v === null ? null : String(v))),
      ]),
    ),
  };
}

const finite = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

function storedDataSet(d: DataSet): StoredDataSet {
  const values: Record<string, Array<number | null>> = {};
  for (const code of d.columns) values[code] = (d.values.get(code) ?? []).map(finite);
  return { units: [...d.units], columns: [...d.columns], values };
}
const storedOrNull = (d: DataSet | null) => (d === null ? null : storedDataSet(d));

/** A framework refused by the engine, with where (row of the framework, column) and why. */
function engineError(e: unknown): never {
  if (e instanceof PiiError) {
    const details = { code: e.code, row: e.row ?? null, column: e.column ?? null };
    const framework = [
      'DUPLICATE_CODE',
      'INVALID_TYPE',
      'INVALID_LEVEL',
      'UNKNOWN_PARENT',
      'INVALID_PARENT',
      'CYCLE',
      'EMPTY_AGGREGATE',
      'UNKNOWN_DENOMINATOR',
    ].includes(e.code);
    throw new AppError(
      framework ? 'PII_FRAMEWORK_INVALID' : 'PII_COMPUTE_FAILED',
      framework
        ? `Khung chỉ số không hợp lệ (dòng ${e.row ?? '?'}, cột ${e.column ?? '?'}): ${e.message}`
        : `Không tính được chỉ số: ${e.message}`,
      details,
    );
  }
  throw e;
}

/** The output and input sub-indexes under the index, when the framework has them. */
function efficiencyCodes(
  framework: Framework,
  nodes: readonly RunNode[],
): { output: string; input: string } | undefined {
  const index = indexCode(framework);
  if (index === null) return undefined;
  const kids = nodes.filter((n) => n.parent === index && n.type === 'Aggregate');
  const find = (re: RegExp, vi: string) =>
    kids.find((n) => re.test(n.code) || re.test(n.nameEn ?? '') || n.nameVi.includes(vi))?.code;
  const output = find(/output/i, 'đầu ra');
  const input = find(/input/i, 'đầu vào');
  return output && input && output !== input ? { output, input } : undefined;
}

/**
 * Rank statistics of the index per unit code over the replications of the uncertainty analysis.
 * Replications draw from streams of (seed, replication), so the result is the same however they
 * are split between threads.
 */
async function uncertaintyOf(
  framework: Framework,
  table: UnitTable,
  config: Record<string, unknown>,
  spec: UncertaintySpec,
): Promise<Record<string, RankStatistics>> {
  // The engine draws the uncertain choices in the order of their keys, and `jsonb` does not keep
  // the order keys were written in: the specification is given with its keys sorted.
  const canonical = JSON.parse(canonicalJson(spec)) as UncertaintySpec;
  const result = runUncertainty(framework, table, config, canonical);
  const out: Record<string, RankStatistics> = {};
  for (const r of result.rankStats) {
    out[r.uCode] = { nominal: r.nominal, mean: r.mean, median: r.median, q5: r.q5, q95: r.q95 };
  }
  return out;
}

/** Runs the engine on a run's inputs: every output, in the shape stored. */
export async function computeOutputs(inputs: RunInputs): Promise<RunOutputs> {
  let framework: Framework;
  let result: PipelineResult;
  let audit: Audit;
  const table = unitTable(inputs.table);
  const config = JSON.parse(canonicalJson(inputs.config)) as Record<string, unknown>;
  try {
    framework = buildFramework(frameworkRows(inputs.framework));
    result = runPipeline(framework, table, config);
    const efficiency = efficiencyCodes(framework, inputs.framework);
    audit = auditOf(framework, result, efficiency ? { efficiency } : {});
  } catch (e) {
    engineError(e);
  }
  let uncertainty: RunOutputs['uncertainty'] = null;
  if (inputs.uncertainty !== null && inputs.uncertainty.runs > 0) {
    try {
      uncertainty = await uncertaintyOf(framework, table, config, inputs.uncertainty);
    } catch (e) {
      engineError(e);
    }
  }
  return {
    raw: storedDataSet(result.raw),
    denominated: storedOrNull(result.denominated),
    imputed: storedOrNull(result.imputed),
    screened: storedOrNull(result.screened),
    removedUnits: [...result.removedUnits],
    treated: storedOrNull(result.treated),
    treatment:
      result.treatmentDetails === null
        ? null
        : (JSON.parse(canonicalJson(result.treatmentDetails)) as TreatmentDetail[]),
    normalised: storedOrNull(result.normalised),
    aggregated: storedOrNull(result.aggregated),
    ranks: storedDataSet(result.ranks),
    index: indexCode(framework),
    // Through JSON (a number that is not finite becomes null): what is stored is what a later
    // comparison reads back.
    audit: JSON.parse(canonicalJson(audit)) as Audit,
    uncertainty,
  };
}

/**
 * The default uncertainty analysis (decision 0030): each replication draws a winsorisation limit
 * of 1–5 (when the configuration treats outliers) and the arithmetic or geometric mean, on
 * min–max scores 1–100 so that a geometric mean never meets a zero, with the weights of pillars
 * and sub-indexes each moved by up to ±25%.
 */
export function defaultSpec(
  nodes: readonly RunNode[],
  config: Record<string, unknown>,
  runs: number,
  seed: number,
): UncertaintySpec {
  const levels = nodes.map((n) => n.level ?? 0);
  const top = Math.max(2, ...levels);
  const alternatives: UncertaintySpec['alternatives'] = {};
  if (config.treat !== undefined) alternatives['treat.winmax'] = [1, 2, 3, 4, 5];
  alternatives.normalise = [{ method: 'minmax', range: [1, 100] }];
  alternatives['aggregate.method'] = ['arithmetic', 'geometric'];
  const weightNoise: Record<string, number> = {};
  for (const level of [top - 2, top - 1]) if (level >= 2) weightNoise[String(level)] = 0.25;
  return { runs, seed, alternatives, weightNoise };
}

/** A run's summary as the API gives it. */
export type RunSummary = repo.RunSummaryRow;

/** A run with its stored inputs and outputs, typed. */
export interface RunDetail extends repo.RunSummaryRow {
  inputs: RunInputs;
  outputs: RunOutputs;
}

export async function listRuns(ctx: Ctx, editionId?: string): Promise<RunSummary[]> {
  return repo.listRunRows(ctx.database.db, editionId);
}

export async function getRun(ctx: Ctx, id: string): Promise<RunDetail> {
  const row = await repo.runRow(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy lần tính chỉ số.');
  return row as unknown as RunDetail;
}

/**
 * Computes a run of an edition: reads the edition and the accepted values in one transaction,
 * runs the engine, stores the run and its audit entry. Refuses with PII_NO_DATA,
 * PII_INDICATOR_NO_DATA, PII_UNIT_NO_DATA, PII_BASIS_MISMATCH, PII_FRAMEWORK_INVALID or
 * PII_COMPUTE_FAILED, writing nothing.
 */
export async function computeRun(ctx: Ctx, env: RunsEnv, body: ComputeRunBody): Promise<RunDetail> {
  const catalogue = await loadCatalogue(ctx.database.db);
  const created = await writeTransaction(ctx, async ({ tx, audit }) => {
    const edition = await editionRow(tx, body.editionId);
    if (!edition) throw new AppError('NOT_FOUND', 'Không tìm thấy kỳ chỉ số (ấn bản khung).');
    const framework: RunNode[] = (await nodeRows(tx, edition.id)).map((n) => ({
      code: n.code,
      type: n.type,
      level: n.level,
      nameVi: n.nameVi,
      nameEn: n.nameEn,
      parent: n.parent,
      weight: n.weight,
      direction: n.direction,
      denominator: n.denominator,
      sourceIndicator: n.sourceIndicator,
      unitVi: n.unitVi,
    }));
    if (!framework.some((n) => n.type === 'Indicator')) {
      throw new AppError(
        'PII_FRAMEWORK_INVALID',
        'Khung chỉ số của ấn bản chưa có chỉ số thành phần nào: hãy nhập khung trước khi tính.',
        { row: null, column: 'Type', code: 'INVALID_VALUE' },
      );
    }
    const dataYear = body.dataYear ?? edition.dataYear;
    const { table, sources } = await readRunTable(tx, {
      registry: env.registry,
      catalogue,
      nodes: framework,
      editionYear: edition.year,
      unitBasis: edition.unitBasis,
      dataYear,
    });
    const base = {
      framework,
      config: edition.config,
      unitBasis: edition.unitBasis,
      dataYear,
      sources,
      table,
    };
    const runs = body.uncertaintyRuns ?? DEFAULT_UNCERTAINTY_RUNS;
    const inputs: RunInputs = {
      ...base,
      uncertainty: runs > 0 ? defaultSpec(framework, edition.config, runs, seedOf(base)) : null,
    };
    const inputHash = inputHashOf(inputs);
    const outputs = await computeOutputs(inputs);
    const indicatorCount = framework.filter((n) => n.type === 'Indicator').length;
    const row = await repo.insertRun(tx, {
      editionId: edition.id,
      dataYear,
      inputHash,
      inputs: inputs as unknown as Record<string, unknown>,
      outputs: outputs as unknown as Record<string, unknown>,
      unitCount: outputs.ranks.units.length,
      indicatorCount,
      uncertaintyRuns: inputs.uncertainty?.runs ?? 0,
      createdBy: ctx.actor.username,
    });
    await audit({
      entityType: 'pii_run',
      entityId: row.id,
      action: 'create',
      after: {
        editionId: edition.id,
        editionYear: edition.year,
        dataYear,
        // Audit snapshots drop keys that look like secrets (`…hash`): the digest goes by its name.
        inputSha256: inputHash,
        unitCount: outputs.ranks.units.length,
        indicatorCount,
        uncertaintyRuns: inputs.uncertainty?.runs ?? 0,
        restated: sources.restated,
        valuesRead: sources.valuesRead,
      },
    });
    return row.id;
  });
  return getRun(ctx, created);
}

/** Walks two JSON values side by side: numbers compared, anything else must be equal. */
function compareStored(
  a: unknown,
  b: unknown,
  acc: { max: number; count: number; same: boolean },
): void {
  if (typeof a === 'number' && typeof b === 'number') {
    acc.count++;
    const d = Math.abs(a - b);
    if (!(d <= acc.max)) acc.max = Number.isFinite(d) ? d : Number.MAX_VALUE;
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) acc.same = false;
    for (let i = 0; i < Math.min(a.length, b.length); i++) compareStored(a[i], b[i], acc);
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).sort();
    const kb = Object.keys(b as object).sort();
    if (ka.join('\u0000') !== kb.join('\u0000')) acc.same = false;
    for (const k of ka) {
      if (k in (b as object)) {
        compareStored((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], acc);
      }
    }
    return;
  }
  if (a !== b) acc.same = false;
}

export interface RunVerification {
  runId: string;
  inputsIntact: boolean;
  reproduced: boolean;
  maxDifference: number;
  checkedValues: number;
}

/** Largest difference between a stored number and the one computed again that still counts as equal. */
export const REPRODUCTION_TOLERANCE = 1e-9;

/**
 * Computes a run again from its stored inputs and compares every stored output; re-hashes the
 * stored inputs to show they are those the run was computed from.
 */
export async function verifyRun(ctx: Ctx, id: string): Promise<RunVerification> {
  const run = await getRun(ctx, id);
  const inputsIntact = inputHashOf(run.inputs) === run.inputHash;
  let outputs: RunOutputs;
  try {
    outputs = await computeOutputs(run.inputs);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { runId: id, inputsIntact, reproduced: false, maxDifference: 0, checkedValues: 0 };
  }
  const acc = { max: 0, count: 0, same: true };
  compareStored(JSON.parse(canonicalJson(outputs)), run.outputs, acc);
  return {
    runId: id,
    inputsIntact,
    reproduced: acc.same && acc.max <= REPRODUCTION_TOLERANCE,
    maxDifference: acc.max,
    checkedValues: acc.count,
  };
}
