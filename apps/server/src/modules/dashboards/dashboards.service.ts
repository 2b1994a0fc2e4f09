import { compareVi, PROPOSAL_ANSWERS, type TimelinessFacet } from '@caunoi/shared';
import type { Ctx } from '../../core/context.js';
import { assertAllowedOn } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { scopeOf } from '../../policy/policy.js';
import { listEngagements } from '../engagements/engagements.service.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import {
  coordinationTarget,
  lineageOf,
  readScope,
  withPredecessors,
} from '../programmes/lineage.js';
import {
  expiringProgrammes,
  listProgrammes,
  programmesByProvince,
} from '../programmes/programmes.service.js';
import { listProposals } from '../proposals/proposals.service.js';
import { getRoadmap, listRoadmaps } from '../roadmaps/roadmaps.service.js';
import { tabulate, type LeagueRow } from '../tasks/tasks.league.js';
import * as tasksRepo from '../tasks/tasks.repo.js';
import { evaluatedSchedules, summariesOf, type TaskEnv } from '../tasks/tasks.service.js';

/** How many rows each list of the dashboard shows. */
const DASHBOARD_SIZES = {
  overdue: 10,
  open: 10,
  leads: 10,
  programmes: 10,
  engagements: 5,
  proposals: 5,
} as const;

/** Programmes in force ending within this many days are "expiring". */
const EXPIRING_WITHIN_DAYS = 180;

type TaskFocus =
  | { kind: 'all' }
  | { kind: 'province' }
  | { kind: 'organisation'; organisations: Array<{ id: string; nameVi: string }> };

/** Whose dashboard: one province (a province view) or the caller's whole scope. */
interface Subject {
  unitId: string | null;
  focus: TaskFocus;
}

/**
 * A given province must exist and be within the caller's reach (404 otherwise, as for its
 * records). Without one, a province account sees its own province; a Ministry account the
 * whole of its scope, with the tasks its own unit leads when it answers for a Ministry unit.
 */
async function subjectOf(ctx: Ctx, env: TaskEnv, unitId: string | undefined): Promise<Subject> {
  const db = ctx.database.db;
  if (unitId !== undefined) {
    if (!env.registry.get(unitId)) {
      const message = `Không có tỉnh, thành phố "${unitId}".`;
      throw new AppError('VALIDATION_ERROR', message, [{ path: 'querystring.unitId', message }]);
    }
    assertAllowedOn(ctx.actor, 'coordination.read', await coordinationTarget(db, [unitId], []));
    return { unitId, focus: { kind: 'province' } };
  }
  const read = scopeOf(ctx.actor, 'coordination.read');
  const own = read.everywhere ? undefined : [...read.unitIds].sort()[0];
  if (own) return { unitId: own, focus: { kind: 'province' } };
  const lead = scopeOf(ctx.actor, 'tasks.report');
  if (!lead.everywhere && lead.organisationIds.length > 0) {
    const organisations = [];
    for (const id of lead.organisationIds) {
      const org = await findOrganisation(db, id);
      if (org) organisations.push({ id: org.id, nameVi: org.nameVi });
    }
    return { unitId: null, focus: { kind: 'organisation', organisations } };
  }
  return { unitId: null, focus: { kind: 'all' } };
}

/* ───────── Tasks ───────── */

type Evaluated = Awaited<ReturnType<typeof evaluatedSchedules>>[number];

const TIMELINESS_COUNT = {
  within_deadline: 'withinDeadline',
  overdue: 'overdue',
  on_time: 'onTime',
  late: 'late',
} as const satisfies Record<TimelinessFacet, string>;

function countTasks(
  rows: readonly Evaluated[],
  waiting: ReadonlyArray<{ pendingExtensions: number; openExplanations: number }>,
) {
  const counts = {
    total: rows.length,
    open: 0,
    withinDeadline: 0,
    overdue: 0,
    dueSoon: 0,
    done: 0,
    onTime: 0,
    late: 0,
    pendingExtensions: 0,
    openExplanations: 0,
  };
  for (const { evaluation: e } of rows) {
    counts[e.completion] += 1;
    counts[TIMELINESS_COUNT[e.timeliness]] += 1;
    if (e.dueSoon) counts.dueSoon += 1;
  }
  for (const w of waiting) {
    counts.pendingExtensions += w.pendingExtensions;
    counts.openExplanations += w.openExplanations;
  }
  return counts;
}

/** Soonest due first (none last), then by number and title as the tasks list sorts. */
function bySoonestDue(a: Evaluated, b: Evaluated): number {
  const da = a.evaluation.dueOn;
  const db = b.evaluation.dueOn;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return (
    compareVi(a.view.number ?? '', b.view.number ?? '') || compareVi(a.view.title, b.view.title)
  );
}

/** The lead units with the most overdue obligations first, then the busiest. */
function topLeads(rows: readonly LeagueRow[]): LeagueRow[] {
  return [...rows]
    .sort((a, b) => b.openOverdue - a.openOverdue || b.total - a.total || compareVi(a.name, b.name))
    .slice(0, DASHBOARD_SIZES.leads);
}

async function taskSection(ctx: Ctx, env: TaskEnv, subject: Subject) {
  const db = ctx.database.db;
  const scope = await readScope(db, env.registry, ctx.actor);
  const { focus, unitId } = subject;
  const wheres =
    focus.kind === 'organisation'
      ? focus.organisations.map((o) => tasksRepo.taskWhere({ scope, leadOrganisationId: o.id }))
      : [
          tasksRepo.taskWhere({
            scope,
            leadUnitIds: unitId ? withPredecessors(env.registry, [unitId]) : undefined,
          }),
        ];
  // Everything the caller may see, once: the league tables of the Ministry view come from it too.
  const everything = tasksRepo.taskWhere({ scope });
  const all = unitId === null ? await evaluatedSchedules(db, env, everything) : null;
  const [evaluated, waiting] = await Promise.all([
    focus.kind === 'all' && all
      ? [all]
      : Promise.all(wheres.map((w) => evaluatedSchedules(db, env, w))),
    Promise.all(wheres.map((w) => tasksRepo.countWaiting(db, w))),
  ]);
  const rows = evaluated.flat();
  const overdue = rows
    .filter((r) => r.evaluation.timeliness === 'overdue')
    .sort((a, b) => b.evaluation.daysLate - a.evaluation.daysLate || bySoonestDue(a, b))
    .slice(0, DASHBOARD_SIZES.overdue);
  const open = rows
    .filter((r) => r.evaluation.completion === 'open')
    .sort(bySoonestDue)
    .slice(0, DASHBOARD_SIZES.open);
  const [overdueSummaries, openSummaries] = await Promise.all(
    [overdue, open].map((list) =>
      summariesOf(
        db,
        env,
        list.map((r) => r.view.id),
      ),
    ),
  );
  let byLead: { organisations: LeagueRow[]; provinces: LeagueRow[] } | null = null;
  if (all) {
    const organisations = tabulate(env, all, { groupBy: 'organisation', sourceKind: undefined });
    const provinces = tabulate(env, all, { groupBy: 'province', sourceKind: undefined });
    byLead = {
      // Provincial organisations are counted under their province.
      organisations: topLeads(organisations.rows.filter((r) => r.unit === null)),
      provinces: topLeads(provinces.rows),
    };
  }
  return {
    focus,
    counts: countTasks(rows, waiting),
    overdue: overdueSummaries!,
    open: openSummaries!,
    byLead,
  };
}

/* ───────── Programmes, engagements, proposals, roadmaps ───────── */

async function programmeSection(ctx: Ctx, env: TaskEnv, unitId: string | null) {
  const base = { unitId: unitId ?? undefined, sort: 'signed' as const, page: 1 };
  const [latest, inForce, expiring, byProvince] = await Promise.all([
    listProgrammes(ctx, env, { ...base, pageSize: unitId ? DASHBOARD_SIZES.programmes : 1 }),
    listProgrammes(ctx, env, { ...base, status: 'in_force', pageSize: 1 }),
    expiringProgrammes(ctx, env, EXPIRING_WITHIN_DAYS),
    unitId ? null : programmesByProvince(ctx, env),
  ]);
  // Within one province, as the programmes list filters by it: across the reform, both ways.
  const lineage = unitId ? new Set(lineageOf(env.registry, unitId)) : null;
  return {
    total: latest.total,
    inForce: inForce.total,
    latest: unitId ? latest.items : null,
    expiring: {
      ...expiring,
      items: expiring.items.filter(
        (s) => !lineage || s.parties.some((p) => p.unitId !== null && lineage.has(p.unitId)),
      ),
    },
    byProvince,
  };
}

/** Engagements that have begun, the latest first. */
function recentEngagements(ctx: Ctx, env: TaskEnv, unitId: string | null) {
  return listEngagements(ctx, env, {
    unitId: unitId ?? undefined,
    to: env.today,
    page: 1,
    pageSize: DASHBOARD_SIZES.engagements,
  });
}

const ANSWER_FILTERS = ['pending', ...PROPOSAL_ANSWERS] as const;

async function proposalSection(ctx: Ctx, env: TaskEnv, unitId: string | null) {
  const base = { unitId: unitId ?? undefined, page: 1 };
  const [latest, ...answered] = await Promise.all([
    listProposals(ctx, env, { ...base, pageSize: DASHBOARD_SIZES.proposals }),
    ...ANSWER_FILTERS.map((answer) => listProposals(ctx, env, { ...base, answer, pageSize: 1 })),
  ]);
  return {
    total: latest!.total,
    byAnswer: Object.fromEntries(ANSWER_FILTERS.map((a, i) => [a, answered[i]!.total])) as Record<
      (typeof ANSWER_FILTERS)[number],
      number
    >,
    latest: latest!.items,
  };
}

/** The province's newest roadmap (by span) in full, and how many it has. */
async function latestRoadmap(ctx: Ctx, env: TaskEnv, unitId: string) {
  const list = await listRoadmaps(ctx, env, { unitId, page: 1, pageSize: 1 });
  const newest = list.items[0];
  if (!newest) return null;
  return { detail: await getRoadmap(ctx, newest.roadmap.id), roadmapCount: list.total };
}

/** Everything the dashboard shows, within what the caller may read. */
export async function dashboard(ctx: Ctx, env: TaskEnv, unitId: string | undefined) {
  const subject = await subjectOf(ctx, env, unitId);
  const [tasks, programmes, engagements, proposals, roadmap] = await Promise.all([
    taskSection(ctx, env, subject),
    programmeSection(ctx, env, subject.unitId),
    recentEngagements(ctx, env, subject.unitId),
    proposalSection(ctx, env, subject.unitId),
    subject.unitId ? latestRoadmap(ctx, env, subject.unitId) : null,
  ]);
  return { unitId: subject.unitId, tasks, programmes, engagements, proposals, roadmap };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
