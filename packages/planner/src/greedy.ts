import { listIds, quoteId } from './format.js';
import { capacity, prepare, type Prepared, type PreparedItem } from './prepare.js';
import { buildResult, type Starts } from './schedule.js';
import type { PlanInput, PlanIssue, PlanResult } from './types.js';

/** Best value per unit of cost first (free items first), then higher value, then input order. */
function byRatio(a: PreparedItem, b: PreparedItem): number {
  const ra = a.cost > 0 ? a.value / a.cost : Infinity;
  const rb = b.cost > 0 ? b.value / b.cost : Infinity;
  if (ra !== rb) return rb - ra;
  if (a.value !== b.value) return b.value - a.value;
  return a.index - b.index;
}

/**
 * The plan a person would make by hand: pinned items first in their years, then (predecessors of
 * pinned items first) every item in order of value per cost, each at the earliest year that its
 * predecessors, its earliest start and the remaining envelopes allow. Returns null starts when the
 * pins cannot be honoured this way.
 */
export function greedyStarts(prepared: Prepared): { starts: Starts | null; issues: PlanIssue[] } {
  if (!prepared.spanValid || prepared.blocked) return { starts: null, issues: [] };
  const items = prepared.items;
  const starts: Starts = items.map(() => null);
  const decided = items.map(() => false);
  const load = new Map<number, number>(prepared.years.map((y) => [y, 0]));

  const fits = (item: PreparedItem, y: number, latest: number) => {
    if (y > latest || !item.domain.includes(y)) return false;
    for (const d of item.deps) {
      const ds = starts[d];
      if (ds === null || ds === undefined || ds + items[d]!.duration > y) return false;
    }
    for (let t = y; t < y + item.duration; t++) {
      if (load.get(t)! + item.share > capacity(prepared, t)) return false;
    }
    return true;
  };
  const place = (item: PreparedItem, y: number) => {
    starts[item.index] = y;
    decided[item.index] = true;
    for (let t = y; t < y + item.duration; t++) load.set(t, load.get(t)! + item.share);
  };
  const earliestFit = (item: PreparedItem, latest: number) =>
    item.domain.find((y) => fits(item, y, latest));

  // 1. Pins, in their years.
  for (const item of items) {
    if (item.pinned === null) continue;
    let fitsBudget = true;
    for (let t = item.pinned; t < item.pinned + item.duration; t++) {
      if (load.get(t)! + item.share > capacity(prepared, t)) fitsBudget = false;
    }
    if (!fitsBudget) {
      return {
        starts: null,
        issues: [
          {
            itemId: item.id,
            code: 'GREEDY_CANNOT_PLACE',
            message: `Cách xếp lần lượt không bố trí được đề xuất cố định ${quoteId(item.id)} vào năm ${item.pinned} trong hạn mức.`,
          },
        ],
      };
    }
    place(item, item.pinned);
  }

  // 2. Predecessors the pinned items need, each finishing before its successors' latest start.
  const latest = new Map<number, number>();
  for (const index of [...prepared.order].reverse()) {
    const item = items[index]!;
    const ls = item.pinned ?? latest.get(index);
    if (ls === undefined) continue;
    for (const d of item.deps) {
      const dep = items[d]!;
      if (dep.pinned !== null) continue;
      latest.set(d, Math.min(latest.get(d) ?? Infinity, ls - dep.duration));
    }
  }
  const required = items.filter((i) => latest.has(i.index)).sort(byRatio);
  while (required.some((i) => !decided[i.index])) {
    const next = required.find((i) => !decided[i.index] && i.deps.every((d) => decided[d]))!;
    const y = earliestFit(next, latest.get(next.index)!);
    if (y === undefined) {
      const needs = items
        .filter((i) => i.pinned !== null && reachesPredecessor(items, i.index, next.index))
        .map((i) => i.id);
      return {
        starts: null,
        issues: [
          {
            itemId: next.id,
            code: 'GREEDY_CANNOT_PLACE',
            message: `Cách xếp lần lượt không bố trí kịp đề xuất tiên quyết ${quoteId(next.id)} (cần hoàn thành trước năm ${latest.get(next.index)! + next.duration}) cho các đề xuất cố định ${listIds(needs)}.`,
          },
        ],
      };
    }
    place(next, y);
  }

  // 3. Everything else by value per cost, once its predecessors are decided.
  const rest = items.filter((i) => !decided[i.index]).sort(byRatio);
  for (const item of rest) if (item.domain.length === 0) decided[item.index] = true;
  for (;;) {
    const next = rest.find((i) => !decided[i.index] && i.deps.every((d) => decided[d]));
    if (!next) break;
    const y = next.deps.every((d) => starts[d] !== null) ? earliestFit(next, Infinity) : undefined;
    if (y === undefined) decided[next.index] = true;
    else place(next, y);
  }
  return { starts, issues: [] };
}

function reachesPredecessor(items: PreparedItem[], from: number, target: number): boolean {
  const stack = [from];
  const seen = new Set<number>();
  while (stack.length > 0) {
    for (const d of items[stack.pop()!]!.deps) {
      if (d === target) return true;
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return false;
}

/**
 * The baseline a person would do by hand: rank by value/cost (pinned first), place each at the
 * earliest feasible year. Always feasible when it reports 'feasible'; never proven optimal.
 */
export function greedyPlan(input: PlanInput): PlanResult {
  const t0 = performance.now();
  const prepared = prepare(input);
  const { starts, issues } = greedyStarts(prepared);
  return buildResult(prepared, starts, {
    method: 'greedy',
    status: starts === null ? 'infeasible' : 'feasible',
    solveMs: performance.now() - t0,
    issues: [...prepared.issues, ...issues],
  });
}

/** How far the greedy plan falls short: gap = (mip − greedy) / mip, and the same in percent. */
export function compareWithGreedy(
  mip: PlanResult,
  greedy: PlanResult,
): { gap: number; gapPercent: number } {
  if (!(mip.objective > 0)) return { gap: 0, gapPercent: 0 };
  const gap = (mip.objective - greedy.objective) / mip.objective;
  return { gap, gapPercent: gap * 100 };
}
