import { createHash } from 'node:crypto';
import {
  BLOCKING_ISSUE_CODES,
  compareWithGreedy,
  greedyPlan,
  PlanError,
  planRoadmap,
  weightedValue,
  type PlanInput,
  type PlanIssue,
  type PlanResult,
} from '@caunoi/planner';
import { ROADMAP_CRITERIA, type RoadmapCriterion } from '@caunoi/shared';
import { AppError } from '../../http/errors.js';
import { AGREED_ANSWERS } from '../proposals/proposals.service.js';
import type { ItemView, RoadmapRow } from './roadmaps.repo.js';
import type { LastPlan } from './roadmaps.schemas.js';

export type Weights = Record<RoadmapCriterion, number>;

const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The weights scaled to sum 1, to 9 decimals (the caller guarantees a positive sum). */
export function normaliseWeights(w: Weights): Weights {
  const sum = ROADMAP_CRITERIA.reduce((s, c) => s + w[c], 0);
  return Object.fromEntries(
    ROADMAP_CRITERIA.map((c) => [c, Math.round((w[c] / sum) * 1e9) / 1e9]),
  ) as Weights;
}

/** Σ normalised weight × score, to 6 decimals (what the officer sees is what is planned). */
export const itemValue = (item: Pick<ItemView, 'scores'>, weights: Weights) =>
  round(weightedValue(item.scores, weights));

export interface PlanData {
  roadmap: RoadmapRow;
  envelopes: Array<{ year: number; amount: number }>;
  items: ItemView[];
  dependencies: Array<{ itemId: string; dependsOnItemId: string }>;
}

const LABEL_MAX = 70;

/**
 * The planner names items in its Vietnamese messages by their id, so each item gets a readable,
 * unique label (the proposal's title, shortened) as its planner id.
 */
function labels(items: readonly ItemView[]): Map<string, string> {
  const byItem = new Map<string, string>();
  const used = new Set<string>();
  for (const item of items) {
    const title = item.proposalTitle;
    const base = title.length > LABEL_MAX ? `${title.slice(0, LABEL_MAX - 1).trimEnd()}…` : title;
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
    used.add(label);
    byItem.set(item.id, label);
  }
  return byItem;
}

export interface PreparedPlan {
  input: PlanInput;
  /** Planner id → item id. */
  itemOf: Map<string, string>;
  /** Issues found before planning (proposals no longer agreed). */
  issues: PlanIssue[];
  hash: string;
}

/** The planner's input for a roadmap; proposals the Ministry no longer agrees to are left out. */
export function preparePlan(data: PlanData): PreparedPlan {
  const weights = data.roadmap.weights;
  const label = labels(data.items);
  const issues: PlanIssue[] = [];
  const input: PlanInput = {
    startYear: data.roadmap.startYear,
    endYear: data.roadmap.endYear,
    envelopes: Object.fromEntries(data.envelopes.map((e) => [e.year, e.amount])),
    items: data.items.map((item) => {
      const id = label.get(item.id)!;
      const agreed = item.proposalAnswer !== null && AGREED_ANSWERS.has(item.proposalAnswer);
      if (!agreed) {
        issues.push({
          itemId: id,
          code: 'PROPOSAL_NOT_AGREED',
          message: `Kiến nghị “${id}” không còn được Bộ đồng ý nên không được đưa vào lộ trình.`,
        });
      }
      return {
        id,
        value: itemValue(item, weights),
        cost: Number(item.cost),
        durationYears: item.durationYears,
        earliestStartYear: item.earliestStartYear,
        pinnedYear: agreed ? item.pinnedYear : null,
        excluded: item.excluded || !agreed,
        dependsOn: data.dependencies
          .filter((d) => d.itemId === item.id)
          .map((d) => label.get(d.dependsOnItemId)!)
          .sort(),
      };
    }),
  };
  input.items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return { input, itemOf: new Map([...label].map(([item, l]) => [l, item])), issues, hash };
}

function mapIssues(issues: readonly PlanIssue[], itemOf: Map<string, string>) {
  return issues.map((i) => ({
    itemId: i.itemId === undefined ? null : (itemOf.get(i.itemId) ?? null),
    code: i.code,
    message: i.message,
  }));
}

export interface PlanOutcome {
  lastPlan: LastPlan;
  /** Item id → planned start year. */
  schedule: Map<string, number | null>;
}

/**
 * Runs the exact planner and the greedy baseline. A plan that cannot honour the pins answers 400
 * with the planner's Vietnamese explanations.
 */
export async function runPlan(
  prepared: PreparedPlan,
  timeLimitSeconds: number | undefined,
): Promise<PlanOutcome> {
  const { input, itemOf } = prepared;
  let mip: PlanResult;
  try {
    mip = await planRoadmap(input, timeLimitSeconds ? { timeLimitSeconds } : {});
  } catch (error) {
    if (error instanceof PlanError) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        `Bộ giải tối ưu gặp lỗi, chưa lập được lộ trình: ${error.message}`,
      );
    }
    throw error;
  }
  const greedy = greedyPlan(input);
  const issues = mapIssues([...prepared.issues, ...mip.issues], itemOf);
  if (mip.status === 'infeasible') {
    const blocking = mip.issues.filter((i) => BLOCKING_ISSUE_CODES.has(i.code));
    const message = (blocking.length > 0 ? blocking : mip.issues).map((i) => i.message).join(' ');
    throw new AppError('BAD_REQUEST', `Không lập được lộ trình: ${message}`, { issues });
  }
  const schedule = new Map<string, number | null>();
  for (const [planId, year] of Object.entries(mip.schedule)) {
    schedule.set(itemOf.get(planId)!, year);
  }
  const greedySchedule: Record<string, number | null> = {};
  for (const [planId, year] of Object.entries(greedy.schedule)) {
    greedySchedule[itemOf.get(planId)!] = greedy.status === 'infeasible' ? null : year;
  }
  const greedyOk = greedy.status !== 'infeasible';
  const years: LastPlan['years'] = [];
  for (let y = input.startYear; y <= input.endYear; y++) {
    years.push({
      year: y,
      envelope: input.envelopes[y] ?? 0,
      cost: round(mip.yearlyCost[y] ?? 0, 2),
      greedyCost: greedyOk ? round(greedy.yearlyCost[y] ?? 0, 2) : null,
    });
  }
  const planned = input.items.filter((i) => mip.schedule[i.id] != null);
  return {
    schedule,
    lastPlan: {
      status: mip.status,
      objective: round(mip.objective),
      solveMs: Math.round(mip.solveMs),
      greedy: {
        status: greedy.status,
        objective: greedyOk ? round(greedy.objective) : null,
        solveMs: round(greedy.solveMs, 2),
      },
      gapPercent: greedyOk ? round(compareWithGreedy(mip, greedy).gapPercent, 2) : null,
      plannedCount: planned.length,
      plannedCost: round(
        planned.reduce((s, i) => s + i.cost, 0),
        2,
      ),
      issues,
      years,
      greedySchedule,
      inputHash: prepared.hash,
    },
  };
}
