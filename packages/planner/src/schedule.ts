import { formatAmount, quoteId } from './format.js';
import { BUDGET_TOLERANCE, capacity, prepare, type Prepared } from './prepare.js';
import type { PlanInput, PlanIssue, PlanResult } from './types.js';

/** Start year per prepared item, null = not planned. */
export type Starts = Array<number | null>;

/** Cost falling in each year of the span. */
export function yearlyLoad(prepared: Prepared, starts: Starts): Map<number, number> {
  const load = new Map<number, number>(prepared.years.map((y) => [y, 0]));
  for (const item of prepared.items) {
    const s = starts[item.index];
    if (s === null || s === undefined || item.share === 0) continue;
    for (let t = s; t < s + item.duration; t++) {
      if (load.has(t)) load.set(t, load.get(t)! + item.share);
    }
  }
  return load;
}

/** Every way a schedule breaks the rules, with `tolerance` as the relative budget slack. */
export function scheduleViolations(
  prepared: Prepared,
  starts: Starts,
  tolerance: number = BUDGET_TOLERANCE,
): PlanIssue[] {
  const out: PlanIssue[] = [];
  const add = (itemId: string, code: string, message: string) =>
    out.push({ itemId, code, message });
  for (const item of prepared.items) {
    const s = starts[item.index] ?? null;
    const id = quoteId(item.id);
    if (s === null) {
      if (item.pinned !== null) {
        add(
          item.id,
          'PIN_NOT_RESPECTED',
          `Đề xuất ${id} được cố định năm ${item.pinned} nhưng không được bố trí.`,
        );
      }
      continue;
    }
    if (!prepared.spanValid || !item.usable || item.excluded) {
      add(item.id, 'PLANNED_NOT_ALLOWED', `Đề xuất ${id} không được phép đưa vào lộ trình.`);
      continue;
    }
    if (item.pinned !== null && s !== item.pinned) {
      add(
        item.id,
        'PIN_NOT_RESPECTED',
        `Đề xuất ${id} được cố định năm ${item.pinned} nhưng được bố trí năm ${s}.`,
      );
    }
    const lo = Math.max(prepared.startYear, item.earliest ?? prepared.startYear);
    const hi = prepared.endYear - item.duration + 1;
    if (!Number.isInteger(s) || s < lo || s > hi) {
      add(
        item.id,
        'START_OUT_OF_RANGE',
        `Đề xuất ${id} bắt đầu năm ${s}, ngoài khoảng cho phép ${lo}–${hi}.`,
      );
    }
    for (const d of item.deps) {
      const dep = prepared.items[d]!;
      const ds = starts[d] ?? null;
      if (ds === null) {
        add(
          item.id,
          'MISSING_PREDECESSOR',
          `Đề xuất ${id} được bố trí nhưng đề xuất tiên quyết ${quoteId(dep.id)} thì không.`,
        );
      } else if (s < ds + dep.duration) {
        add(
          item.id,
          'STARTS_BEFORE_PREDECESSOR_FINISHES',
          `Đề xuất ${id} bắt đầu năm ${s}, trước khi đề xuất tiên quyết ${quoteId(dep.id)} hoàn thành (cuối năm ${ds + dep.duration - 1}).`,
        );
      }
    }
  }
  for (const [year, used] of yearlyLoad(prepared, starts)) {
    const envelope = prepared.envelope.get(year) ?? 0;
    if (used > envelope * (1 + tolerance)) {
      out.push({
        code: 'OVER_BUDGET',
        message: `Kinh phí bố trí năm ${year} (${formatAmount(used)}) vượt hạn mức (${formatAmount(envelope)}).`,
      });
    }
  }
  return out;
}

/**
 * Checks a schedule (start year per item id, null or missing = not planned) against the input:
 * exclusions, pins, span and earliest starts, dependencies and yearly envelopes. Returns the
 * violations as Vietnamese issues; an empty list means the schedule is feasible.
 */
export function checkSchedule(
  input: PlanInput,
  schedule: Record<string, number | null>,
): PlanIssue[] {
  const prepared = prepare(input);
  const starts: Starts = prepared.items.map(() => null);
  const out: PlanIssue[] = [];
  for (const [id, year] of Object.entries(schedule)) {
    const item = prepared.byId.get(id);
    if (!item) {
      if (year !== null) {
        out.push({
          itemId: id,
          code: 'UNKNOWN_ITEM',
          message: `Lộ trình có đề xuất ${quoteId(id)} không có trong danh sách.`,
        });
      }
      continue;
    }
    starts[item.index] = year;
  }
  return [...out, ...scheduleViolations(prepared, starts)];
}

export function buildResult(
  prepared: Prepared,
  starts: Starts | null,
  fields: Pick<PlanResult, 'method' | 'status' | 'solveMs' | 'issues'>,
): PlanResult {
  const planned: Starts = starts ?? prepared.items.map(() => null);
  const schedule: Record<string, number | null> = {};
  let objective = 0;
  for (const item of prepared.items) {
    const s = planned[item.index] ?? null;
    schedule[item.id] = s;
    if (s !== null) objective += item.value;
  }
  const yearlyCost: Record<number, number> = {};
  for (const [year, used] of yearlyLoad(prepared, planned)) yearlyCost[year] = used;
  return { ...fields, objective, schedule, yearlyCost };
}

/**
 * The tie-break of the optimal plan: moves planned items (not pinned ones) to earlier years while
 * the envelopes and their predecessors allow, until nothing moves. Items are visited by start year,
 * then input order, so the result is deterministic. The set of planned items, hence the value,
 * never changes; successors stay valid because their predecessors only finish earlier.
 */
export function shiftEarlier(prepared: Prepared, starts: Starts): Starts {
  const out = [...starts];
  const load = yearlyLoad(prepared, out);
  const fits = (share: number, from: number, to: number, duration: number) => {
    for (let t = to; t < to + duration; t++) {
      const freed = t >= from && t < from + duration ? share : 0;
      if (load.get(t)! - freed + share > capacity(prepared, t)) return false;
    }
    return true;
  };
  for (let moved = true; moved;) {
    moved = false;
    const planned = prepared.items
      .filter((i) => out[i.index] !== null && i.pinned === null)
      .sort((a, b) => out[a.index]! - out[b.index]! || a.index - b.index);
    for (const item of planned) {
      const from = out[item.index]!;
      const ready = item.deps.reduce(
        (y, d) => Math.max(y, out[d]! + prepared.items[d]!.duration),
        -Infinity,
      );
      const to = item.domain.find(
        (y) => y < from && y >= ready && fits(item.share, from, y, item.duration),
      );
      if (to === undefined) continue;
      for (let t = from; t < from + item.duration; t++) load.set(t, load.get(t)! - item.share);
      for (let t = to; t < to + item.duration; t++) load.set(t, load.get(t)! + item.share);
      out[item.index] = to;
      moved = true;
    }
  }
  return out;
}
