import { formatAmount, listIds, quoteId } from './format.js';
import type { PlanInput, PlanIssue, PlanItem } from './types.js';

/** Longest span accepted (the product plans about five to ten years ahead). */
export const MAX_SPAN_YEARS = 20;

/**
 * Relative tolerance of the yearly budget check: a year's planned cost may exceed its envelope by at
 * most this fraction of the envelope. It absorbs rounding (e.g. 1,000 spread over 3 years), not
 * real overruns; the greedy plan, the MIP model and `checkSchedule` all use it.
 */
export const BUDGET_TOLERANCE = 1e-9;

/** Issue codes that make a plan impossible (status 'infeasible'); every other code is a warning. */
export const BLOCKING_ISSUE_CODES: ReadonlySet<string> = new Set([
  'INVALID_SPAN',
  'INVALID_PINNED_YEAR',
  'PINNED_AND_EXCLUDED',
  'PINNED_ITEM_INVALID',
  'PINNED_OUTSIDE_SPAN',
  'PINNED_BEFORE_EARLIEST_START',
  'PINNED_ENDS_AFTER_SPAN',
  'PINNED_IN_DEPENDENCY_CYCLE',
  'PINNED_DEPENDS_ON_EXCLUDED',
  'PINNED_PREDECESSOR_NOT_PLANNABLE',
  'PINNED_BEFORE_PREDECESSOR_FINISHES',
  'PINNED_OVER_BUDGET',
  'PINNED_INFEASIBLE',
  'PINS_CONFLICT',
  'NO_SOLUTION_IN_TIME',
]);

export interface PreparedItem {
  /** Position among the prepared items (input order, ignored entries left out). */
  index: number;
  id: string;
  value: number;
  cost: number;
  duration: number;
  /** Cost falling in each year the item runs. */
  share: number;
  earliest: number | null;
  pinned: number | null;
  excluded: boolean;
  /** Data valid and not on a dependency cycle. */
  usable: boolean;
  /** Prepared indices of the predecessors (known, distinct, not itself). */
  deps: number[];
  /** Start years allowed by the span, earliest start, pin, own budget share and predecessors. */
  domain: number[];
}

export interface Prepared {
  spanValid: boolean;
  startYear: number;
  endYear: number;
  /** The years of the span (empty when the span is invalid). */
  years: number[];
  /** Envelope per year of the span (0 when missing or invalid). */
  envelope: Map<number, number>;
  items: PreparedItem[];
  byId: Map<string, PreparedItem>;
  /** Predecessors before successors; items on or behind a cycle are left out. */
  order: number[];
  issues: PlanIssue[];
  /** Whether any blocking issue was found. */
  blocked: boolean;
}

/** Budget a year can carry, tolerance included. */
export function capacity(prepared: Prepared, year: number): number {
  const e = prepared.envelope.get(year) ?? 0;
  return e * (1 + BUDGET_TOLERANCE);
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNonNegative = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Normalises and checks the input once; the planners and the checker all work from this. */
export function prepare(input: PlanInput): Prepared {
  const issues: PlanIssue[] = [];
  const issue = (code: string, message: string, itemId?: string) =>
    issues.push(itemId === undefined ? { code, message } : { itemId, code, message });

  const { startYear, endYear } = input;
  let spanValid = isInt(startYear) && isInt(endYear) && startYear <= endYear;
  if (!spanValid) {
    issue(
      'INVALID_SPAN',
      'Giai đoạn kế hoạch không hợp lệ: năm bắt đầu và năm kết thúc phải là số nguyên, năm bắt đầu không sau năm kết thúc.',
    );
  } else if (endYear - startYear + 1 > MAX_SPAN_YEARS) {
    spanValid = false;
    issue(
      'INVALID_SPAN',
      `Giai đoạn kế hoạch ${startYear}–${endYear} dài hơn ${MAX_SPAN_YEARS} năm, không thể lập lộ trình.`,
    );
  }
  const years: number[] = [];
  if (spanValid) for (let y = startYear; y <= endYear; y++) years.push(y);

  const envelope = new Map<number, number>(years.map((y) => [y, 0]));
  for (const [key, raw] of Object.entries(input.envelopes ?? {})) {
    const year = Number(key);
    if (!envelope.has(year)) {
      issue(
        'ENVELOPE_OUTSIDE_SPAN',
        `Hạn mức của năm ${key} nằm ngoài giai đoạn kế hoạch nên không được sử dụng.`,
      );
    } else if (!isNonNegative(raw)) {
      issue(
        'INVALID_ENVELOPE',
        `Hạn mức năm ${year} không hợp lệ (phải là số không âm); năm này được coi như không có kinh phí.`,
      );
    } else {
      envelope.set(year, raw);
    }
  }

  const items: PreparedItem[] = [];
  const byId = new Map<string, PreparedItem>();
  const rawDeps: unknown[] = [];
  // Pins that cannot be honoured, with the reason already reported.
  const brokenPins = new Set<number>();
  for (const [position, raw] of (input.items ?? []).entries()) {
    const item = (raw ?? {}) as Partial<PlanItem>;
    const id = item.id;
    if (typeof id !== 'string' || id.trim() === '') {
      issue('INVALID_ID', `Đề xuất ở vị trí ${position + 1} không có mã hợp lệ nên bị bỏ qua.`);
      continue;
    }
    if (byId.has(id)) {
      issue(
        'DUPLICATE_ID',
        `Mã đề xuất ${quoteId(id)} bị trùng; chỉ đề xuất xuất hiện đầu tiên được xét, đề xuất ở vị trí ${position + 1} bị bỏ qua.`,
        id,
      );
      continue;
    }
    const index = items.length;
    let usable = true;
    const invalid = (code: string, what: string) => {
      usable = false;
      issue(code, `Đề xuất ${quoteId(id)}: ${what}; đề xuất không được đưa vào lộ trình.`, id);
    };
    if (!isNonNegative(item.value)) invalid('INVALID_VALUE', 'giá trị phải là số không âm');
    if (!isNonNegative(item.cost)) invalid('INVALID_COST', 'kinh phí phải là số không âm');
    const duration = item.durationYears ?? 1;
    if (!isInt(duration) || duration < 1) {
      invalid('INVALID_DURATION', 'thời gian thực hiện phải là số nguyên năm, ít nhất 1 năm');
    }
    const earliest = item.earliestStartYear ?? null;
    if (earliest !== null && !isInt(earliest)) {
      invalid('INVALID_EARLIEST_START', 'năm sớm nhất có thể bắt đầu phải là số nguyên');
    }
    let pinned = item.pinnedYear ?? null;
    if (pinned !== null && !isInt(pinned)) {
      issue(
        'INVALID_PINNED_YEAR',
        `Đề xuất ${quoteId(id)} được cố định vào một năm không hợp lệ (phải là số nguyên).`,
        id,
      );
      brokenPins.add(index);
      pinned = null;
    }
    const excluded = item.excluded === true;
    if (!Array.isArray(item.dependsOn) && item.dependsOn !== undefined) {
      issue(
        'INVALID_DEPENDENCIES',
        `Danh sách đề xuất tiên quyết của ${quoteId(id)} không hợp lệ nên bị bỏ qua.`,
        id,
      );
    }
    rawDeps.push(Array.isArray(item.dependsOn) ? item.dependsOn : []);
    const value = usable ? (item.value as number) : 0;
    const cost = usable ? (item.cost as number) : 0;
    const d = usable ? (duration as number) : 1;
    const prepared: PreparedItem = {
      index,
      id,
      value,
      cost,
      duration: d,
      share: cost / d,
      earliest: usable ? earliest : null,
      pinned,
      excluded,
      usable,
      deps: [],
      domain: [],
    };
    items.push(prepared);
    byId.set(id, prepared);
  }

  // Dependencies: resolve ids, drop unknown ones and self-references.
  for (const item of items) {
    const seen = new Set<number>();
    for (const dep of rawDeps[item.index] as unknown[]) {
      if (dep === item.id) {
        issue(
          'SELF_DEPENDENCY',
          `Đề xuất ${quoteId(item.id)} khai báo phụ thuộc vào chính nó; phụ thuộc này bị bỏ qua.`,
          item.id,
        );
        continue;
      }
      const target = typeof dep === 'string' ? byId.get(dep) : undefined;
      if (!target) {
        issue(
          'UNKNOWN_DEPENDENCY',
          `Đề xuất ${quoteId(item.id)} phụ thuộc vào ${typeof dep === 'string' ? quoteId(dep) : 'một mã không hợp lệ'}, không có trong danh sách; phụ thuộc này bị bỏ qua.`,
          item.id,
        );
        continue;
      }
      if (!seen.has(target.index)) {
        seen.add(target.index);
        item.deps.push(target.index);
      }
    }
  }

  // Topological order (Kahn); what is left is on a cycle or behind one.
  const successors: number[][] = items.map(() => []);
  const indegree = items.map((i) => i.deps.length);
  for (const item of items) for (const d of item.deps) successors[d]!.push(item.index);
  const order: number[] = [];
  const queue = items.filter((i) => i.deps.length === 0).map((i) => i.index);
  while (queue.length > 0) {
    const n = queue.shift()!;
    order.push(n);
    for (const s of successors[n]!) if (--indegree[s]! === 0) queue.push(s);
  }
  const ordered = new Set(order);
  const reaches = (from: number, to: number): boolean => {
    const stack = [from];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const n = stack.pop()!;
      for (const s of successors[n]!) {
        if (s === to) return true;
        if (!seen.has(s) && !ordered.has(s)) {
          seen.add(s);
          stack.push(s);
        }
      }
    }
    return false;
  };
  for (const item of items) {
    if (ordered.has(item.index)) continue;
    const onCycle = reaches(item.index, item.index);
    if (onCycle) {
      const cycle = items
        .filter(
          (o) =>
            !ordered.has(o.index) && reaches(item.index, o.index) && reaches(o.index, item.index),
        )
        .map((o) => o.id);
      issue(
        'DEPENDENCY_CYCLE',
        `Đề xuất ${quoteId(item.id)} nằm trong vòng phụ thuộc lẫn nhau (${listIds(cycle)}) nên không thể đưa vào lộ trình.`,
        item.id,
      );
    } else {
      issue(
        'PREDECESSOR_NOT_PLANNABLE',
        `Đề xuất ${quoteId(item.id)} phụ thuộc vào đề xuất nằm trong vòng phụ thuộc lẫn nhau nên không thể đưa vào lộ trình.`,
        item.id,
      );
    }
    if (item.pinned !== null) {
      brokenPins.add(item.index);
      issue(
        'PINNED_IN_DEPENDENCY_CYCLE',
        `Đề xuất ${quoteId(item.id)} được cố định bắt đầu năm ${item.pinned} nhưng ${onCycle ? 'nằm trong' : 'phụ thuộc vào'} một vòng phụ thuộc lẫn nhau nên không thể bố trí.`,
        item.id,
      );
    }
    item.usable = false;
  }

  const prepared: Prepared = {
    spanValid,
    startYear,
    endYear,
    years,
    envelope,
    items,
    byId,
    order,
    issues,
    blocked: false,
  };
  if (spanValid) computeDomains(prepared, brokenPins, issue);
  // Input-level issues first, then item by item in input order.
  const position = (i: PlanIssue) =>
    i.itemId === undefined ? -1 : (byId.get(i.itemId)?.index ?? -1);
  issues.sort((a, b) => position(a) - position(b));
  prepared.blocked = issues.some((i) => BLOCKING_ISSUE_CODES.has(i.code));
  return prepared;
}

function computeDomains(
  prepared: Prepared,
  brokenPins: Set<number>,
  issue: (code: string, message: string, itemId?: string) => void,
): void {
  const { startYear, endYear, items } = prepared;
  const span = endYear - startYear + 1;
  const fitsAlone = (item: PreparedItem, y: number) => {
    for (let t = y; t < y + item.duration; t++) {
      if (item.share > capacity(prepared, t)) return false;
    }
    return true;
  };
  for (const index of prepared.order) {
    const item = items[index]!;
    const id = quoteId(item.id);
    const pin = item.pinned;
    const pinnedText = `Đề xuất ${id} được cố định bắt đầu năm ${pin}`;
    if (!item.usable) {
      if (pin !== null && !brokenPins.has(index)) {
        issue(
          'PINNED_ITEM_INVALID',
          `${pinnedText} nhưng dữ liệu của đề xuất không hợp lệ nên không thể bố trí.`,
          item.id,
        );
      }
      continue;
    }
    if (item.excluded) {
      if (pin !== null) {
        issue(
          'PINNED_AND_EXCLUDED',
          `${pinnedText} nhưng đồng thời bị loại khỏi kế hoạch; cần bỏ một trong hai lựa chọn.`,
          item.id,
        );
      }
      continue;
    }
    const lo = Math.max(startYear, item.earliest ?? startYear);
    const hi = endYear - item.duration + 1;
    let candidates: number[] = [];
    if (pin !== null) {
      if (pin < startYear || pin > endYear) {
        issue(
          'PINNED_OUTSIDE_SPAN',
          `${pinnedText}, nằm ngoài giai đoạn kế hoạch ${startYear}–${endYear}.`,
          item.id,
        );
      } else if (item.earliest !== null && pin < item.earliest) {
        issue(
          'PINNED_BEFORE_EARLIEST_START',
          `${pinnedText}, sớm hơn năm sớm nhất có thể bắt đầu (${item.earliest}).`,
          item.id,
        );
      } else if (pin > hi) {
        issue(
          'PINNED_ENDS_AFTER_SPAN',
          `${pinnedText} và cần ${item.duration} năm thực hiện, sẽ kết thúc năm ${pin + item.duration - 1}, sau năm cuối của giai đoạn (${endYear}).`,
          item.id,
        );
      } else {
        candidates = [pin];
      }
      if (candidates.length === 0) continue;
    } else {
      if (item.duration > span) {
        issue(
          'DURATION_EXCEEDS_SPAN',
          `Đề xuất ${id} cần ${item.duration} năm thực hiện, dài hơn giai đoạn kế hoạch (${span} năm), nên không được đưa vào lộ trình.`,
          item.id,
        );
        continue;
      }
      if (lo > hi) {
        issue(
          'EARLIEST_START_TOO_LATE',
          `Đề xuất ${id} chỉ có thể bắt đầu từ năm ${item.earliest} và cần ${item.duration} năm, không kịp hoàn thành trong giai đoạn ${startYear}–${endYear}.`,
          item.id,
        );
        continue;
      }
      for (let y = lo; y <= hi; y++) candidates.push(y);
    }

    for (const d of item.deps) {
      const dep = items[d]!;
      const depId = quoteId(dep.id);
      if (dep.domain.length === 0) {
        candidates = [];
        if (dep.excluded && dep.usable) {
          issue(
            pin !== null ? 'PINNED_DEPENDS_ON_EXCLUDED' : 'DEPENDS_ON_EXCLUDED',
            pin !== null
              ? `${pinnedText} nhưng phụ thuộc vào đề xuất ${depId} đã bị loại khỏi kế hoạch.`
              : `Đề xuất ${id} phụ thuộc vào đề xuất ${depId} đã bị loại khỏi kế hoạch nên cũng không được đưa vào lộ trình.`,
            item.id,
          );
        } else {
          issue(
            pin !== null ? 'PINNED_PREDECESSOR_NOT_PLANNABLE' : 'PREDECESSOR_NOT_PLANNABLE',
            pin !== null
              ? `${pinnedText} nhưng đề xuất tiên quyết ${depId} không thể bố trí trong giai đoạn.`
              : `Đề xuất ${id} phụ thuộc vào đề xuất ${depId}, không thể bố trí trong giai đoạn, nên cũng không được đưa vào lộ trình.`,
            item.id,
          );
        }
        break;
      }
      const earliestFinish = dep.domain[0]! + dep.duration;
      const kept = candidates.filter((y) => y >= earliestFinish);
      if (kept.length === 0) {
        issue(
          pin !== null ? 'PINNED_BEFORE_PREDECESSOR_FINISHES' : 'PREDECESSOR_FINISHES_TOO_LATE',
          pin !== null
            ? `${pinnedText} nhưng đề xuất tiên quyết ${depId} sớm nhất chỉ hoàn thành vào cuối năm ${earliestFinish - 1}.`
            : `Đề xuất ${id} phải chờ đề xuất tiên quyết ${depId} hoàn thành (sớm nhất cuối năm ${earliestFinish - 1}) nên không kịp thực hiện trong giai đoạn.`,
          item.id,
        );
        candidates = [];
        break;
      }
      candidates = kept;
    }
    if (candidates.length === 0) continue;

    const affordable = candidates.filter((y) => fitsAlone(item, y));
    if (affordable.length === 0) {
      const y = candidates[0]!;
      const over: number[] = [];
      for (let t = y; t < y + item.duration; t++) {
        if (item.share > capacity(prepared, t)) over.push(t);
      }
      issue(
        pin !== null ? 'PINNED_OVER_BUDGET' : 'EXCEEDS_ENVELOPE',
        pin !== null
          ? `${pinnedText} nhưng kinh phí mỗi năm (${formatAmount(item.share)}) vượt hạn mức năm ${over.join(', ')} (${over.map((t) => formatAmount(prepared.envelope.get(t) ?? 0)).join('; ')}).`
          : `Kinh phí mỗi năm của đề xuất ${id} (${formatAmount(item.share)}) vượt hạn mức của mọi năm có thể thực hiện nên không được đưa vào lộ trình.`,
        item.id,
      );
      continue;
    }
    item.domain = affordable;
  }

  // Pins together: the pinned items alone must fit each year's envelope.
  const pinnedItems = items.filter((i) => i.pinned !== null && i.domain.length > 0);
  for (const t of prepared.years) {
    const running = pinnedItems.filter(
      (i) => i.share > 0 && i.pinned! <= t && t < i.pinned! + i.duration,
    );
    const load = running.reduce((s, i) => s + i.share, 0);
    if (running.length > 1 && load > capacity(prepared, t)) {
      const envelopeText = formatAmount(prepared.envelope.get(t) ?? 0);
      for (const i of running) {
        issue(
          'PINNED_OVER_BUDGET',
          `Đề xuất ${quoteId(i.id)} (cố định bắt đầu năm ${i.pinned}) không vừa hạn mức năm ${t}: các đề xuất cố định thực hiện trong năm này (${listIds(running.map((r) => r.id))}) cần tổng ${formatAmount(load)}, vượt hạn mức ${envelopeText}.`,
          i.id,
        );
      }
    }
  }
}

/** The static checks of the input: ignored data, unplannable items and pins that cannot hold. */
export function validatePlanInput(input: PlanInput): PlanIssue[] {
  return prepare(input).issues;
}
