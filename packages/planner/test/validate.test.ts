import { describe, expect, it } from 'vitest';
import {
  BLOCKING_ISSUE_CODES,
  checkSchedule,
  greedyPlan,
  planRoadmap,
  validatePlanInput,
  type PlanInput,
  type PlanItem,
} from '../src/index.js';

const input = (items: PlanItem[], envelopes: Record<number, number> = { 2026: 10, 2027: 10 }) =>
  ({ startYear: 2026, endYear: 2027, envelopes, items }) satisfies PlanInput;

const summary = (i: PlanInput) =>
  validatePlanInput(i).map((issue) => `${issue.itemId ?? '-'} ${issue.code}`);

describe('validatePlanInput', () => {
  it('accepts a clean input', () => {
    expect(
      validatePlanInput(
        input([
          { id: 'A', value: 1, cost: 2 },
          { id: 'B', value: 2, cost: 3, durationYears: 2, dependsOn: [], earliestStartYear: null },
        ]),
      ),
    ).toEqual([]);
  });

  it('reports duplicate ids and keeps the first', async () => {
    const i = input([
      { id: 'A', value: 1, cost: 2 },
      { id: 'A', value: 9, cost: 1 },
      { id: '', value: 1, cost: 1 },
    ]);
    expect(summary(i)).toEqual(['- INVALID_ID', 'A DUPLICATE_ID']);
    const issue = validatePlanInput(i).find((x) => x.code === 'DUPLICATE_ID')!;
    expect(issue.message).toBe(
      'Mã đề xuất “A” bị trùng; chỉ đề xuất xuất hiện đầu tiên được xét, đề xuất ở vị trí 2 bị bỏ qua.',
    );
    const mip = await planRoadmap(i);
    expect(mip.schedule).toEqual({ A: 2026 });
    expect(mip.objective).toBe(1);
  });

  it('reports unknown and self dependencies and ignores them', async () => {
    const i = input([
      { id: 'A', value: 1, cost: 2, dependsOn: ['NOPE', 'A'] },
      { id: 'B', value: 1, cost: 2, dependsOn: ['A', 'A'] },
    ]);
    expect(summary(i)).toEqual(['A UNKNOWN_DEPENDENCY', 'A SELF_DEPENDENCY']);
    expect((await planRoadmap(i)).schedule).toEqual({ A: 2026, B: 2027 });
  });

  it('reports dependency cycles: the items on and behind the cycle are not planned', async () => {
    const i = input([
      { id: 'A', value: 1, cost: 1, dependsOn: ['C'] },
      { id: 'B', value: 1, cost: 1, dependsOn: ['A'] },
      { id: 'C', value: 1, cost: 1, dependsOn: ['B'] },
      { id: 'D', value: 1, cost: 1, dependsOn: ['C'] },
      { id: 'E', value: 1, cost: 1 },
    ]);
    expect(summary(i)).toEqual([
      'A DEPENDENCY_CYCLE',
      'B DEPENDENCY_CYCLE',
      'C DEPENDENCY_CYCLE',
      'D PREDECESSOR_NOT_PLANNABLE',
    ]);
    expect(validatePlanInput(i)[0]!.message).toContain('(“A”, “B”, “C”)');
    const mip = await planRoadmap(i);
    expect(mip.status).toBe('optimal');
    expect(mip.schedule).toEqual({ A: null, B: null, C: null, D: null, E: 2026 });
    const pinned = input([
      { id: 'A', value: 1, cost: 1, dependsOn: ['B'], pinnedYear: 2027 },
      { id: 'B', value: 1, cost: 1, dependsOn: ['A'] },
    ]);
    expect(summary(pinned)).toEqual([
      'A DEPENDENCY_CYCLE',
      'A PINNED_IN_DEPENDENCY_CYCLE',
      'B DEPENDENCY_CYCLE',
    ]);
  });

  it('reports negative and non-numeric data and leaves those items out', async () => {
    const i = input(
      [
        { id: 'A', value: -1, cost: 2 },
        { id: 'B', value: 1, cost: -2 },
        { id: 'C', value: 1, cost: 2, durationYears: 0 },
        { id: 'D', value: 1, cost: 2, durationYears: 1.5 },
        { id: 'E', value: Number.NaN, cost: 2 },
        { id: 'F', value: 1, cost: Infinity },
        { id: 'G', value: 1, cost: 2, earliestStartYear: 2026.5 },
        { id: 'H', value: 1, cost: 2 },
      ],
      { 2026: -5, 2027: 10, 2030: 3 },
    );
    expect(summary(i)).toEqual([
      '- INVALID_ENVELOPE',
      '- ENVELOPE_OUTSIDE_SPAN',
      'A INVALID_VALUE',
      'B INVALID_COST',
      'C INVALID_DURATION',
      'D INVALID_DURATION',
      'E INVALID_VALUE',
      'F INVALID_COST',
      'G INVALID_EARLIEST_START',
    ]);
    expect(validatePlanInput(i).every((x) => !BLOCKING_ISSUE_CODES.has(x.code))).toBe(true);
    const mip = await planRoadmap(i);
    expect(mip.status).toBe('optimal');
    expect(mip.schedule).toEqual({
      A: null,
      B: null,
      C: null,
      D: null,
      E: null,
      F: null,
      G: null,
      H: 2027,
    });
  });

  it('reports items that cannot fit the span, an envelope or their predecessors', () => {
    const i = input(
      [
        { id: 'LONG', value: 1, cost: 3, durationYears: 3 },
        { id: 'LATE', value: 1, cost: 2, durationYears: 2, earliestStartYear: 2027 },
        { id: 'BIG', value: 1, cost: 11 },
        { id: 'SLOW', value: 1, cost: 2, durationYears: 2 },
        { id: 'AFTER', value: 1, cost: 2, dependsOn: ['SLOW'] },
        { id: 'OUT', value: 1, cost: 2, excluded: true },
        { id: 'NEXT', value: 1, cost: 2, dependsOn: ['OUT'] },
      ],
      { 2026: 10, 2027: 10 },
    );
    expect(summary(i)).toEqual([
      'LONG DURATION_EXCEEDS_SPAN',
      'LATE EARLIEST_START_TOO_LATE',
      'BIG EXCEEDS_ENVELOPE',
      'AFTER PREDECESSOR_FINISHES_TOO_LATE',
      'NEXT DEPENDS_ON_EXCLUDED',
    ]);
  });

  it('reports pins that cannot hold, as blocking issues', () => {
    const i = input([
      { id: 'A', value: 1, cost: 1, pinnedYear: 2028 },
      { id: 'B', value: 1, cost: 1, pinnedYear: 2026.5 },
      { id: 'C', value: -1, cost: 1, pinnedYear: 2026 },
      { id: 'D', value: 1, cost: 11, pinnedYear: 2026 },
      { id: 'E', value: 1, cost: 11 },
      { id: 'F', value: 1, cost: 1, dependsOn: ['E'], pinnedYear: 2027 },
    ]);
    expect(summary(i)).toEqual([
      'A PINNED_OUTSIDE_SPAN',
      'B INVALID_PINNED_YEAR',
      'C INVALID_VALUE',
      'C PINNED_ITEM_INVALID',
      'D PINNED_OVER_BUDGET',
      'E EXCEEDS_ENVELOPE',
      'F PINNED_PREDECESSOR_NOT_PLANNABLE',
    ]);
    const blocking = validatePlanInput(i).filter((x) => BLOCKING_ISSUE_CODES.has(x.code));
    expect(blocking.map((x) => x.itemId)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(validatePlanInput(i).find((x) => x.itemId === 'D')!.message).toBe(
      'Đề xuất “D” được cố định bắt đầu năm 2026 nhưng kinh phí mỗi năm (11) vượt hạn mức năm 2026 (10).',
    );
  });

  it('rejects an invalid span', async () => {
    for (const [startYear, endYear] of [
      [2027, 2026],
      [2026.5, 2027],
      [2000, 2030],
    ] as const) {
      const i: PlanInput = {
        startYear,
        endYear,
        envelopes: {},
        items: [{ id: 'A', value: 1, cost: 0 }],
      };
      expect(summary(i)).toEqual(['- INVALID_SPAN']);
      const mip = await planRoadmap(i);
      expect(mip.status).toBe('infeasible');
      expect(mip.schedule).toEqual({ A: null });
      expect(greedyPlan(i).status).toBe('infeasible');
    }
  });

  it('writes every message in Vietnamese', () => {
    const i = input([
      { id: 'A', value: 1, cost: 1, pinnedYear: 2030, dependsOn: ['X'] },
      { id: 'A', value: 1, cost: 1 },
    ]);
    for (const issue of validatePlanInput(i)) {
      expect(issue.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵ]/i);
    }
  });
});

describe('checkSchedule', () => {
  const i = input([
    { id: 'A', value: 1, cost: 6, durationYears: 2 },
    { id: 'B', value: 1, cost: 4, dependsOn: ['A'] },
    { id: 'C', value: 1, cost: 7, pinnedYear: 2027 },
    { id: 'D', value: 1, cost: 1, excluded: true },
    { id: 'E', value: 1, cost: 0, earliestStartYear: 2027 },
  ]);

  it('accepts a feasible schedule', () => {
    expect(checkSchedule(i, { A: 2026, B: null, C: 2027, D: null, E: 2027 })).toEqual([]);
  });

  it('names every broken rule', () => {
    const codes = checkSchedule(i, { A: 2027, B: 2026, C: 2026, D: 2026, E: 2026, Z: 2026 }).map(
      (x) => `${x.itemId ?? '-'} ${x.code}`,
    );
    expect(codes).toEqual([
      'Z UNKNOWN_ITEM',
      'A START_OUT_OF_RANGE',
      'B STARTS_BEFORE_PREDECESSOR_FINISHES',
      'C PIN_NOT_RESPECTED',
      'D PLANNED_NOT_ALLOWED',
      'E START_OUT_OF_RANGE',
      '- OVER_BUDGET',
    ]);
    expect(checkSchedule(i, { B: 2027 }).map((x) => x.code)).toEqual([
      'MISSING_PREDECESSOR',
      'PIN_NOT_RESPECTED',
    ]);
  });
});
