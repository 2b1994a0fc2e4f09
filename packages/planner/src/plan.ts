import { PlanError } from './errors.js';
import { formatAmount, listIds, quoteId } from './format.js';
import { generateInstance } from './generate.js';
import { greedyStarts } from './greedy.js';
import { buildModel, columnsOf, objectiveOf, renderLp, startsOf, type MipModel } from './model.js';
import { prepare, type Prepared } from './prepare.js';
import { buildResult, scheduleViolations, shiftEarlier, type Starts } from './schedule.js';
import { loadSolver, solveLp } from './solver.js';
import type { PlanInput, PlanIssue, PlanOptions, PlanResult } from './types.js';

export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** Slack for checking the solver's answer: its tolerances are far tighter. */
const ANSWER_TOLERANCE = 1e-6;

/**
 * The roadmap of greatest total value within each year's envelope, respecting pins, exclusions,
 * earliest starts and dependencies, solved exactly as a MIP with HiGHS (see model.ts). Status
 * 'optimal' only when HiGHS proves it; 'feasible' when the time limit stops the search with a plan;
 * 'infeasible' (no plan, issues say why) when the pins cannot all be honoured.
 */
export async function planRoadmap(
  input: PlanInput,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!(typeof limit === 'number' && limit > 0 && Number.isFinite(limit))) {
    throw new PlanError('INVALID_ARGUMENT', 'Giới hạn thời gian giải phải là số giây dương.');
  }
  const t0 = performance.now();
  const prepared = prepare(input);
  const done = (starts: Starts | null, status: PlanResult['status'], extra: PlanIssue[] = []) =>
    buildResult(prepared, starts, {
      method: 'mip',
      status,
      solveMs: performance.now() - t0,
      issues: [...prepared.issues, ...extra],
    });
  if (!prepared.spanValid || prepared.blocked) return done(null, 'infeasible');

  const model = buildModel(prepared);
  if (model.names.length === 0)
    return done(
      prepared.items.map(() => null),
      'optimal',
    );

  const highs = await loadSolver();
  const deadline = performance.now() + limit * 1000;

  const greedy = greedyStarts(prepared);
  const first = solveLp(highs, renderLp(model, model.valueCoef), model.names, {
    timeLimitSeconds: limit,
    ...(greedy.starts ? { start: columnsOf(model, greedy.starts) } : {}),
  });
  if (first.status === 'infeasible') {
    return done(null, 'infeasible', await diagnose(input, prepared, deadline));
  }
  if (!first.values) {
    return done(null, 'infeasible', [
      {
        code: 'NO_SOLUTION_IN_TIME',
        message: `Không tìm được lộ trình đáp ứng các đề xuất cố định trong giới hạn ${formatAmount(limit)} giây; hãy tăng giới hạn thời gian hoặc giảm bớt các đề xuất cố định.`,
      },
    ]);
  }
  const found = answer(model, prepared, first.values);
  const starts = shiftEarlier(prepared, found);
  if (first.status === 'optimal') return done(starts, 'optimal');
  const value = objectiveOf(model, found);
  const gap = first.bound !== null && first.bound > 0 ? (first.bound - value) / first.bound : null;
  return done(starts, 'feasible', [
    {
      code: 'NOT_PROVEN_OPTIMAL',
      message: `Hết giới hạn ${formatAmount(limit)} giây trước khi chứng minh được lộ trình tối ưu: lộ trình dưới đây khả thi${gap !== null ? `, tổng giá trị có thể thấp hơn mức tối ưu nhiều nhất ${formatAmount(Math.max(0, gap) * 100)}%` : ''}.`,
    },
  ]);
}

/**
 * Loads the solver and runs one representative 60 × 6 solve (at most 1.5 s), so that the JavaScript
 * engine has optimised the solver's WebAssembly before the first real request; without it the first
 * large solve of a process takes one to three seconds longer. Call it once at start-up.
 */
export async function warmUpSolver(): Promise<void> {
  await planRoadmap(generateInstance(1001, 60, 6), { timeLimitSeconds: 1.5 });
}

/**
 * The model (maximise value) as CPLEX LP text, for inspection or for solving with another solver.
 * Column s_<item>_<year> = 1 when the item has started by that year; <item> is the position in
 * the input once ignored entries (invalid or duplicate ids) are left out.
 */
export function roadmapLp(input: PlanInput): string {
  const model = buildModel(prepare(input));
  return renderLp(model, model.valueCoef);
}

/** The schedule in a solver answer, checked against the rules. */
function answer(model: MipModel, prepared: Prepared, values: Float64Array): Starts {
  const starts = startsOf(model, prepared.items.length, values);
  const broken = scheduleViolations(prepared, starts, ANSWER_TOLERANCE);
  if (broken.length > 0) {
    throw new PlanError(
      'SOLVER_ERROR',
      `Lời giải của bộ giải không thỏa mãn ràng buộc: ${broken.map((b) => b.message).join(' ')}`,
    );
  }
  return starts;
}

/** Which pins cannot be honoured: each pin alone with its predecessors, then all together. */
async function diagnose(
  input: PlanInput,
  prepared: Prepared,
  deadline: number,
): Promise<PlanIssue[]> {
  const highs = await loadSolver();
  const pinned = prepared.items.filter((i) => i.pinned !== null);
  const out: PlanIssue[] = [];
  let complete = true;
  for (const item of pinned) {
    const seconds = (deadline - performance.now()) / 1000;
    if (seconds <= 0) {
      complete = false;
      break;
    }
    const alone = prepare({
      ...input,
      items: input.items.map((it) =>
        it && it.id !== item.id && it.pinnedYear != null ? { ...it, pinnedYear: null } : it,
      ),
    });
    let verdict: 'infeasible' | 'feasible' | 'unknown' = 'infeasible';
    if (!alone.blocked) {
      const model = buildModel(alone);
      const outcome = solveLp(
        highs,
        renderLp(
          model,
          model.valueCoef.map(() => 0),
        ),
        model.names,
        {
          timeLimitSeconds: seconds,
        },
      );
      if (outcome.status !== 'infeasible') verdict = outcome.values ? 'feasible' : 'unknown';
    }
    if (verdict === 'unknown') complete = false;
    if (verdict !== 'infeasible') continue;
    const predecessors = ancestors(prepared, item.index).map((i) => prepared.items[i]!.id);
    const before =
      item.pinned! - 1 > prepared.startYear
        ? `các năm ${prepared.startYear}–${item.pinned! - 1}`
        : `năm ${prepared.startYear}`;
    out.push({
      itemId: item.id,
      code: 'PINNED_INFEASIBLE',
      message:
        predecessors.length > 0
          ? `Không thể bố trí đề xuất ${quoteId(item.id)} bắt đầu năm ${item.pinned}: các đề xuất tiên quyết (${listIds(predecessors)}) không thể cùng hoàn thành trước năm ${item.pinned} trong hạn mức ngân sách ${before}.`
          : `Không thể bố trí đề xuất ${quoteId(item.id)} bắt đầu năm ${item.pinned} trong hạn mức ngân sách.`,
    });
  }
  if (out.length === 0) {
    out.push({
      code: 'PINS_CONFLICT',
      message: complete
        ? `Các đề xuất cố định (${pinned.map((i) => `${quoteId(i.id)} năm ${i.pinned}`).join(', ')}) đều bố trí được nếu xét riêng, nhưng không thể cùng bố trí: cùng với các đề xuất tiên quyết của chúng, tổng kinh phí vượt hạn mức ngân sách.`
        : `Không thể cùng bố trí các đề xuất cố định (${pinned.map((i) => `${quoteId(i.id)} năm ${i.pinned}`).join(', ')}) cùng các đề xuất tiên quyết của chúng trong hạn mức ngân sách.`,
    });
  }
  return out;
}

/** All predecessors of an item, direct or not, in input order. */
function ancestors(prepared: Prepared, index: number): number[] {
  const seen = new Set<number>();
  const stack = [index];
  while (stack.length > 0) {
    for (const d of prepared.items[stack.pop()!]!.deps) {
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}
