/**
 * A province's rank across editions: for each edition the latest run's figure of the province
 * or, on an edition that ranked the 63 former provinces, of each province it was formed from
 * (through the unit registry's lineage), then the published results of all of them.
 */
import type { PiiHistoryPoint } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import { withPredecessors } from '../programmes/lineage.js';
import { cell } from './runs.presenter.js';
import { latestRankingPerEdition, publishedOfUnits } from './runs.repo.js';

export async function rankHistory(
  ctx: Ctx,
  registry: UnitRegistry,
  unitId: string,
): Promise<PiiHistoryPoint[]> {
  const unit = registry.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', `Không có đơn vị hành chính ${unitId}.`);
  const line = withPredecessors(registry, [unitId]);
  const nameOf = (id: string) => {
    const u = registry.get(id)!;
    return u.names[u.names.length - 1]!.nameVi;
  };
  const points: PiiHistoryPoint[] = [];
  for (const run of await latestRankingPerEdition(ctx.database.db)) {
    const { units, index, ranks, aggregated } = run;
    // A run holds its table and ranks; anything else was not written by a computation.
    if (!Array.isArray(ranks?.units) || !Array.isArray(units)) continue;
    const ofN = ranks.units.length;
    // On today's 34 provinces a run ranks the province itself; on the 63, its predecessors.
    for (const id of line) {
      if (run.unitBasis === 'provinces-34' && id !== unitId) continue;
      const u = units.find((x) => x.id === id);
      if (!u || !ranks.units.includes(u.code)) continue;
      points.push({
        year: run.editionYear,
        unitId: id,
        unitName: u.nameVi,
        predecessor: id !== unitId,
        source: 'computed',
        runId: run.id,
        score: index === null ? null : cell(aggregated, index, u.code),
        rank: index === null ? null : cell(ranks, index, u.code),
        ofN,
        illustrative: run.illustrative,
      });
    }
  }
  for (const p of await publishedOfUnits(ctx.database.db, line)) {
    points.push({
      year: p.year,
      unitId: p.unitId!,
      unitName: p.provinceName || nameOf(p.unitId!),
      predecessor: p.unitId !== unitId,
      source: 'published',
      runId: null,
      score: p.score,
      rank: p.rank,
      ofN: p.ofN,
      illustrative: false,
    });
  }
  const order = { computed: 0, published: 1 } as const;
  return points.sort(
    (a, b) =>
      a.year - b.year ||
      order[a.source] - order[b.source] ||
      Number(a.predecessor) - Number(b.predecessor) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  );
}
