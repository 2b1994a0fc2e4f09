import { PiiError } from './errors.js';
import type { PipelineResult } from './pipeline.js';
import { rankMin } from './stats.js';
import type { DataSet, Framework, Value } from './types.js';

/*
 * The statistical audit of a computed index (COINr's `get_corr`, `get_cronbach`, `get_PCA`, and the
 * GII's strengths and weaknesses), as pure functions over the pipeline's data sets.
 */

/**
 * Pearson correlation over the pairs where both values are present (R's `cor` with
 * `use = "pairwise.complete.obs"`). `null` with fewer than 2 complete pairs or when either side
 * has no variance over those pairs.
 */
export function pearson(a: readonly Value[], b: readonly Value[]): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const n0 = Math.min(a.length, b.length);
  for (let i = 0; i < n0; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
}

/** The columns of `codes` in `data` (MISSING_COLUMN when one is absent). */
function columnsOf(codes: readonly string[], data: DataSet): (readonly Value[])[] {
  return codes.map((code) => {
    const v = data.values.get(code);
    if (v === undefined) {
      throw new PiiError('MISSING_COLUMN', `data set: column '${code}' is missing`, {
        column: code,
      });
    }
    return v;
  });
}

/** Pairwise Pearson correlations of the columns `codes`; the diagonal is 1 (null without variance). */
export function correlationMatrix(
  codes: readonly string[],
  data: DataSet,
): { codes: string[]; values: (number | null)[][] } {
  const cols = columnsOf(codes, data);
  const values = cols.map((a, i) =>
    cols.map((b, j) => {
      const r = pearson(a, i === j ? a : b);
      return i === j && r !== null ? 1 : r;
    }),
  );
  return { codes: [...codes], values };
}

/** The rows (as arrays over the columns) where every column has a value. */
function completeRows(columns: readonly (readonly Value[])[]): number[][] {
  const n = Math.min(...columns.map((c) => c.length));
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (const c of columns) {
      const x = c[i];
      if (x === null || x === undefined) break;
      row.push(x);
    }
    if (row.length === columns.length) rows.push(row);
  }
  return rows;
}

function sampleVariance(xs: readonly number[]): number {
  const n = xs.length;
  let m = 0;
  for (const x of xs) m += x;
  m /= n;
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return s / (n - 1);
}

/**
 * Cronbach's alpha of the columns (items), on the rows where every item has a value:
 * α = k/(k−1) · (1 − Σ var(item) / var(Σ items)), sample variances. `null` with fewer than 2 items
 * or 2 complete rows, or when the total has no variance.
 */
export function cronbachAlpha(columns: readonly (readonly Value[])[]): number | null {
  const k = columns.length;
  if (k < 2) return null;
  const rows = completeRows(columns);
  if (rows.length < 2) return null;
  let itemVariances = 0;
  for (let j = 0; j < k; j++) itemVariances += sampleVariance(rows.map((r) => r[j]!));
  const total = sampleVariance(rows.map((r) => r.reduce((s, x) => s + x, 0)));
  if (!(total > 0)) return null;
  const alpha = (k / (k - 1)) * (1 - itemVariances / total);
  return Number.isFinite(alpha) ? alpha : null;
}

/**
 * Eigenvalues of a symmetric matrix by the cyclic Jacobi method, in descending order. Exact to
 * rounding for the small matrices of an audit (a few dozen variables).
 */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const app = a[p]![p]!;
        const aqq = a[q]![q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!).sort((x, y) => y - x);
}

export interface PcaResult {
  /** Variances of the principal components (eigenvalues of the correlation matrix), descending. */
  readonly eigenvalues: number[];
  /** Share of the total variance each component explains (eigenvalue ÷ number of variables). */
  readonly varianceExplained: number[];
  /** Complete rows the analysis used. */
  readonly rows: number;
}

/**
 * Principal component analysis of the columns on the rows where all have a value, centred and
 * scaled (COINr's `get_PCA`: `stats::prcomp(center = TRUE, scale = TRUE)` after `na.omit`), so
 * on the correlation matrix: the eigenvalues sum to the number of variables. `null` with fewer
 * than 2 complete rows or when a column has no variance.
 */
export function pca(columns: readonly (readonly Value[])[]): PcaResult | null {
  const k = columns.length;
  if (k === 0) return null;
  const rows = completeRows(columns);
  if (rows.length < 2) return null;
  const complete = columns.map((_, j) => rows.map((r) => r[j]!));
  const corr: number[][] = [];
  for (let i = 0; i < k; i++) {
    corr.push([]);
    for (let j = 0; j < k; j++) {
      const r = pearson(complete[i]!, complete[j]!);
      if (r === null) return null;
      corr[i]!.push(i === j ? 1 : r);
    }
  }
  const eigenvalues = symmetricEigenvalues(corr).map((x) => Math.max(0, x));
  const total = eigenvalues.reduce((s, x) => s + x, 0);
  return {
    eigenvalues,
    varianceExplained: eigenvalues.map((x) => x / total),
    rows: rows.length,
  };
}

export type StrengthMark = 'strength' | 'weakness';

/** How many of its best (worst) percentile ranks make a unit's strength (weakness) thresholds. */
export const STRENGTH_COUNT = 10;
/** A unit ranked at or above this on an indicator always has it as a strength. */
export const ALWAYS_STRENGTH_RANK = 3;

/**
 * Strengths and weaknesses of one unit (the GII rule), on the indicator ranks among units
 * (`result.ranks`: 1 = best, after direction; ties share the best rank):
 *
 * 1. The percentile rank of the unit on indicator i is (nᵢ − rᵢ) / (nᵢ − 1), with rᵢ its rank and
 *    nᵢ the number of units with a value on i (1 when nᵢ = 1); higher is better.
 * 2. Sort the unit's percentile ranks (indicators where it has a value) from best to worst. The
 *    strength threshold is the 10th best value, the weakness threshold the 10th worst; with fewer
 *    than 10 values, the worst and the best respectively.
 * 3. Strength: rank ≤ 3, or percentile rank ≥ the strength threshold (ties at the threshold all
 *    count, so there may be more than 10).
 * 4. Weakness: not a strength and percentile rank ≤ the weakness threshold.
 * 5. Otherwise, and for indicators without a value, `null`.
 *
 * Strengths take precedence when the two thresholds overlap (fewer than 20 indicators).
 */
export function strengthsWeaknesses(
  framework: Framework,
  result: Pick<PipelineResult, 'ranks'>,
  unit: string,
): Record<string, StrengthMark | null> {
  const i = result.ranks.units.indexOf(unit);
  if (i < 0) {
    throw new PiiError('INVALID_VALUE', `analysis: unit '${unit}' is not in the results`, {
      column: 'uCode',
    });
  }
  const entries: { code: string; rank: number; pr: number }[] = [];
  const marks: Record<string, StrengthMark | null> = {};
  for (const code of framework.indicators) {
    marks[code] = null;
    const ranks = result.ranks.values.get(code);
    const r = ranks?.[i] ?? null;
    if (ranks === undefined || r === null) continue;
    const n = ranks.reduce<number>((c, x) => (x === null ? c : c + 1), 0);
    entries.push({ code, rank: r, pr: n > 1 ? (n - r) / (n - 1) : 1 });
  }
  if (entries.length === 0) return marks;
  const sorted = entries.map((e) => e.pr).sort((a, b) => b - a);
  const m = sorted.length;
  const strengthThreshold = sorted[Math.min(STRENGTH_COUNT, m) - 1]!;
  const weaknessThreshold = sorted[Math.max(m - STRENGTH_COUNT, 0)]!;
  for (const e of entries) {
    if (e.rank <= ALWAYS_STRENGTH_RANK || e.pr >= strengthThreshold) marks[e.code] = 'strength';
    else if (e.pr <= weaknessThreshold) marks[e.code] = 'weakness';
  }
  return marks;
}

export interface EfficiencyRow {
  readonly unit: string;
  /** Output ÷ input; `null` when either is missing or the input is 0. */
  readonly ratio: number | null;
  /** 1 = highest ratio; ties share the best rank. */
  readonly rank: number | null;
}

/** Efficiency ratio output ÷ input per unit (e.g. the output and input sub-indexes), ranked. */
export function efficiency(
  aggregated: DataSet,
  outputCode: string,
  inputCode: string,
): EfficiencyRow[] {
  const [output, input] = columnsOf([outputCode, inputCode], aggregated);
  const ratios: Value[] = aggregated.units.map((_, i) => {
    const o = output![i] ?? null;
    const x = input![i] ?? null;
    if (o === null || x === null || x === 0) return null;
    const r = o / x;
    return Number.isFinite(r) ? r : null;
  });
  const ranks = rankMin(ratios, true);
  return aggregated.units.map((unit, i) => ({
    unit,
    ratio: ratios[i] ?? null,
    rank: ranks[i] ?? null,
  }));
}

export interface CorrelationRow {
  readonly code: string;
  readonly level: number;
  readonly parent: string | null;
  readonly withParent: number | null;
  readonly withIndex: number | null;
}

/**
 * The single aggregate at the top level, or `null` when the top level has several (or there are
 * no aggregates).
 */
export function indexCode(framework: Framework): string | null {
  const top = framework.aggregates[framework.aggregates.length - 1];
  return top !== undefined && top.length === 1 ? top[0]! : null;
}

/**
 * Correlation of every indicator and aggregate with its parent and with the index (COINr's
 * `get_corr` between a level and the next, on the data set holding both: the aggregated one, whose
 * indicator columns are the normalised indicators). The index itself has neither.
 */
export function correlations(
  framework: Framework,
  result: Pick<PipelineResult, 'aggregated'>,
): CorrelationRow[] {
  const data = requireAggregated(result);
  const index = indexCode(framework);
  const indexValues = index === null ? undefined : data.values.get(index);
  const codes = [framework.indicators, ...framework.aggregates].flat();
  return codes.map((code) => {
    const node = framework.nodes.get(code)!;
    const own = data.values.get(code);
    const parentValues = node.parent === null ? undefined : data.values.get(node.parent);
    return {
      code,
      level: node.level ?? 1,
      parent: node.parent,
      withParent:
        own === undefined || parentValues === undefined ? null : pearson(own, parentValues),
      withIndex:
        own === undefined || indexValues === undefined || code === index
          ? null
          : pearson(own, indexValues),
    };
  });
}

function requireAggregated(result: Pick<PipelineResult, 'aggregated'>): DataSet {
  if (result.aggregated === null) {
    throw new PiiError(
      'INVALID_CONFIG',
      'analysis: the audit needs the aggregated scores; add the aggregate step to the configuration',
      { column: 'aggregate' },
    );
  }
  return result.aggregated;
}

export interface AuditOptions {
  /** Codes of the output and input aggregates of the efficiency ratio; none when absent. */
  readonly efficiency?: { readonly output: string; readonly input: string };
}

/** The statistical audit of a run, as the server stores it (unit codes, not unit ids). */
export interface Audit {
  readonly correlations: CorrelationRow[];
  /** Correlations among the children of each aggregate (the heat maps). */
  readonly matrices: { aggregate: string; codes: string[]; values: (number | null)[][] }[];
  /** Cronbach's alpha of each aggregate over its children. */
  readonly cronbach: { aggregate: string; alpha: number | null; items: number }[];
  /** PCA of each aggregate over its children; empty arrays when it cannot be computed. */
  readonly pca: {
    aggregate: string;
    eigenvalues: number[];
    varianceExplained: number[];
    rows: number;
  }[];
  readonly efficiency: EfficiencyRow[];
  /** Unit code → indicator code → mark. */
  readonly marks: Record<string, Record<string, StrengthMark | null>>;
}

/** Everything of the audit in one object, aggregates in framework order (lowest level first). */
export function audit(
  framework: Framework,
  result: Pick<PipelineResult, 'aggregated' | 'ranks'>,
  options: AuditOptions = {},
): Audit {
  const data = requireAggregated(result);
  const aggregates = framework.aggregates.flat();
  const matrices: Audit['matrices'] = [];
  const cronbach: Audit['cronbach'] = [];
  const pcaRows: Audit['pca'] = [];
  for (const code of aggregates) {
    const kids = (framework.children.get(code) ?? []).filter((c) => data.values.has(c));
    const cols = columnsOf(kids, data);
    matrices.push({ aggregate: code, ...correlationMatrix(kids, data) });
    cronbach.push({ aggregate: code, alpha: cronbachAlpha(cols), items: kids.length });
    const p = pca(cols);
    pcaRows.push({
      aggregate: code,
      eigenvalues: p?.eigenvalues ?? [],
      varianceExplained: p?.varianceExplained ?? [],
      rows: p?.rows ?? 0,
    });
  }
  const marks: Audit['marks'] = {};
  for (const unit of result.ranks.units) {
    marks[unit] = strengthsWeaknesses(framework, result, unit);
  }
  return {
    correlations: correlations(framework, result),
    matrices,
    cronbach,
    pca: pcaRows,
    efficiency:
      options.efficiency === undefined
        ? []
        : efficiency(data, options.efficiency.output, options.efficiency.input),
    marks,
  };
}
