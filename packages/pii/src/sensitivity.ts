/**
 * Variance-based sensitivity analysis (COINr's `get_sensitivity(SA_type = "SA")`, `SA_sample`,
 * `SA_estimate`): a Saltelli design of N·(d + 2) points (A, B, and A with column i from B), the
 * target y = the mean absolute rank change against the nominal ranks, first-order indices by
 * Saltelli et al. (2010), total indices by Jansen (1999), bootstrap confidence intervals.
 */
import { quantileSorted } from './columns.js';
import { PiiError } from './errors.js';
import { streamFor, taggedStream } from './random.js';
import {
  checkPointCount,
  createModel,
  evaluatePoints,
  nominalRanks,
  rankStatistics,
  type EvaluatedPoints,
  type Model,
  type PointOf,
  type RankStats,
  type ReplicationFailure,
} from './uncertainty.js';
import type { Framework, UnitTable } from './types.js';

/** Stream tag of the bootstrap resamples. */
const BOOTSTRAP_TAG = 2;

/**
 * Point `index` of the Saltelli design for N base points in d dimensions: block 0 is A, block 1
 * is B, block 2 + i is A with column i taken from B (COINr's `SA_sample` order). Row r of A and
 * B are the first and second d numbers of stream (seed, r).
 */
export function saltelliPoint(
  seed: number,
  n: number,
  d: number,
  index: number,
  out: Float64Array,
): void {
  const block = Math.floor(index / n);
  const row = index % n;
  const rng = streamFor(seed, row);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  for (let k = 0; k < d; k++) a[k] = rng.next();
  for (let k = 0; k < d; k++) b[k] = rng.next();
  if (block === 1) out.set(b);
  else {
    out.set(a);
    if (block >= 2) out[block - 2] = b[block - 2]!;
  }
}

export interface SobolIndex {
  /** First-order index and its bootstrap 5th–95th percentile interval. */
  readonly si: number;
  readonly siLow: number | null;
  readonly siHigh: number | null;
  /** Total index and its interval. */
  readonly sti: number;
  readonly stiLow: number | null;
  readonly stiHigh: number | null;
}

export interface SobolEstimate {
  /** Sample variance of y over A and B. */
  readonly variance: number;
  readonly indices: readonly SobolIndex[];
}

/**
 * Sobol indices from the outputs y of a Saltelli design (length N·(d + 2)), as COINr's
 * `SA_estimate`: V = var(y_A ∪ y_B) (n − 1), S_i = mean(y_B·(y_ABi − y_A)) / V,
 * ST_i = Σ(y_A − y_ABi)² / (2N·V); the intervals are the type-7 5th and 95th percentiles of
 * `bootstrap` resamples (with replacement) of those terms, drawn from a seeded stream.
 */
export function sobolIndices(
  y: ArrayLike<number>,
  n: number,
  d: number,
  bootstrap: number,
  seed: number,
): SobolEstimate {
  if (y.length !== n * (d + 2)) {
    throw new PiiError('INVALID_VALUE', `sensitivity: ${y.length} outputs for N = ${n}, d = ${d}`);
  }
  let s = 0;
  for (let r = 0; r < 2 * n; r++) s += y[r]!;
  const m = s / (2 * n);
  let ss = 0;
  for (let r = 0; r < 2 * n; r++) ss += (y[r]! - m) ** 2;
  const variance = ss / (2 * n - 1);
  const firstTerms = new Float64Array(n);
  const totalTerms = new Float64Array(n);
  const indices: SobolIndex[] = [];
  for (let i = 0; i < d; i++) {
    const offset = (2 + i) * n;
    let first = 0;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const ya = y[r]!;
      const yb = y[n + r]!;
      const yab = y[offset + r]!;
      firstTerms[r] = yb * (yab - ya);
      totalTerms[r] = ya - yab;
      first += firstTerms[r]!;
      total += totalTerms[r]! ** 2;
    }
    const si = first / n / variance;
    const sti = total / (2 * n * variance);
    if (bootstrap === 0) {
      indices.push({ si, siLow: null, siHigh: null, sti, stiLow: null, stiHigh: null });
      continue;
    }
    const rng = taggedStream(seed, BOOTSTRAP_TAG, i);
    const siBoot = new Float64Array(bootstrap);
    const stiBoot = new Float64Array(bootstrap);
    for (let b = 0; b < bootstrap; b++) {
      let f = 0;
      for (let r = 0; r < n; r++) f += firstTerms[Math.floor(rng.next() * n)]!;
      let t = 0;
      for (let r = 0; r < n; r++) t += totalTerms[Math.floor(rng.next() * n)]! ** 2;
      siBoot[b] = f / n / variance;
      stiBoot[b] = t / (2 * n * variance);
    }
    siBoot.sort();
    stiBoot.sort();
    const q = (xs: Float64Array, p: number) => {
      const v = quantileSorted(xs, p);
      return Number.isFinite(v) ? v : null;
    };
    indices.push({
      si,
      siLow: q(siBoot, 0.05),
      siHigh: q(siBoot, 0.95),
      sti,
      stiLow: q(stiBoot, 0.05),
      stiHigh: q(stiBoot, 0.95),
    });
  }
  return { variance, indices };
}

export interface FactorSensitivity extends SobolIndex {
  /** The spec key: `treat.winmax`, `normalise`, `weightNoise.2`, … */
  readonly factor: string;
}

export interface SensitivityResult {
  readonly target: string;
  /** Base sample size N and number of factors d: N·(d + 2) replications. */
  readonly n: number;
  readonly d: number;
  readonly runs: number;
  readonly seed: number;
  readonly bootstrap: number;
  /** Variance of the mean absolute rank change over A and B. */
  readonly variance: number;
  readonly indices: readonly FactorSensitivity[];
  /** Rank statistics over the 2N random points (A and B), as COINr reports with SA. */
  readonly rankStats: readonly RankStats[];
}

/** The point numbering of the Saltelli design of a model. */
export function saltelliPointOf(model: Model): PointOf {
  const n = model.spec.runs;
  const d = model.factors.length;
  return (m, index, out) => saltelliPoint(m.spec.seed, n, d, index, out);
}

/** Checks what a sensitivity analysis needs: two factors or more (as COINr), N ≥ 3. */
export function checkSensitivityModel(model: Model): void {
  if (model.factors.length < 2) {
    throw new PiiError(
      'INVALID_SPEC',
      `sensitivity spec, alternatives: ${model.factors.length} uncertain input(s); a sensitivity analysis needs at least two (alternatives and weight noise levels)`,
      { column: 'alternatives' },
    );
  }
  if (model.spec.runs < 3) {
    throw new PiiError('INVALID_SPEC', 'sensitivity spec, runs: N must be at least 3', {
      column: 'runs',
    });
  }
}

/** Builds the result from the evaluated design points (in index order). */
export function sensitivityResult(model: Model, evaluated: EvaluatedPoints): SensitivityResult {
  const n = model.spec.runs;
  const d = model.factors.length;
  const failed: ReplicationFailure | undefined = evaluated.failures[0];
  if (failed !== undefined) {
    throw new PiiError(
      failed.code as PiiError['code'],
      `sensitivity: replication ${failed.index + 1} failed (${evaluated.failures.length} in all), so the indices are undefined: ${failed.message}`,
    );
  }
  const units = model.units.length;
  const nominal = nominalRanks(model);
  const y = new Float64Array(n * (d + 2));
  for (let r = 0; r < y.length; r++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < units; i++) {
      const x = evaluated.ranks[r * units + i]!;
      const nom = nominal[i]!;
      if (x !== x || nom !== nom) continue;
      sum += Math.abs(x - nom);
      count++;
    }
    y[r] = count === 0 ? NaN : sum / count;
  }
  const estimate = sobolIndices(y, n, d, model.spec.bootstrap, model.spec.seed);
  return {
    target: model.target,
    n,
    d,
    runs: y.length,
    seed: model.spec.seed,
    bootstrap: model.spec.bootstrap,
    variance: estimate.variance,
    indices: estimate.indices.map((s, k) => ({ factor: model.factors[k]!.name, ...s })),
    rankStats: rankStatistics(model.units, nominal, evaluated.ranks, 2 * n),
  };
}

/**
 * Sensitivity analysis in the calling thread: `spec.runs` is the base sample size N; each
 * alternative and each noisy weight level is one factor.
 */
export function runSensitivity(
  framework: Framework,
  table: UnitTable,
  config: unknown,
  spec: unknown,
): SensitivityResult {
  const model = createModel(framework, table, config, spec);
  checkSensitivityModel(model);
  checkPointCount(model, model.spec.runs * (model.factors.length + 2));
  const pointOf = saltelliPointOf(model);
  const evaluated = evaluatePoints(model, pointOf, 0, model.spec.runs * (model.factors.length + 2));
  return sensitivityResult(model, evaluated);
}
