import { presentEngagement } from '../engagements/engagements.presenter.js';
import { unitRef } from '../programmes/lineage.js';
import { presentProgramme } from '../programmes/programmes.presenter.js';
import { presentProposal } from '../proposals/proposals.presenter.js';
import { presentRoadmap } from '../roadmaps/roadmaps.presenter.js';
import type { RoadmapDetail } from '../roadmaps/roadmaps.service.js';
import { presentSummary } from '../tasks/tasks.presenter.js';
import type { TaskEnv } from '../tasks/tasks.service.js';
import type { Dashboard } from './dashboards.service.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The roadmap's span, envelopes and what its last plan schedules, year by year. */
function presentRoadmapSummary(
  env: TaskEnv,
  { detail, roadmapCount }: { detail: RoadmapDetail; roadmapCount: number },
) {
  const plan = detail.lastPlan;
  const planned = new Map(plan?.years.map((y) => [y.year, y.cost]));
  return {
    ...presentRoadmap(env, detail),
    roadmapCount,
    envelopeTotal: round2(detail.envelopes.reduce((s, e) => s + e.amount, 0)),
    plannedCost: plan?.plannedCost ?? null,
    plannedValue: plan?.objective ?? null,
    planStale: detail.planStale,
    years: detail.envelopes.map((e) => ({
      year: e.year,
      envelope: e.amount,
      plannedCost: plan ? (planned.get(e.year) ?? 0) : null,
      itemCount: detail.items.filter((i) => i.plannedYear === e.year).length,
    })),
  };
}

export function presentDashboard(env: TaskEnv, d: Dashboard) {
  const { tasks, programmes, proposals } = d;
  return {
    today: env.today,
    dueSoonDays: env.dueSoonDays,
    view: d.unitId ? ('province' as const) : ('ministry' as const),
    unit: d.unitId ? unitRef(env, d.unitId) : null,
    tasks: {
      focus: tasks.focus.kind,
      organisations: tasks.focus.kind === 'organisation' ? tasks.focus.organisations : [],
      counts: tasks.counts,
      overdue: tasks.overdue.map((s) => presentSummary(env, s)),
      open: tasks.open.map((s) => presentSummary(env, s)),
      byLead: tasks.byLead,
    },
    programmes: {
      total: programmes.total,
      inForce: programmes.inForce,
      latest: programmes.latest?.map((s) => presentProgramme(env, s)) ?? null,
      expiring: {
        asOf: programmes.expiring.asOf,
        withinDays: programmes.expiring.withinDays,
        items: programmes.expiring.items.map((s) => ({
          ...presentProgramme(env, s),
          daysLeft: s.daysLeft,
        })),
      },
      byProvince: programmes.byProvince,
    },
    engagements: d.engagements.items.map((s) => presentEngagement(env, s)),
    proposals: {
      total: proposals.total,
      byAnswer: proposals.byAnswer,
      latest: proposals.latest.map((s) => presentProposal(env, s)),
    },
    roadmap: d.roadmap && presentRoadmapSummary(env, d.roadmap),
  };
}
