import { unitRef, type CoordinationEnv } from '../programmes/lineage.js';
import type { RoadmapDetail, RoadmapSummary } from './roadmaps.service.js';

export function presentRoadmap(env: CoordinationEnv, s: RoadmapSummary) {
  const r = s.roadmap;
  return {
    id: r.id,
    unit: unitRef(env, r.unitId),
    title: r.title,
    startYear: r.startYear,
    endYear: r.endYear,
    itemCount: s.counts.itemCount,
    plannedCount: s.counts.plannedCount,
    plannedAt: r.plannedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentRoadmapDetail(env: CoordinationEnv, d: RoadmapDetail) {
  return {
    ...presentRoadmap(env, d),
    engagement: d.engagement,
    weights: d.roadmap.weights,
    envelopes: d.envelopes,
    items: d.items.map((i) => ({
      id: i.id,
      proposalId: i.proposalId,
      proposalTitle: i.proposalTitle,
      proposalCategory: i.proposalCategory,
      proposalAnswer: i.proposalAnswer,
      agreed: i.agreed,
      proposalEstimatedCost:
        i.proposalEstimatedCost === null ? null : Number(i.proposalEstimatedCost),
      scores: i.scores,
      value: i.value,
      cost: Number(i.cost),
      durationYears: i.durationYears,
      earliestStartYear: i.earliestStartYear,
      pinnedYear: i.pinnedYear,
      excluded: i.excluded,
      plannedYear: i.plannedYear,
      dependsOn: i.dependsOn,
    })),
    lastPlan: d.lastPlan,
    planStale: d.planStale,
    canEdit: d.canEdit,
  };
}
