/** What leaves the server about runs: the shapes of `packages/shared/src/pii.ts`. */
import type {
  PiiAudit,
  PiiMark,
  PiiNode,
  PiiProfile,
  PiiRankInterval,
  PiiRankingRow,
  PiiRun,
  PiiRunSummary,
} from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import { AppError } from '../../http/errors.js';
import type { RunNode, RunUnit } from './runs.inputs.js';
import type { RunDetail, RunSummary, StoredDataSet } from './runs.service.js';

type NodeRef = Pick<PiiNode, 'code' | 'nameVi' | 'nameEn' | 'level' | 'parent'>;

export function presentRunSummary(r: RunSummary): PiiRunSummary {
  return {
    id: r.id,
    editionId: r.editionId,
    editionYear: r.editionYear,
    editionTitle: r.editionTitle,
    illustrative: r.illustrative,
    unitBasis: r.unitBasis,
    dataYear: r.dataYear,
    unitCount: r.unitCount,
    indicatorCount: r.indicatorCount,
    inputHash: r.inputHash,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    uncertaintyRuns: r.uncertaintyRuns,
  };
}

/** A data set's value of a column for a unit code (null when absent). */
export function cell(d: StoredDataSet | null, code: string, unit: string): number | null {
  if (d === null) return null;
  const i = d.units.indexOf(unit);
  return i < 0 ? null : (d.values[code]?.[i] ?? null);
}

const ref = (n: RunNode): NodeRef => ({
  code: n.code,
  nameVi: n.nameVi,
  nameEn: n.nameEn,
  level: n.level,
  parent: n.parent,
});

/** Aggregates from the index down to the sub-pillars, each level in framework order. */
export function aggregatesOf(run: RunDetail): RunNode[] {
  return run.inputs.framework
    .filter((n) => n.type === 'Aggregate')
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (b.n.level ?? 0) - (a.n.level ?? 0) || a.i - b.i)
    .map(({ n }) => n);
}

/** The aggregates shown beside the index in the ranking: the sub-indexes and the pillars. */
function rankingAggregates(aggregates: readonly RunNode[]): RunNode[] {
  const top = Math.max(...aggregates.map((n) => n.level ?? 0));
  const levels = new Set([top - 1, top - 2].filter((l) => l >= 2));
  return aggregates.filter((n) => levels.has(n.level ?? 0));
}

/** Indicators in framework order. */
export const indicatorsOf = (run: RunDetail) =>
  run.inputs.framework.filter((n) => n.type === 'Indicator');

function intervalOf(run: RunDetail, code: string): PiiRankInterval | null {
  const s = run.outputs.uncertainty?.[code];
  return s ? { nominal: s.nominal, median: s.median, q5: s.q5, q95: s.q95 } : null;
}

/** The ranked unit of a unit id, or 404 when the run does not rank it. */
export function rankedUnit(run: RunDetail, unitId: string): RunUnit {
  const unit = run.inputs.table.units.find((u) => u.id === unitId);
  if (!unit || !run.outputs.ranks.units.includes(unit.code)) {
    throw new AppError('NOT_FOUND', `Lần tính chỉ số này không xếp hạng đơn vị ${unitId}.`);
  }
  return unit;
}

const regionOf = (registry: UnitRegistry, u: RunUnit) =>
  registry.get(u.id)?.regionVi ?? u.regionVi ?? null;

/** The ranked units, by rank (unranked last), then by code. */
export function rankedUnits(run: RunDetail): RunUnit[] {
  const index = run.outputs.index;
  const ranked = new Set(run.outputs.ranks.units);
  const rankOf = (u: RunUnit) => (index === null ? null : cell(run.outputs.ranks, index, u.code));
  return run.inputs.table.units
    .filter((u) => ranked.has(u.code))
    .map((u) => ({ u, rank: rankOf(u) }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.u.code.localeCompare(b.u.code),
    )
    .map(({ u }) => u);
}

export function presentRun(registry: UnitRegistry, run: RunDetail): PiiRun {
  const { outputs } = run;
  const index = outputs.index;
  const aggregates = aggregatesOf(run);
  const shown = rankingAggregates(aggregates);
  const ranking: PiiRankingRow[] = rankedUnits(run).map((u) => ({
    unitId: u.id,
    unitCode: u.code,
    unitName: u.nameVi,
    regionVi: regionOf(registry, u),
    score: index === null ? null : cell(outputs.aggregated, index, u.code),
    rank: index === null ? null : cell(outputs.ranks, index, u.code),
    aggregates: Object.fromEntries(
      shown.map((n) => [
        n.code,
        {
          score: cell(outputs.aggregated, n.code, u.code),
          rank: cell(outputs.ranks, n.code, u.code),
        },
      ]),
    ),
    rankInterval: intervalOf(run, u.code),
  }));
  return {
    ...presentRunSummary(run),
    aggregates: aggregates.map(ref),
    ranking,
  };
}

/** One unit's profile: every aggregate, every indicator with its value, score, rank and mark. */
export function presentProfile(registry: UnitRegistry, run: RunDetail, unitId: string): PiiProfile {
  const u = rankedUnit(run, unitId);
  const { outputs } = run;
  const index = outputs.index;
  const values = outputs.denominated ?? outputs.raw;
  const marks = outputs.audit.marks[u.code] ?? {};
  const indicators = indicatorsOf(run).map((n) => ({
    code: n.code,
    nameVi: n.nameVi,
    nameEn: n.nameEn,
    parent: n.parent,
    unitVi: n.unitVi,
    value: cell(values, n.code, u.code),
    score: cell(outputs.normalised, n.code, u.code),
    rank: cell(outputs.ranks, n.code, u.code),
    mark: (marks[n.code] ?? null) as PiiMark | null,
  }));
  return {
    runId: run.id,
    unitId: u.id,
    unitName: u.nameVi,
    regionVi: regionOf(registry, u),
    unitCount: outputs.ranks.units.length,
    score: index === null ? null : cell(outputs.aggregated, index, u.code),
    rank: index === null ? null : cell(outputs.ranks, index, u.code),
    rankInterval: intervalOf(run, u.code),
    aggregates: aggregatesOf(run).map((n) => ({
      ...ref(n),
      score: cell(outputs.aggregated, n.code, u.code),
      rank: cell(outputs.ranks, n.code, u.code),
    })),
    indicators,
    strengths: indicators.filter((i) => i.mark === 'strength').length,
    weaknesses: indicators.filter((i) => i.mark === 'weakness').length,
  };
}

/** The audit with unit ids in place of unit codes. */
export function presentAudit(run: RunDetail): PiiAudit {
  const a = run.outputs.audit;
  const idOf = new Map(run.inputs.table.units.map((u) => [u.code, u.id]));
  return {
    correlations: a.correlations.map((c) => ({
      code: c.code,
      parent: c.parent,
      withParent: c.withParent,
      withIndex: c.withIndex,
    })),
    matrices: a.matrices,
    cronbach: a.cronbach,
    pca: a.pca.map((p) => ({
      aggregate: p.aggregate,
      eigenvalues: p.eigenvalues,
      varianceExplained: p.varianceExplained,
    })),
    efficiency: a.efficiency.map((e) => ({
      unitId: idOf.get(e.unit) ?? e.unit,
      ratio: e.ratio,
      rank: e.rank,
    })),
  };
}
